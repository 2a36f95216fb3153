package org.classicnlp.ngram;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.AnalyzerSpec;
import org.classicnlp.core.CharClass;
import org.classicnlp.core.LineReader;
import org.classicnlp.core.TextFiles;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Document;
import org.classicnlp.core.ModelContainer;
import org.classicnlp.core.TermBuffer;

/**
 * A back-off n-gram language model (orders 1–6) in ARPA form: a log10 probability per n-gram and a log10
 * back-off weight per n-gram that is a context, queried as KenLM's {@code query} does. Immutable and
 * thread-safe.
 *
 * <p>Layout: unigrams are indexed by word id; each higher order is one open-addressing table of
 * interleaved longs, {@code key, value}, where {@code key = slot(context) << 26 | word} (the slot of the
 * (n-1)-gram context in the table below) and {@code value} holds the float bits of the log10 probability
 * (high half) and back-off (low half). An n-gram's identity is its slot, so a query carries the slots of
 * the history's suffixes from word to word and makes one probe per order.
 *
 * <p>{@code <s>}, {@code </s>} and {@code <unk>} are as in KenLM: a sentence is scored in the context
 * {@code <s>}, ends with {@code </s>}, and a word outside the vocabulary is scored as {@code <unk>}.
 *
 * <p>Files: {@link #writeArpa} / {@link #readArpa} (plain or {@code .gz}); {@link #save} / {@link #load}: the
 * {@link ModelContainer} kind {@code ngram} version 2, stored plain. {@link #load} maps the file
 * ({@link ModelContainer#map}: the CRC-32 is checked over the mapping) and queries the tables in place, as
 * KenLM does with its binary files; nothing is copied. Body: int order, int unit (0 word, 1 char), int
 * vocabulary size V, int ids of {@code <unk>}, {@code <s>}, {@code </s>}, V words (int byte length, UTF-8),
 * float[V] unigram log10 probabilities, float[V] unigram back-offs (all big-endian), then per order 2..N:
 * long n-gram count, int table capacity C, int padding P (0-15) and P zero bytes so that the table starts at
 * a file offset that is a multiple of 16, and the table: long[2C] <em>little-endian</em> (the byte order
 * of the machines it is used on, so that the mapped longs need no swapping; empty slots have key -1; a
 * key's home slot is {@code (high32(mix(key)) * C) >>> 32}, linear probing).
 */
public final class NGramModel {

    static final ModelContainer.Kind KIND = new ModelContainer.Kind("ngram", 2);
    /** Bits of a key holding the word id. */
    static final int WORD_BITS = 26;
    static final int MAX_ORDER = 6;
    static final long EMPTY = -1L;

    private final int order;
    private final Vocab vocab;
    private final int unk;
    private final int bos;
    private final int eos;
    private final float[] uniProb;
    private final float[] uniBackoff;
    /** uniProb and uniBackoff side by side as {@link #value} longs: one memory access per unigram in queries. */
    private final long[] uni;
    /**
     * tables[k] for k = 2..order: over arrays for a model trained or read from ARPA, over the mapped file
     * for a model loaded from our binary format.
     */
    private final LongBuffer[] tables;
    /** caps[k]: slots of tables[k]. */
    private final int[] caps;
    private final long[] counts;
    private final AnalyzerSpec spec;
    private final Unit unit;
    private final Analyzer analyzer;
    /** Whether ASCII lines may be tokenized on their bytes ({@link #scoreLine}). */
    private final boolean byteSplit;

    NGramModel(int order, Vocab vocab, int unk, int bos, int eos, float[] uniProb, float[] uniBackoff,
            LongBuffer[] tables, long[] counts, AnalyzerSpec spec, Unit unit) {
        this.order = order;
        this.vocab = vocab;
        this.unk = unk;
        this.bos = bos;
        this.eos = eos;
        this.uniProb = uniProb;
        this.uniBackoff = uniBackoff;
        this.uni = new long[uniProb.length];
        for (int i = 0; i < uni.length; i++) {
            uni[i] = value(uniProb[i], uniBackoff[i]);
        }
        this.tables = tables;
        this.caps = new int[tables.length];
        for (int k = 2; k < tables.length; k++) {
            caps[k] = tables[k] == null ? 0 : tables[k].limit() >>> 1;
        }
        this.counts = counts;
        vocab.freeze();
        this.spec = spec == null ? Analyzer.whitespace().spec() : spec;
        this.unit = unit;
        this.analyzer = Analyzer.of(this.spec);
        this.byteSplit = splitsOnWhitespaceOnly();
    }

    // ------------------------------------------------------------------ shape

    public int order() {
        return order;
    }

    /** Vocabulary size, {@code <s>}, {@code </s>} and {@code <unk>} included. */
    public int vocabularySize() {
        return vocab.size();
    }

    /** Number of n-grams of order {@code n} (1-based). */
    public long count(int n) {
        if (n < 1 || n > order) {
            throw new IllegalArgumentException("order " + n + " outside 1.." + order);
        }
        return counts[n];
    }

    /** The analysis chain the model was trained with; {@link #score(String)} and the CLI tokenize text with it. */
    public AnalyzerSpec analyzerSpec() {
        return spec;
    }

    public Unit unit() {
        return unit;
    }

    /**
     * This model tokenizing text with another analysis chain and unit (for ARPA files, which do not store
     * them); the tables are shared, not copied.
     */
    public NGramModel withAnalysis(AnalyzerSpec spec, Unit unit) {
        return new NGramModel(order, vocab, unk, bos, eos, uniProb, uniBackoff, tables, counts, spec, unit);
    }

    /** Whether {@code word} is in the vocabulary. */
    public boolean contains(String word) {
        return vocab.find(word) >= 0;
    }

    // ------------------------------------------------------------------ lookups

    static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    /** Home slot of {@code key} in a table of {@code cap} slots: the high half of the mixed key scaled to cap. */
    static int home(long key, int cap) {
        return (int) (((mix(key) >>> 32) * cap) >>> 32);
    }

    /** Slot of {@code key} in {@code table} (interleaved key, value; linear probing), or -1. */
    static int find(long[] table, long key) {
        return find(LongBuffer.wrap(table), key);
    }

    /** Slot of {@code key} in {@code table} (interleaved key, value; linear probing), or -1. */
    static int find(LongBuffer table, long key) {
        int cap = table.limit() >>> 1;
        int i = home(key, cap);
        for (int left = cap; left > 0; left--) { // bounded: a damaged file's table may have no empty slot
            long kk = table.get(2 * i);
            if (kk == key) {
                return i;
            }
            if (kk == EMPTY) {
                return -1;
            }
            if (++i == cap) {
                i = 0;
            }
        }
        return -1;
    }

    /** Slot of {@code key} in the table of order {@code k}, or -1. */
    int find(int k, long key) {
        return find(tables[k], key);
    }

    static long key(int contextSlot, int word) {
        return ((long) contextSlot << WORD_BITS) | word;
    }

    private float backoff(int k, int slot) {
        return Float.intBitsToFloat((int) (k == 1 ? uni[slot] : tables[k].get(2 * slot + 1)));
    }

    /** Word id of a token, {@code <unk>}'s when unknown. */
    int id(char[] c, int off, int len) {
        int id = vocab.findHashed(Vocab.hash64(c, off, len));
        return id < 0 ? unk : id;
    }

    int idOf(String word) {
        int id = vocab.find(word);
        return id < 0 ? unk : id;
    }

    /**
     * A fresh state: the context {@code <s>}. {@code state[j]} (j < order-1) is the slot of the (j+1)-gram
     * ending the history, or -1; the second half is scratch space for {@link #step}.
     */
    int[] beginState() {
        int[] s = emptyState();
        s[0] = bos;
        return s;
    }

    int[] emptyState() {
        int[] s = new int[2 * Math.max(order - 1, 1)];
        Arrays.fill(s, -1);
        return s;
    }

    /**
     * log10 p(w | history in {@code in}); writes the history extended by {@code w} to {@code out} (may not be
     * {@code in}). KenLM's rule: the longest n-gram of the history's suffix and w that is in the model gives
     * the probability, plus the back-offs of every longer context that is in the model.
     *
     * <p>The first probe of every order is made before any is looked at: the probes do not depend on each
     * other (each context slot is in the state already), so their cache misses overlap instead of queueing,
     * which is most of a query's time on tables of hundreds of megabytes.
     */
    float step(int[] in, int[] out, int w) {
        int n = order - 1;
        LongBuffer[] tables = this.tables;
        // pass 1: the home slot of (context, w) in each order; out[n + j - 1] = slot if found there, -1 if that
        // slot is empty (absent), else -2 - slot (keep probing after it)
        int reach = 1;
        for (int j = 1; j < order; j++) {
            int ctx = in[j - 1];
            if (ctx < 0) {
                break;
            }
            long key = key(ctx, w);
            LongBuffer t = tables[j + 1];
            int i = home(key, caps[j + 1]);
            long kk = t.get(2 * i);
            out[n + j - 1] = kk == key ? i : kk == EMPTY ? -1 : -2 - i;
            reach = j + 1;
        }
        float prob = Float.intBitsToFloat((int) (uni[w] >>> 32));
        int matched = 1;
        if (n > 0) {
            out[0] = w;
        }
        int j = 1;
        for (; j < reach; j++) {
            int slot = out[n + j - 1];
            if (slot < -1) {
                slot = probeOn(tables[j + 1], caps[j + 1], key(in[j - 1], w), -2 - slot);
            }
            if (slot < 0) {
                break;
            }
            prob = Float.intBitsToFloat((int) (tables[j + 1].get(2 * slot + 1) >>> 32));
            matched = j + 1;
            if (j < n) {
                out[j] = slot;
            }
        }
        for (int q = j; q < n; q++) {
            out[q] = -1;
        }
        for (int c = matched - 1; c < n; c++) {
            int h = in[c];
            if (h < 0) {
                break;
            }
            prob += backoff(c + 1, h);
        }
        return prob;
    }

    /** Linear probing for {@code key} from the slot after {@code from}: its slot, or -1. */
    private static int probeOn(LongBuffer table, int cap, long key, int from) {
        int i = from;
        for (int left = cap - 1; left > 0; left--) { // bounded, as in find
            if (++i == cap) {
                i = 0;
            }
            long kk = table.get(2 * i);
            if (kk == key) {
                return i;
            }
            if (kk == EMPTY) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * log10 p(word | context): {@code context} is the preceding words, oldest first (only the last order-1
     * count); a context starting with {@code <s>} means a sentence start. Unknown words are {@code <unk>}.
     */
    public double logProb(String word, List<String> context) {
        Objects.requireNonNull(word, "word");
        int[] a = emptyState();
        int[] b = emptyState();
        int from = Math.max(0, context.size() - (order - 1));
        for (int i = from; i < context.size(); i++) {
            String c = context.get(i);
            int id = c.equals("<s>") ? bos : idOf(c);
            step(a, b, id);
            int[] t = a;
            a = b;
            b = t;
        }
        return step(a, b, word.equals("</s>") ? eos : idOf(word));
    }

    /** Total log10 probability of a sentence of tokens, {@code </s>} included, in the context {@code <s>} (KenLM {@code query}). */
    public double score(List<String> tokens) {
        int[] a = beginState();
        int[] b = emptyState();
        double total = 0;
        for (String t : tokens) {
            total += step(a, b, idOf(t));
            int[] s = a;
            a = b;
            b = s;
        }
        return total + step(a, b, eos);
    }

    /** Total log10 probability of {@code text} tokenized as the model was trained (analyzer and unit). */
    public double score(String text) {
        return scoreText(text, new Scorer()).total;
    }

    /** Tokens of text as this model's analyzer and unit make them. */
    public List<String> tokens(String text) {
        TermBuffer buf = new TermBuffer();
        int n = analyzer.analyze(text, buf);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (unit == Unit.WORD) {
                out.add(buf.term(i));
            } else {
                String t = buf.term(i);
                t.codePoints().filter(cp -> !Character.isWhitespace(cp)).forEach(cp -> out.add(Character.toString(cp)));
            }
        }
        return out;
    }

    /**
     * Reusable per-thread buffers for scoring many texts, one sentence at a time; not thread-safe.
     *
     * <p>A sentence is scored as {@link #step} would score it word by word, with the same arithmetic in the same
     * order, but level by level: first every word's id, then the slots of all its bigrams, then of all its
     * trigrams, and so on. The probe of the k-gram ending at word i needs only the (k-1)-grams ending at words
     * i-1 and i, so the probes of one level do not depend on each other: the processor has the cache misses of
     * a whole sentence in flight at once, where word by word each probe waits for the one before it (the
     * (k-1)-gram's slot is the k-gram's key). On tables of hundreds of megabytes those misses are the time.
     */
    final class Scorer {
        final TermBuffer buf = new TermBuffer();
        char[] chars = new char[256];
        /**
         * lev[k][p] (k = 1..order): the slot of the k-gram ending at sentence position p in table k (k = 1: the
         * word id), or -1 when that k-gram is absent or an order below it already was; position 0 is the
         * context {@code <s>}.
         */
        final int[][] lev = new int[order + 1][];
        /** Scratch of a level pass: each probe's key and the key found in its home slot. */
        long[] keys = new long[64];
        long[] homeKeys = new long[64];
        int[] homes = new int[64];
        /** Hashes of the words of an ASCII line ({@link #scoreLine}), looked up together. */
        long[] hashes = new long[64];
        /** Words of the sentence so far. */
        int n;
        double total;
        double oovTotal;
        long tokens;
        long oovs;

        Scorer() {
            for (int k = 1; k <= order; k++) {
                lev[k] = new int[64];
            }
        }

        private void ensure(int positions) {
            if (positions > lev[1].length) {
                int c = Math.max(positions, 2 * lev[1].length);
                for (int k = 1; k <= order; k++) {
                    lev[k] = Arrays.copyOf(lev[k], c);
                }
                keys = new long[c];
                homeKeys = new long[c];
                homes = new int[c];
            }
        }

        void word(int id) {
            ensure(n + 2);
            lev[1][++n] = id;
        }

        /** Adds the word whose {@link Vocab#hash64} is {@code h}; looked up by {@link #lookUpHashes}. */
        void hashed(long h) {
            if (n >= hashes.length) {
                hashes = Arrays.copyOf(hashes, 2 * hashes.length);
            }
            hashes[n++] = h;
        }

        /** Replaces the hashes added so far by their word ids ({@code <unk>}'s when unknown). */
        void lookUpHashes() {
            int m = n;
            ensure(m + 2);
            int[] ids = lev[1];
            long[] h = hashes;
            Vocab v = vocab;
            for (int i = 0; i < m; i++) {
                int id = v.findHashed(h[i]);
                ids[i + 1] = id < 0 ? unk : id;
            }
        }

        void begin() {
            n = 0;
            lev[1][0] = bos;
        }

        void reset() {
            total = 0;
            oovTotal = 0;
            tokens = 0;
            oovs = 0;
        }

        /** Adds {@code </s>} and scores the sentence. */
        void end() {
            word(eos);
            int len = n;
            int[] ids = lev[1];
            for (int k = 2; k <= order; k++) {
                level(k, len);
            }
            for (int p = 1; p <= len; p++) {
                int w = ids[p];
                float prob = Float.intBitsToFloat((int) (uni[w] >>> 32));
                int matched = 1;
                for (int k = 2; k <= order; k++) {
                    int slot = lev[k][p];
                    if (slot < 0) {
                        break;
                    }
                    matched = k;
                    prob = Float.intBitsToFloat((int) (tables[k].get(2 * slot + 1) >>> 32));
                }
                // the back-offs of the longer contexts (step: in[c] is the (c+1)-gram ending at p-1)
                for (int c = matched - 1; c < order - 1; c++) {
                    int h = lev[c + 1][p - 1];
                    if (h < 0) {
                        break;
                    }
                    prob += backoff(c + 1, h);
                }
                total += prob;
                tokens++;
                if (w == unk) {
                    oovs++;
                    oovTotal += prob;
                }
            }
        }

        /**
         * Slots of the k-grams ending at positions 1..len: first every home slot is read (independent loads),
         * then each probe is settled (most end at the home slot).
         */
        private void level(int k, int len) {
            int[] lo = lev[k - 1];
            int[] cur = lev[k];
            int[] ids = lev[1];
            long[] ks = keys;
            long[] hk = homeKeys;
            int[] hs = homes;
            LongBuffer t = tables[k];
            int cap = caps[k];
            cur[0] = -1;
            for (int p = 1; p <= len; p++) {
                if (lo[p - 1] < 0 || lo[p] < 0) {
                    // as step: no probe once an order below is absent (its context or its suffix)
                    hs[p] = -1;
                    continue;
                }
                long key = key(lo[p - 1], ids[p]);
                int h = home(key, cap);
                ks[p] = key;
                hs[p] = h;
                hk[p] = t.get(2 * h);
            }
            for (int p = 1; p <= len; p++) {
                if (hs[p] < 0) {
                    cur[p] = -1;
                    continue;
                }
                long key = ks[p];
                long kk = hk[p];
                cur[p] = kk == key ? hs[p] : kk == EMPTY ? -1 : probeOn(t, cap, key, hs[p]);
            }
        }
    }

    Scorer scoreText(String text, Scorer s) {
        s.reset();
        s.begin();
        int n = analyzer.analyze(text, s.buf);
        char[] c = s.buf.chars();
        for (int i = 0; i < n; i++) {
            int st = s.buf.start(i);
            int e = s.buf.end(i);
            if (unit == Unit.WORD) {
                s.word(id(c, st, e - st));
            } else {
                for (int p = st; p < e; ) {
                    int cp = Character.codePointAt(c, p, e);
                    int len = Character.charCount(cp);
                    if (!Character.isWhitespace(cp)) {
                        s.word(id(c, p, len));
                    }
                    p += len;
                }
            }
        }
        s.end();
        return s;
    }

    /** ASCII bytes that are white space ({@link CharClass#isWhitespace}). */
    private static final boolean[] ASCII_SPACE = new boolean[128];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII_SPACE[c] = CharClass.isWhitespace(c);
        }
    }

    /** Whether the analyzer only splits on white space, so that an ASCII line can be tokenized on its bytes. */
    private boolean splitsOnWhitespaceOnly() {
        return spec.equals(WHITESPACE_SPEC);
    }

    private static final AnalyzerSpec WHITESPACE_SPEC = AnalyzerSpec.of("whitespace");

    /**
     * Scores the line last read by {@code r} (one sentence) as {@link #scoreText} would score its text: an
     * ASCII line of a whitespace-tokenized model is split and looked up on its bytes, without decoding it
     * into a String; any other line is decoded and analysed.
     */
    Scorer scoreLine(LineReader r, Scorer s) {
        byte[] b = r.lineBytes();
        int from = r.lineStart();
        int to = r.lineEnd();
        if (!byteSplit) {
            return scoreText(r.decodeLine(), s);
        }
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return scoreSplitOnWhitespace(r.decodeLine(), s);
            }
        }
        s.reset();
        s.begin();
        boolean[] space = ASCII_SPACE;
        int i = from;
        if (unit == Unit.WORD) {
            while (true) {
                while (i < to && space[b[i]]) {
                    i++;
                }
                if (i == to) {
                    break;
                }
                int st = i;
                while (i < to && !space[b[i]]) {
                    i++;
                }
                s.hashed(Vocab.hash64(b, st, i - st));
            }
        } else {
            for (; i < to; i++) {
                if (!space[b[i]]) {
                    s.hashed(Vocab.hash64(b, i, 1));
                }
            }
        }
        // the vocabulary probes of the whole line together, their cache misses overlapping
        s.lookUpHashes();
        s.end();
        return s;
    }

    /**
     * {@link #scoreText} for a whitespace-tokenized model without the analyzer: the text's chars split on
     * {@link CharClass#isWhitespace} (every such char is in the BMP) and looked up where they lie.
     */
    private Scorer scoreSplitOnWhitespace(String text, Scorer s) {
        s.reset();
        s.begin();
        int n = text.length();
        if (s.chars.length < n) {
            s.chars = new char[Math.max(n, 2 * s.chars.length)];
        }
        char[] c = s.chars;
        text.getChars(0, n, c, 0);
        int i = 0;
        while (true) {
            while (i < n && CharClass.isWhitespace(c[i])) {
                i++;
            }
            if (i == n) {
                break;
            }
            int st = i;
            while (i < n && !CharClass.isWhitespace(c[i])) {
                i++;
            }
            if (unit == Unit.WORD) {
                s.word(id(c, st, i - st));
            } else {
                for (int p = st; p < i; ) {
                    int len = Character.isHighSurrogate(c[p]) && p + 1 < i && Character.isLowSurrogate(c[p + 1]) ? 2 : 1;
                    s.word(id(c, p, len));
                    p += len;
                }
            }
        }
        s.end();
        return s;
    }

    /**
     * Perplexity over the lines of a UTF-8 text file ({@code .gz}: gzip), one sentence per line, blank lines
     * included (as {@link org.classicnlp.core.Corpora#lines}); the same result as {@link #perplexity(Corpus)}
     * over those lines, faster.
     */
    public Perplexity perplexity(Path textFile) {
        try (LineReader r = TextFiles.lineReader(textFile)) {
            return perplexity(r);
        }
    }

    /** {@link #perplexity(Path)} over the lines of a reader (not closed). */
    public Perplexity perplexity(LineReader lines) {
        Scorer s = new Scorer();
        double total = 0;
        double oovTotal = 0;
        long tokens = 0;
        long oovs = 0;
        long sentences = 0;
        while (lines.nextBytes()) {
            scoreLine(lines, s);
            total += s.total;
            oovTotal += s.oovTotal;
            tokens += s.tokens;
            oovs += s.oovs;
            sentences++;
        }
        return new Perplexity(total, oovTotal, tokens, oovs, sentences);
    }

    /**
     * Calls {@code sink} with the total log10 probability ({@code </s>} included) of each line of
     * {@code lines}, in order: {@link #score(String)} per line, without a String per ASCII line.
     */
    public void scoreLines(LineReader lines, java.util.function.DoubleConsumer sink) {
        Scorer s = new Scorer();
        while (lines.nextBytes()) {
            sink.accept(scoreLine(lines, s).total);
        }
    }

    /** Creates a scorer for {@link #scoreText}; one per thread. */
    Scorer scorer() {
        return new Scorer();
    }

    /** Perplexity over the documents of {@code corpus}, one sentence each, tokenized as the model was trained. */
    public Perplexity perplexity(Corpus<Document> corpus) {
        Scorer s = new Scorer();
        double[] acc = new double[2];
        long[] n = new long[3];
        corpus.forEach(d -> {
            scoreText(d.text(), s);
            acc[0] += s.total;
            acc[1] += s.oovTotal;
            n[0] += s.tokens;
            n[1] += s.oovs;
            n[2]++;
        });
        return new Perplexity(acc[0], acc[1], n[0], n[1], n[2]);
    }

    /**
     * {@link #perplexity(Corpus)} with {@code threads > 1}: this thread reads, tokenizes and looks the words up
     * while another scores them (a two-stage pipeline over blocks of word ids). Same result.
     */
    public Perplexity perplexity(Corpus<Document> corpus, int threads) {
        if (threads <= 1) {
            return perplexity(corpus);
        }
        java.util.concurrent.BlockingQueue<IdBlock> full = new java.util.concurrent.ArrayBlockingQueue<>(8);
        java.util.concurrent.BlockingQueue<IdBlock> free = new java.util.concurrent.ArrayBlockingQueue<>(10);
        for (int i = 0; i < 10; i++) {
            free.add(new IdBlock());
        }
        IdBlock end = new IdBlock();
        double[] acc = new double[2];
        long[] cnt = new long[3];
        Throwable[] failed = new Throwable[1];
        Thread scorer = new Thread(() -> {
            int[] a = beginState();
            int[] b = emptyState();
            double total = 0;
            double oovTotal = 0;
            long tokens = 0;
            long oovs = 0;
            long sentences = 0;
            int[] begin = beginState();
            try {
                while (true) {
                    IdBlock blk = full.take();
                    if (blk == end) {
                        break;
                    }
                    int[] ids = blk.ids;
                    for (int i = 0, n = blk.n; i < n; i++) {
                        int id = ids[i];
                        float p = step(a, b, id);
                        total += p;
                        tokens++;
                        if (id == unk) {
                            oovs++;
                            oovTotal += p;
                        }
                        if (id == eos) {
                            sentences++;
                            System.arraycopy(begin, 0, a, 0, a.length);
                        } else {
                            int[] t = a;
                            a = b;
                            b = t;
                        }
                    }
                    blk.n = 0;
                    free.put(blk);
                }
            } catch (Throwable t) {
                failed[0] = t;
                // keep draining so that the reader never blocks
                try {
                    while (full.take() != end) {
                        // discard
                    }
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
            acc[0] = total;
            acc[1] = oovTotal;
            cnt[0] = tokens;
            cnt[1] = oovs;
            cnt[2] = sentences;
        }, "ngram-score");
        scorer.setDaemon(true);
        scorer.start();
        TermBuffer buf = new TermBuffer();
        IdBlock[] cur = new IdBlock[1];
        try {
            cur[0] = free.take();
            corpus.forEach(d -> {
                int n = analyzer.analyze(d.text(), buf);
                char[] c = buf.chars();
                for (int i = 0; i < n; i++) {
                    int st = buf.start(i);
                    int e = buf.end(i);
                    if (unit == Unit.WORD) {
                        cur[0] = add(cur[0], id(c, st, e - st), full, free);
                    } else {
                        for (int q = st; q < e; ) {
                            int cp = Character.codePointAt(c, q, e);
                            int len = Character.charCount(cp);
                            if (!Character.isWhitespace(cp)) {
                                cur[0] = add(cur[0], id(c, q, len), full, free);
                            }
                            q += len;
                        }
                    }
                }
                cur[0] = add(cur[0], eos, full, free);
            });
            if (cur[0].n > 0) {
                full.put(cur[0]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring", e);
        } finally {
            try {
                full.put(end);
                scorer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failed[0] instanceof RuntimeException r) {
            throw r;
        } else if (failed[0] instanceof Error err) {
            throw err;
        } else if (failed[0] != null) {
            throw new IllegalStateException(failed[0]);
        }
        return new Perplexity(acc[0], acc[1], cnt[0], cnt[1], cnt[2]);
    }

    /** A block of word ids on its way from the reading thread to the scoring thread. */
    private static final class IdBlock {
        final int[] ids = new int[1 << 15];
        int n;
    }

    /** Appends {@code id}, handing the block over and taking a free one when it is full. */
    private static IdBlock add(IdBlock blk, int id, java.util.concurrent.BlockingQueue<IdBlock> full,
            java.util.concurrent.BlockingQueue<IdBlock> free) {
        blk.ids[blk.n++] = id;
        if (blk.n < blk.ids.length) {
            return blk;
        }
        try {
            full.put(blk);
            IdBlock next = free.take();
            next.n = 0;
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring", e);
        }
    }

    // ------------------------------------------------------------------ sampling

    /**
     * Up to {@code n} tokens drawn one at a time from p(w | history), the history being {@code <s>} and
     * {@code prefix}; stops early when {@code </s>} is drawn (not returned). {@code <s>} and {@code <unk>} are
     * never drawn (the rest is renormalised). Same seed, same model: same tokens. Costs one pass over the
     * vocabulary per token.
     */
    public List<String> sample(List<String> prefix, int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] a = beginState();
        int[] b = emptyState();
        for (String t : prefix) {
            step(a, b, idOf(t));
            int[] s = a;
            a = b;
            b = s;
        }
        int v = vocab.size();
        double[] cum = new double[v];
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int w = 0; w < v; w++) {
                if (w != bos && w != unk) {
                    sum += Math.pow(10, step(a, b, w));
                }
                cum[w] = sum;
            }
            double r = random.nextDouble() * sum;
            int lo = 0;
            int hi = v - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cum[mid] > r) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            int w = lo;
            if (w == eos) {
                break;
            }
            out.add(vocab.word(w));
            step(a, b, w);
            int[] s = a;
            a = b;
            b = s;
        }
        return out;
    }

    /** An n-gram entry as {@code {log10 prob, log10 backoff}}, or null when the model lacks it. */
    float[] entry(List<String> words) {
        int k = words.size();
        int s = vocab.find(words.get(0));
        if (s < 0) {
            return null;
        }
        if (k == 1) {
            return new float[] {uniProb[s], uniBackoff[s]};
        }
        for (int j = 2; j <= k; j++) {
            int w = vocab.find(words.get(j - 1));
            if (w < 0 || j > order) {
                return null;
            }
            s = find(j, key(s, w));
            if (s < 0) {
                return null;
            }
        }
        long v = tables[k].get(2 * s + 1);
        return new float[] {Float.intBitsToFloat((int) (v >>> 32)), Float.intBitsToFloat((int) v)};
    }

    /** Calls {@code action} with the words and entry of every n-gram of order {@code k}. */
    void forEachNGram(int k, java.util.function.BiConsumer<List<String>, float[]> action) {
        if (k == 1) {
            for (int w = 0; w < vocab.size(); w++) {
                action.accept(List.of(vocab.word(w)), new float[] {uniProb[w], uniBackoff[w]});
            }
            return;
        }
        LongBuffer t = tables[k];
        int[] ws = new int[k];
        for (int slot = 0; slot < t.limit() / 2; slot++) {
            if (t.get(2 * slot) == EMPTY) {
                continue;
            }
            words(k, slot, ws);
            String[] w = new String[k];
            for (int i = 0; i < k; i++) {
                w[i] = vocab.word(ws[i]);
            }
            long v = t.get(2 * slot + 1);
            action.accept(List.of(w), new float[] {Float.intBitsToFloat((int) (v >>> 32)), Float.intBitsToFloat((int) v)});
        }
    }

    // ------------------------------------------------------------------ ARPA

    /** Writes the model as an ARPA file ({@code .gz}: gzip-compressed), readable by KenLM and SRILM. */
    public void writeArpa(Path file) {
        // all or nothing (a temporary sibling moved into place): a full disk leaves no half an ARPA file
        org.classicnlp.core.AtomicFile.write(file, "ARPA file", raw -> {
            if (file.toString().endsWith(".gz")) {
                GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
                writeArpa(gz);
                gz.finish();
            } else {
                writeArpa(raw);
            }
        });
    }

    /** Writes the ARPA text to {@code out} (not closed). */
    public void writeArpa(OutputStream out) throws IOException {
        byte[][] words = new byte[vocab.size()][];
        for (int i = 0; i < words.length; i++) {
            words[i] = vocab.word(i).getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder head = new StringBuilder("\n\\data\\\n");
        for (int k = 1; k <= order; k++) {
            head.append("ngram ").append(k).append('=').append(counts[k]).append('\n');
        }
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        ArpaBytes line = new ArpaBytes();
        out.write("\n\\1-grams:\n".getBytes(StandardCharsets.US_ASCII));
        for (int w = 0; w < words.length; w++) {
            line.clear();
            line.number(uniProb[w]).tab().append(words[w]);
            if (order > 1) {
                line.tab().number(uniBackoff[w]);
            }
            line.newline().writeTo(out);
        }
        // The spelled n-grams of the order just written ("w1 w2 w3", by slot), so that the next order spells
        // its contexts with one copy instead of a walk down the tables (a cache miss per order) per context.
        SpelledNGrams[] spelled = new SpelledNGrams[2]; // the order below, the order being written
        try {
            writeOrders(out, words, line, spelled);
        } finally {
            for (SpelledNGrams sp : spelled) {
                if (sp != null) {
                    sp.free();
                }
            }
        }
        out.write("\n\\end\\\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Most bytes (estimated) for the spelled n-grams of one order in {@link #writeArpa}. */
    static final long SPELLED_LIMIT = 64L << 20;

    private void writeOrders(OutputStream out, byte[][] words, ArpaBytes line, SpelledNGrams[] spelled) throws IOException {
        int[] ws = new int[order];
        ArpaBytes context = new ArpaBytes();
        long wordMask = (1L << WORD_BITS) - 1;
        for (int k = 2; k <= order; k++) {
            SpelledNGrams below = spelled[0];
            out.write(("\n\\" + k + "-grams:\n").getBytes(StandardCharsets.US_ASCII));
            LongBuffer t = tables[k];
            int cap = t.limit() / 2;
            // grouped by context (context slot << 29 | slot), so that each context is spelled once
            long[] order = new long[(int) Math.min(counts[k], cap)];
            int m = 0;
            for (int slot = 0; slot < cap && m < order.length; slot++) {
                long key = t.get(2 * slot);
                if (key != EMPTY) {
                    order[m++] = ((key >>> WORD_BITS) << 29) | slot;
                }
            }
            Arrays.sort(order, 0, m);
            // only while small: for the largest orders the spelled text (and the order below's, alive at the same
            // time) would add hundreds of megabytes to the peak RSS of a build; those walk the tables instead
            boolean spell = k < this.order && 8L * k * m + 8L * cap <= SPELLED_LIMIT;
            SpelledNGrams here = spell ? new SpelledNGrams(cap, 8L * k * m) : null;
            spelled[1] = here;
            int lastContext = -1;
            for (int i = 0; i < m; i++) {
                int ctx = (int) (order[i] >>> 29);
                int slot = (int) (order[i] & ((1 << 29) - 1));
                if (ctx != lastContext) {
                    context.clear();
                    if (k == 2) {
                        context.append(words[ctx]);
                    } else if (below != null && below.has(ctx)) {
                        below.appendTo(ctx, context);
                    } else {
                        words(k - 1, ctx, ws);
                        for (int j = 0; j < k - 1; j++) {
                            if (j > 0) {
                                context.space();
                            }
                            context.append(words[ws[j]]);
                        }
                    }
                    context.space();
                    lastContext = ctx;
                }
                long key = t.get(2 * slot);
                long v = t.get(2 * slot + 1);
                byte[] word = words[(int) (key & wordMask)];
                line.clear();
                line.number(Float.intBitsToFloat((int) (v >>> 32))).tab();
                int ngramAt = line.n;
                line.append(context.b, context.n).append(word);
                if (here != null) {
                    here.add(slot, line.b, ngramAt, line.n - ngramAt);
                }
                if (k < this.order) {
                    line.tab().number(Float.intBitsToFloat((int) v));
                }
                line.newline().writeTo(out);
            }
            if (below != null) {
                below.free();
            }
            spelled[0] = here;
            spelled[1] = null;
        }
    }

    /**
     * The n-grams of one order as text, by slot, outside the heap (hundreds of megabytes for a large model:
     * on the heap they made G1 grow the heap at the very end of a build), freed as soon as the next order is
     * written.
     */
    private static final class SpelledNGrams {
        final OffHeap.Longs at;
        final OffHeap.Bytes bytes;
        private final byte[] len4 = new byte[4];

        SpelledNGrams(int cap, long expectedBytes) {
            at = new OffHeap.Longs(cap);
            bytes = new OffHeap.Bytes(expectedBytes);
        }

        void add(int slot, byte[] b, int from, int len) {
            // the offset + 1, so that 0 (the zeroed memory) means absent
            at.set(slot, bytes.size() + 1);
            len4[0] = (byte) len;
            len4[1] = (byte) (len >>> 8);
            len4[2] = (byte) (len >>> 16);
            len4[3] = (byte) (len >>> 24);
            bytes.append(len4, 0, 4);
            bytes.append(b, from, len);
        }

        boolean has(int slot) {
            return at.get(slot) != 0;
        }

        void appendTo(int slot, ArpaBytes out) {
            long p = at.get(slot) - 1;
            byte[] l = len4;
            bytes.copyTo(p, l, 0, 4);
            int len = (l[0] & 0xff) | ((l[1] & 0xff) << 8) | ((l[2] & 0xff) << 16) | ((l[3] & 0xff) << 24);
            out.ensureRoom(len);
            bytes.copyTo(p + 4, out.b, out.n, len);
            out.n += len;
        }

        void free() {
            at.free();
            bytes.free();
        }
    }

    /** The word ids of the n-gram of order k in {@code slot}, oldest first, into {@code ws[0..k)}. */
    void words(int k, int slot, int[] ws) {
        int s = slot;
        for (int j = k; j >= 2; j--) {
            long key = tables[j].get(2 * s);
            ws[j - 1] = (int) (key & ((1L << WORD_BITS) - 1));
            s = (int) (key >>> WORD_BITS);
        }
        ws[0] = s;
    }

    /** Reads an ARPA file (plain or gzip, detected by content), as KenLM writes it. */
    public static NGramModel readArpa(Path file) {
        return ArpaReader.read(file);
    }

    /** Reads an ARPA file, plain or gzip; {@code source} names it in errors. */
    public static NGramModel readArpa(InputStream in, String source) {
        return ArpaReader.read(in, source);
    }

    /** An ARPA file or a model saved by {@link #save}, told apart by content. */
    public static NGramModel open(Path file) {
        byte[] h = head(file);
        if (h.length >= 8 && new String(h, 0, 8, StandardCharsets.ISO_8859_1).equals("CNLPMODL")) {
            return load(file);
        }
        return readArpa(file);
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ binary

    /** Saves in the model container (kind {@code ngram}, version 2, plain) with the body described on this class. */
    public void save(Path file) {
        int bodyAt = ModelContainer.headerLength(KIND, spec);
        ModelContainer.save(file, KIND, spec, ModelContainer.Compression.NONE, out -> writeBody(out, bodyAt));
    }

    /** Tables start at file offsets that are multiples of this: a slot (16 bytes) never straddles a cache line. */
    static final int TABLE_ALIGN = 16;

    private void writeBody(DataOutputStream out, int bodyAt) throws IOException {
        out.writeInt(order);
        out.writeInt(unit.ordinal());
        out.writeInt(vocab.size());
        out.writeInt(unk);
        out.writeInt(bos);
        out.writeInt(eos);
        for (int i = 0; i < vocab.size(); i++) {
            // standard UTF-8 with an int length (writeUTF's modified UTF-8 would split supplementary characters)
            byte[] u = vocab.word(i).getBytes(StandardCharsets.UTF_8);
            out.writeInt(u.length);
            out.write(u);
        }
        for (float f : uniProb) {
            out.writeFloat(f);
        }
        for (float f : uniBackoff) {
            out.writeFloat(f);
        }
        ByteBuffer bb = ByteBuffer.allocate(1 << 16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int k = 2; k <= order; k++) {
            out.writeLong(counts[k]);
            LongBuffer t = tables[k];
            out.writeInt(t.limit() / 2);
            int pad = (int) ((TABLE_ALIGN - (bodyAt + out.size() + 4L) % TABLE_ALIGN) % TABLE_ALIGN);
            out.writeInt(pad);
            out.write(new byte[pad]);
            for (int i = 0; i < t.limit(); ) {
                bb.clear();
                int m = Math.min(bb.capacity() / 8, t.limit() - i);
                bb.asLongBuffer().put(t.duplicate().position(i).limit(i + m));
                out.write(bb.array(), 0, m * 8);
                i += m;
            }
        }
    }

    /** Loads a model saved by {@link #save}. */
    public static NGramModel load(Path file) {
        return ModelContainer.map(file, NGramModel::readBody, KIND);
    }

    /** Loads a model saved by {@link #save} from a stream; {@code source} names it in errors. */
    public static NGramModel load(InputStream in, String source) {
        return ModelContainer.load(in, source, NGramModel::readBody, KIND);
    }

    private static NGramModel readBody(ModelContainer.Body body) throws IOException {
        ByteBuffer in = body.buffer();
        body.section("the header");
        body.check(in.remaining() >= 24, "too short for the header");
        int order = in.getInt();
        body.check(order >= 1 && order <= MAX_ORDER, "order " + order + " outside 1.." + MAX_ORDER);
        int unitOrd = in.getInt();
        body.check(unitOrd == 0 || unitOrd == 1, "unit " + unitOrd + " is neither 0 (word) nor 1 (char)");
        int v = in.getInt();
        body.check(v >= 3 && v < (1 << WORD_BITS), "vocabulary size " + v);
        int unk = in.getInt();
        int bos = in.getInt();
        int eos = in.getInt();
        body.check(unk >= 0 && unk < v && bos >= 0 && bos < v && eos >= 0 && eos < v, "special word ids outside the vocabulary");
        Vocab vocab = new Vocab();
        body.section("the vocabulary");
        byte[] wb = new byte[256];
        for (int i = 0; i < v; i++) {
            if (in.remaining() < 4) {
                body.section("word", i, v);
                throw body.error("truncated");
            }
            int len = in.getInt();
            if (len < 0 || in.remaining() < len) {
                body.section("word", i, v);
                throw body.error(len < 0 ? "negative length " + len : "truncated");
            }
            if (len > wb.length) {
                wb = new byte[Math.max(len, 2 * wb.length)];
            }
            in.get(wb, 0, len);
            String w = new String(wb, 0, len, StandardCharsets.UTF_8);
            if (vocab.add(w) != i) {
                body.section("word", i, v);
                throw body.error("duplicate word '" + w + "'");
            }
        }
        body.section("the unigram probabilities and back-offs");
        body.check(in.remaining() >= 8L * v, "truncated");
        float[] prob = new float[v];
        float[] bo = new float[v];
        in.asFloatBuffer().get(prob);
        in.position(in.position() + 4 * v);
        in.asFloatBuffer().get(bo);
        in.position(in.position() + 4 * v);
        LongBuffer[] tables = new LongBuffer[order + 1];
        long[] counts = new long[order + 1];
        counts[1] = v;
        for (int k = 2; k <= order; k++) {
            body.section("the " + k + "-gram table");
            body.check(in.remaining() >= 12, "truncated");
            counts[k] = in.getLong();
            int cap = in.getInt();
            body.check(cap > 0 && cap <= (1 << 29), "table capacity " + cap + " outside 1.." + (1 << 29));
            body.check(counts[k] >= 0 && counts[k] < cap, "count " + counts[k] + " does not fit capacity " + cap);
            body.check(in.remaining() >= 4, "truncated");
            int pad = in.getInt();
            body.check(pad >= 0 && pad < TABLE_ALIGN && in.remaining() >= pad, "padding " + pad + " outside 0.." + (TABLE_ALIGN - 1));
            in.position(in.position() + pad);
            body.check(in.remaining() >= 16L * cap, "truncated: " + cap + " slots need " + 16L * cap + " bytes");
            // used in place: the mapped file (or the body's array), little-endian
            tables[k] = in.slice(in.position(), 16 * cap).order(java.nio.ByteOrder.LITTLE_ENDIAN).asLongBuffer();
            in.position(in.position() + 16 * cap);
        }
        Unit unit = Unit.values()[unitOrd];
        return new NGramModel(order, vocab, unk, bos, eos, prob, bo, tables, counts,
                body.spec().orElse(null), unit);
    }

    // ------------------------------------------------------------------ building

    /**
     * Builds the table of one order: insert each n-gram once, with the slot of its context in the order below.
     * The table is a direct buffer (outside the heap, so that a plain {@code java -jar} with its default heap
     * does not grow the heap around it), or an array beyond a direct buffer's 2 GB.
     */
    static final class TableBuilder {
        private final LongBuffer table;
        final int cap;

        /** Room for {@code n} n-grams at a load of 2/3 (KenLM's probing default, -p 1.5). */
        TableBuilder(long n) {
            long c = Math.max(4, n + (n >> 1) + 1);
            if (c > (1 << 29)) {
                throw new IllegalArgumentException("too many n-grams of one order: " + n);
            }
            cap = (int) c;
            table = 16L * cap <= Integer.MAX_VALUE
                    ? ByteBuffer.allocateDirect(16 * cap).order(java.nio.ByteOrder.nativeOrder()).asLongBuffer()
                    : LongBuffer.wrap(new long[2 * cap]);
            for (int i = 0; i < 2 * cap; i += 2) {
                table.put(i, EMPTY);
            }
        }

        LongBuffer table() {
            return table;
        }

        /** Inserts and returns the slot; returns -(slot)-1 when the n-gram is already there (value unchanged). */
        int insert(int context, int word, float prob, float backoff) {
            long key = key(context, word);
            int i = home(key, cap);
            while (true) {
                long kk = table.get(2 * i);
                if (kk == key) {
                    return -i - 1;
                }
                if (kk == EMPTY) {
                    table.put(2 * i, key);
                    table.put(2 * i + 1, value(prob, backoff));
                    return i;
                }
                if (++i == cap) {
                    i = 0;
                }
            }
        }
    }

    static long value(float prob, float backoff) {
        return ((long) Float.floatToRawIntBits(prob) << 32) | (Float.floatToRawIntBits(backoff) & 0xffffffffL);
    }

    /** Bytes of one ARPA line, numbers formatted as Java's shortest float text with a lower-case exponent. */
    static final class ArpaBytes {
        byte[] b = new byte[256];
        int n;

        void clear() {
            n = 0;
        }

        void ensureRoom(int more) {
            ensure(more);
        }

        private void ensure(int more) {
            if (n + more > b.length) {
                b = Arrays.copyOf(b, Math.max(b.length * 2, n + more));
            }
        }

        ArpaBytes append(byte[] s, int len) {
            ensure(len);
            System.arraycopy(s, 0, b, n, len);
            n += len;
            return this;
        }

        ArpaBytes append(byte[] s) {
            ensure(s.length);
            System.arraycopy(s, 0, b, n, s.length);
            n += s.length;
            return this;
        }

        ArpaBytes tab() {
            ensure(1);
            b[n++] = '\t';
            return this;
        }

        ArpaBytes space() {
            ensure(1);
            b[n++] = ' ';
            return this;
        }

        ArpaBytes newline() {
            ensure(1);
            b[n++] = '\n';
            return this;
        }

        private static final double[] POW10 = new double[19];

        static {
            double x = 1;
            for (int i = 0; i < POW10.length; i++) {
                POW10[i] = x;
                x *= 10;
            }
        }

        /**
         * {@code f} with 9 significant digits, trailing zeros dropped: enough for every float to read back
         * exactly, and many times faster than {@link Float#toString} on the millions of numbers of an ARPA file.
         */
        ArpaBytes number(float f) {
            ensure(32);
            if (f == 0 || Float.isNaN(f) || Float.isInfinite(f) || Math.abs(f) < 1e-4f || Math.abs(f) >= 1e9f) {
                String t;
                if (f == 0) {
                    t = "0";
                } else if (Float.isInfinite(f)) {
                    t = f < 0 ? "-inf" : "inf";
                } else {
                    t = Float.toString(f).replace('E', 'e');
                }
                for (int i = 0; i < t.length(); i++) {
                    b[n++] = (byte) t.charAt(i);
                }
                return this;
            }
            double x = Math.abs((double) f);
            int intDigits = x >= 1 ? (int) Math.floor(Math.log10(x)) + 1 : 0;
            int lead = x >= 1 ? 0 : -(int) Math.floor(Math.log10(x)) - 1; // zeros right after the point
            int decimals = Math.max(0, 9 - intDigits) + lead;
            if (decimals > 18) {
                decimals = 18;
            }
            long scaled = Math.round(x * POW10[decimals]);
            // drop trailing zeros of the fraction
            while (decimals > 0 && scaled % 10 == 0) {
                scaled /= 10;
                decimals--;
            }
            if (f < 0) {
                b[n++] = '-';
            }
            long ip = decimals == 0 ? scaled : scaled / (long) POW10[decimals];
            long fp = decimals == 0 ? 0 : scaled % (long) POW10[decimals];
            n += writeLong(ip, b, n);
            if (decimals > 0) {
                b[n++] = '.';
                int start = n;
                for (int i = decimals - 1; i >= 0; i--) {
                    b[start + i] = (byte) ('0' + fp % 10);
                    fp /= 10;
                }
                n += decimals;
            }
            return this;
        }

        private static int writeLong(long v, byte[] out, int at) {
            if (v == 0) {
                out[at] = '0';
                return 1;
            }
            int len = 0;
            for (long t = v; t > 0; t /= 10) {
                len++;
            }
            for (int i = len - 1; i >= 0; i--) {
                out[at + i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            return len;
        }

        void writeTo(OutputStream out) throws IOException {
            out.write(b, 0, n);
        }
    }
}
