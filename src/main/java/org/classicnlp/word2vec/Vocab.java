package org.classicnlp.word2vec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Document;
import org.classicnlp.core.TermBuffer;

/**
 * The training vocabulary: words kept after {@code minCount}/{@code maxVocab}, sorted by descending count
 * (ties in order of first occurrence), as gensim sorts it. Package-private; {@link WordVectors} carries the
 * words and counts of a trained model.
 */
final class Vocab {

    final String[] words;
    final long[] counts;
    final Map<String, Integer> index;
    /**
     * Word id of every distinct word seen, by order of first occurrence (the type numbers in a
     * {@link CorpusCache}); -1 for words pruned from the vocabulary.
     */
    final int[] idOfType;
    /** Tokens in the corpus, kept or not: the denominator of learning-rate decay, as in gensim. */
    final long rawTokens;
    /** Tokens of kept words. */
    final long keptTokens;
    /** Distinct words seen before pruning. */
    final int rawTypes;
    /** The minimum count actually applied (raised above {@code minCount} when {@code maxVocab} requires it). */
    final long effectiveMinCount;
    /**
     * Counts that set the subsampling thresholds: this corpus's counts. Equal to {@link #counts} except when
     * continuing from earlier vectors ({@link #continuing}), where {@link #counts} (the noise distribution)
     * also holds the earlier corpus's counts, as gensim's {@code build_vocab(update=True)} keeps them.
     */
    final long[] sampleCounts;
    /** Sum of {@link #sampleCounts}: the subsampling threshold's corpus size. */
    final long sampleTotal;
    /** Words that came from the initial vectors (ids {@code [0, initialWords)}); 0 for a fresh vocabulary. */
    final int initialWords;

    private Vocab(String[] words, long[] counts, int[] idOfType, long rawTokens, long effectiveMinCount) {
        this(words, counts, idOfType, rawTokens, effectiveMinCount, null, 0);
    }

    private Vocab(String[] words, long[] counts, int[] idOfType, long rawTokens, long effectiveMinCount,
            long[] sampleCounts, int initialWords) {
        this.words = words;
        this.counts = counts;
        this.initialWords = initialWords;
        this.idOfType = idOfType;
        this.rawTokens = rawTokens;
        this.rawTypes = idOfType.length;
        this.effectiveMinCount = effectiveMinCount;
        this.index = new HashMap<>(words.length * 2);
        long kept = 0;
        for (int i = 0; i < words.length; i++) {
            index.put(words[i], i);
            kept += counts[i];
        }
        this.keptTokens = kept;
        this.sampleCounts = sampleCounts == null ? counts : sampleCounts;
        long st = 0;
        for (long c : this.sampleCounts) {
            st += c;
        }
        this.sampleTotal = st;
    }

    /**
     * The vocabulary of training that continues from {@code initial} on a corpus whose every word type
     * {@code corpus} kept (it was counted with minimum count 1), as gensim's {@code build_vocab(update=True)}:
     * the initial words first, in their order (ids {@code [0, initial.size())}), then the corpus's new words
     * that reach {@code minCount}, by descending count (at most {@code maxVocab} words in all when it is
     * positive). Initial words are trained wherever they occur, however rarely; their counts become the
     * initial count (0 when the vectors carry none) plus this corpus's count (gensim adds only the counts of
     * words reaching {@code min_count}; adding all of them keeps the counts true totals). Subsampling follows
     * this corpus's counts, as in gensim.
     */
    static Vocab continuing(Vocab corpus, WordVectors initial, int minCount, int maxVocab) {
        int n0 = initial.size();
        int cap = maxVocab > 0 ? Math.max(maxVocab, n0) : Integer.MAX_VALUE;
        int[] target = new int[corpus.size()];
        List<String> added = new java.util.ArrayList<>();
        List<Long> addedCounts = new java.util.ArrayList<>();
        long[] corpusCountOfInitial = new long[n0];
        for (int i = 0; i < corpus.size(); i++) {
            int j = initial.indexOf(corpus.words[i]);
            if (j >= 0) {
                target[i] = j;
                corpusCountOfInitial[j] = corpus.counts[i];
            } else if (corpus.counts[i] >= minCount && n0 + added.size() < cap) {
                target[i] = n0 + added.size();
                added.add(corpus.words[i]);
                addedCounts.add(corpus.counts[i]);
            } else {
                target[i] = -1;
            }
        }
        int n = n0 + added.size();
        String[] words = new String[n];
        long[] counts = new long[n];
        long[] sample = new long[n];
        for (int j = 0; j < n0; j++) {
            words[j] = initial.word(j);
            long before = initial.hasCounts() ? initial.count(words[j]) : 0;
            // every word needs a positive count for the noise distribution and the Huffman tree
            counts[j] = Math.max(1, before + corpusCountOfInitial[j]);
            sample[j] = corpusCountOfInitial[j];
        }
        for (int k = 0; k < added.size(); k++) {
            words[n0 + k] = added.get(k);
            counts[n0 + k] = addedCounts.get(k);
            sample[n0 + k] = addedCounts.get(k);
        }
        int[] idOfType = new int[corpus.idOfType.length];
        for (int t = 0; t < idOfType.length; t++) {
            int id = corpus.idOfType[t];
            idOfType[t] = id < 0 ? -1 : target[id];
        }
        return new Vocab(words, counts, idOfType, corpus.rawTokens, minCount, sample, n0);
    }

    int size() {
        return words.length;
    }

    /** Counts one pass of the corpus; see {@link #build(Corpus, int, int, CorpusCache)}. */
    static Vocab build(Corpus<? extends List<String>> corpus, int minCount, int maxVocab) {
        try {
            return build(corpus, minCount, maxVocab, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // unreachable without a cache
        }
    }

    /**
     * Counts one pass of the corpus and, when {@code cache} is not null, writes every token's type number to
     * it. {@code maxVocab} (0 = no limit) works like gensim's {@code max_final_vocab}: the minimum count is
     * raised until at most that many words remain.
     *
     * @throws IOException when writing the cache fails
     */
    static Vocab build(Corpus<? extends List<String>> corpus, int minCount, int maxVocab, CorpusCache cache)
            throws IOException {
        Counter counter = new Counter();
        long raw = 0;
        try (Stream<? extends List<String>> s = corpus.stream()) {
            var it = s.iterator();
            while (it.hasNext()) {
                List<String> sentence = it.next();
                int n = sentence.size();
                if (cache != null) {
                    for (int i = 0; i < n; i++) {
                        cache.token(counter.add(sentence.get(i)));
                    }
                    cache.endSentence();
                } else {
                    for (int i = 0; i < n; i++) {
                        counter.add(sentence.get(i));
                    }
                }
                raw += n;
            }
        }
        if (cache != null) {
            cache.finish();
        }
        return counter.vocab(raw, minCount, maxVocab);
    }

    /**
     * Counts one pass of {@code documents} as {@code analyzer} turns them into terms (one sentence per
     * document) and, when {@code cache} is not null, writes every token's type number to it. Terms are
     * looked up from the analyzer's buffer: no String per known token.
     *
     * @throws IOException when writing the cache fails
     */
    static Vocab buildFromAnalyzed(Corpus<Document> documents, Analyzer analyzer, int minCount, int maxVocab,
                                   CorpusCache cache) throws IOException {
        Counter counter = new Counter();
        TermBuffer terms = new TermBuffer();
        long raw = 0;
        try (Stream<Document> s = documents.stream()) {
            var it = s.iterator();
            while (it.hasNext()) {
                int n = analyzer.analyze(it.next().text(), terms);
                char[] chars = terms.chars();
                for (int i = 0; i < n; i++) {
                    int type = counter.add(chars, terms.start(i), terms.end(i));
                    if (cache != null) {
                        cache.token(type);
                    }
                }
                raw += n;
                if (cache != null) {
                    cache.endSentence();
                }
            }
        }
        if (cache != null) {
            cache.finish();
        }
        return counter.vocab(raw, minCount, maxVocab);
    }

    /**
     * Word → count over the distinct words in order of first occurrence: an open-addressing table of type
     * numbers, so a token that is already known costs a hash probe and no allocation.
     */
    private static final class Counter {
        private int[] slots = new int[1 << 16];   // type number + 1; 0 = empty
        private int[] slotHash = new int[1 << 16];
        private String[] types = new String[1 << 14];
        private long[] counts = new long[1 << 14];
        private int size;

        Counter() {
        }

        int add(String w) {
            int h = w.hashCode();
            int mask = slots.length - 1;
            int i = mix(h) & mask;
            while (true) {
                int s = slots[i];
                if (s == 0) {
                    break;
                }
                if (slotHash[i] == h && types[s - 1].equals(w)) {
                    counts[s - 1]++;
                    return s - 1;
                }
                i = (i + 1) & mask;
            }
            return insert(w, h, i);
        }

        /** {@link #add(String)} of {@code text[start, end)}; a String is made only for a new word. */
        int add(char[] text, int start, int end) {
            int h = 0;
            for (int k = start; k < end; k++) {
                h = 31 * h + text[k];   // String.hashCode
            }
            int len = end - start;
            int mask = slots.length - 1;
            int i = mix(h) & mask;
            while (true) {
                int s = slots[i];
                if (s == 0) {
                    break;
                }
                if (slotHash[i] == h && sameChars(types[s - 1], text, start, len)) {
                    counts[s - 1]++;
                    return s - 1;
                }
                i = (i + 1) & mask;
            }
            return insert(new String(text, start, len), h, i);
        }

        private static boolean sameChars(String t, char[] text, int start, int len) {
            if (t.length() != len) {
                return false;
            }
            for (int k = 0; k < len; k++) {
                if (t.charAt(k) != text[start + k]) {
                    return false;
                }
            }
            return true;
        }

        private int insert(String w, int h, int i) {
            int t = size++;
            if (t == types.length) {
                types = Arrays.copyOf(types, 2 * t);
                counts = Arrays.copyOf(counts, 2 * t);
            }
            types[t] = w;
            counts[t] = 1;
            slots[i] = t + 1;
            slotHash[i] = h;
            if (2 * size > slots.length) {
                rehash();
            }
            return t;
        }

        private static int mix(int h) {
            int x = h * 0x9E3779B9;
            return x ^ (x >>> 16);
        }

        private void rehash() {
            int[] s = new int[slots.length * 2];
            int[] sh = new int[s.length];
            int mask = s.length - 1;
            for (int k = 0; k < slots.length; k++) {
                if (slots[k] != 0) {
                    int i = mix(slotHash[k]) & mask;
                    while (s[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    s[i] = slots[k];
                    sh[i] = slotHash[k];
                }
            }
            slots = s;
            slotHash = sh;
        }

        Vocab vocab(long raw, int minCount, int maxVocab) {
            int n = size;
            // by descending count, ties by first occurrence
            Integer[] order = new Integer[n];
            for (int t = 0; t < n; t++) {
                order[t] = t;
            }
            long[] c = counts;
            Arrays.sort(order, (a, b) -> {
                int byCount = Long.compare(c[b], c[a]);
                return byCount != 0 ? byCount : Integer.compare(a, b);
            });
            long min = Math.max(1, minCount);
            if (maxVocab > 0 && maxVocab < n) {
                min = Math.max(min, c[order[maxVocab]] + 1);
            }
            int keep = 0;
            while (keep < n && c[order[keep]] >= min) {
                keep++;
            }
            String[] words = new String[keep];
            long[] kept = new long[keep];
            int[] idOfType = new int[n];
            Arrays.fill(idOfType, -1);
            for (int i = 0; i < keep; i++) {
                int t = order[i];
                words[i] = types[t];
                kept[i] = c[t];
                idOfType[t] = i;
            }
            return new Vocab(words, kept, idOfType, raw, min);
        }
    }
}
