package org.classicnlp.word2vec;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Document;
import org.classicnlp.core.ProgressListener;
import org.classicnlp.core.TermBuffer;
import org.classicnlp.core.Threads;
import org.classicnlp.core.VectorMath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains word vectors with word2vec (Mikolov et al. 2013): skip-gram or CBOW, negative sampling and/or
 * hierarchical softmax, frequent-word subsampling, a dynamic (randomly reduced) window and a learning rate
 * decaying linearly over all epochs. Parameters, defaults and update rules are gensim's {@code Word2Vec}
 * (4.x), so results are comparable with it:
 *
 * <ul>
 *   <li>vocabulary: words with at least {@code minCount} occurrences, sorted by descending count;
 *       {@code maxVocab} raises the minimum count until at most that many words remain
 *       (gensim's {@code max_final_vocab});</li>
 *   <li>subsampling: a word with count {@code c} is kept with probability
 *       {@code (sqrt(c / t) + 1) * t / c}, {@code t = sample * (tokens of kept words)};</li>
 *   <li>learning rate: {@code alpha - (alpha - minAlpha) * progress}, progress counted in corpus tokens
 *       over {@code epochs} passes, updated every batch of {@value #BATCH_WORDS} words;</li>
 *   <li>updates: the C tool's sigmoid table, gradients skipped when |x| &ge; 6 (gensim), CBOW over the mean
 *       ({@code cbowMean}, default) or sum of context vectors.</li>
 * </ul>
 *
 * <p>The corpus is read once: the vocabulary pass also writes every token's type number to a temporary file
 * (4 bytes per token, deleted after training) that each epoch reads back ({@code cacheCorpus(false)} reads
 * the corpus again every epoch instead). A reader thread turns the ids into batches and {@code threads}
 * workers update the shared weight matrices without locks (Hogwild, as the C tool does). Memory is the
 * vocabulary, the two {@code vocab × dimension} float matrices and a small pool of reused batches, never the
 * corpus; training allocates nothing per batch. {@link #fitPreTokenized} also reads without a String per
 * token. With {@code threads(1)} a fixed {@code seed} gives identical vectors on every run. Sentences longer
 * than {@value #MAX_SENTENCE} words are split.
 *
 * <p>Instances are immutable; {@link #fit} may be called from several threads.
 */
public final class Word2VecTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(Word2VecTrainer.class);

    /** Which words predict which. */
    public enum Model {
        /** Each word predicts its context words (slower, better for rare words). */
        SKIP_GRAM,
        /** The context predicts the word (faster); gensim's default. */
        CBOW
    }

    /** Words per batch handed to a worker (gensim's {@code batch_words}). */
    static final int BATCH_WORDS = 10_000;
    /** Longer sentences are split into pieces of this many words. */
    static final int MAX_SENTENCE = 10_000;

    static final int EXP_TABLE_SIZE = 1000;
    static final float MAX_EXP = 6f;
    /**
     * Logistic function on [-MAX_EXP, MAX_EXP], as the C tool tabulates it: {@code EXP_TABLE_SIZE + 1}
     * entries, because for f just below MAX_EXP the float index {@code (f + MAX_EXP) * (EXP_TABLE_SIZE /
     * MAX_EXP / 2)} rounds up to exactly EXP_TABLE_SIZE (see {@link #sigmoidIndex}).
     */
    static final float[] EXP_TABLE = new float[EXP_TABLE_SIZE + 1];

    static {
        for (int i = 0; i <= EXP_TABLE_SIZE; i++) {
            double e = Math.exp((i / (double) EXP_TABLE_SIZE * 2 - 1) * MAX_EXP);
            EXP_TABLE[i] = (float) (e / (e + 1));
        }
    }

    /**
     * The {@link #EXP_TABLE} slot of {@code f}, always in {@code [0, EXP_TABLE_SIZE]}. Callers skip
     * |f| &ge; MAX_EXP; inside that range the float product can still reach EXP_TABLE_SIZE (f =
     * {@code Math.nextDown(MAX_EXP)}: f + MAX_EXP rounds to 12), and out-of-range or NaN input is clamped
     * rather than trusted, since Hogwild updates make f unpredictable.
     */
    static int sigmoidIndex(float f) {
        int i = (int) ((f + MAX_EXP) * (EXP_TABLE_SIZE / MAX_EXP / 2));
        return Math.max(0, Math.min(i, EXP_TABLE_SIZE));
    }

    /** The tabulated logistic function of {@code f}. */
    static float sigmoid(float f) {
        return EXP_TABLE[sigmoidIndex(f)];
    }

    private static final long LCG_MULT = 25214903917L;
    private static final long LCG_MASK = (1L << 48) - 1;

    private final Model model;
    private final int dimension;
    private final int window;
    private final int negative;
    private final boolean hs;
    private final double sample;
    private final int minCount;
    private final int maxVocab;
    private final int epochs;
    private final double alpha;
    private final double minAlpha;
    private final int threads;
    private final long seed;
    private final boolean cbowMean;
    private final double nsExponent;
    private final boolean cacheCorpus;
    private final WordVectors initial;

    private Word2VecTrainer(Builder b) {
        this.model = b.model;
        this.dimension = b.dimension;
        this.window = b.window;
        this.negative = b.negative;
        this.hs = b.hs;
        this.sample = b.sample;
        this.minCount = b.minCount;
        this.maxVocab = b.maxVocab;
        this.epochs = b.epochs;
        this.alpha = b.alpha;
        this.minAlpha = b.minAlpha;
        this.threads = b.threads;
        this.seed = b.seed;
        this.cbowMean = b.cbowMean;
        this.nsExponent = b.nsExponent;
        this.cacheCorpus = b.cacheCorpus;
        this.initial = b.initial;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with gensim's defaults except {@code threads} (all available processors). */
    public static final class Builder {
        private Model model = Model.CBOW;
        private int dimension = 100;
        private int window = 5;
        private int negative = 5;
        private boolean hs = false;
        private double sample = 1e-3;
        private int minCount = 5;
        private int maxVocab = 0;
        private int epochs = 5;
        private double alpha = 0.025;
        private double minAlpha = 0.0001;
        private int threads = Threads.defaultCount();
        private long seed = 1;
        private boolean cbowMean = true;
        private double nsExponent = 0.75;
        private boolean cacheCorpus = true;
        private WordVectors initial;

        private Builder() {
        }

        /**
         * Continue from {@code vectors} (domain adaptation, gensim's {@code build_vocab(update=True)} then
         * {@code train}): their words keep their vectors as the starting point and are refined wherever the
         * corpus uses them; the corpus's words that reach {@code minCount} and are not among them are added
         * with fresh random vectors. The returned vectors hold the initial words first, in their order, then
         * the new ones. Word2vec files hold only the input vectors, so the output layer starts at zero: the
         * first updates fit it to the given vectors. {@code null} (default) trains from scratch.
         * The dimension must equal {@code vectors.dimension()}.
         */
        public Builder init(WordVectors vectors) {
            this.initial = vectors;
            return this;
        }

        /** {@link Model#CBOW} (default, gensim {@code sg=0}) or {@link Model#SKIP_GRAM} ({@code sg=1}). */
        public Builder model(Model model) {
            this.model = java.util.Objects.requireNonNull(model, "model");
            return this;
        }

        /** Vector size (gensim {@code vector_size}); default 100. */
        public Builder dimension(int dimension) {
            this.dimension = positive(dimension, "dimension");
            return this;
        }

        /** Maximum distance between a word and a context word; default 5. Each use draws a window 1..window. */
        public Builder window(int window) {
            this.window = positive(window, "window");
            return this;
        }

        /** Noise words per positive example (0 = no negative sampling); default 5. */
        public Builder negative(int negative) {
            if (negative < 0) {
                throw new IllegalArgumentException("negative must be >= 0, got " + negative);
            }
            this.negative = negative;
            return this;
        }

        /** Hierarchical softmax over a Huffman tree of the vocabulary; default off. */
        public Builder hs(boolean hs) {
            this.hs = hs;
            return this;
        }

        /** Subsampling threshold for frequent words (0 = off); default 1e-3. Values &ge; 1 are absolute counts. */
        public Builder sample(double sample) {
            if (!(sample >= 0)) {
                throw new IllegalArgumentException("sample must be >= 0, got " + sample);
            }
            this.sample = sample;
            return this;
        }

        /** Words occurring fewer times are dropped; default 5. */
        public Builder minCount(int minCount) {
            this.minCount = positive(minCount, "minCount");
            return this;
        }

        /** At most this many words (0 = no limit, default); gensim's {@code max_final_vocab}. */
        public Builder maxVocab(int maxVocab) {
            if (maxVocab < 0) {
                throw new IllegalArgumentException("maxVocab must be >= 0, got " + maxVocab);
            }
            this.maxVocab = maxVocab;
            return this;
        }

        /** Passes over the corpus; default 5. */
        public Builder epochs(int epochs) {
            this.epochs = positive(epochs, "epochs");
            return this;
        }

        /** Initial learning rate; default 0.025. */
        public Builder alpha(double alpha) {
            if (!(alpha > 0)) {
                throw new IllegalArgumentException("alpha must be > 0, got " + alpha);
            }
            this.alpha = alpha;
            return this;
        }

        /** Final learning rate; default 0.0001. */
        public Builder minAlpha(double minAlpha) {
            if (!(minAlpha >= 0)) {
                throw new IllegalArgumentException("minAlpha must be >= 0, got " + minAlpha);
            }
            this.minAlpha = minAlpha;
            return this;
        }

        /** Worker threads; default all available processors. A reader thread comes on top. */
        public Builder threads(int threads) {
            this.threads = positive(threads, "threads");
            return this;
        }

        /** Random seed (initial vectors, window sizes, subsampling, noise words); default 1. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** CBOW only: mean (true, default) or sum of the context vectors. */
        public Builder cbowMean(boolean cbowMean) {
            this.cbowMean = cbowMean;
            return this;
        }

        /** Exponent shaping the noise distribution {@code count^e}; default 0.75. */
        public Builder nsExponent(double nsExponent) {
            this.nsExponent = nsExponent;
            return this;
        }

        /**
         * Whether the vocabulary pass writes the corpus as word-type numbers to a temporary file (4 bytes per
         * token, deleted after training) that every epoch reads back instead of reading and tokenizing the
         * corpus again; default true. Turn off when the temporary directory has no room.
         */
        public Builder cacheCorpus(boolean cacheCorpus) {
            this.cacheCorpus = cacheCorpus;
            return this;
        }

        public Word2VecTrainer build() {
            if (initial != null && initial.dimension() != dimension) {
                throw new IllegalArgumentException("the initial vectors have dimension " + initial.dimension()
                        + ", training dimension is " + dimension + "; they must be equal");
            }
            if (negative == 0 && !hs) {
                throw new IllegalArgumentException("need negative > 0 or hs: with neither nothing is trained");
            }
            if (minAlpha > alpha) {
                throw new IllegalArgumentException("minAlpha " + minAlpha + " exceeds alpha");
            }
            return new Word2VecTrainer(this);
        }

        private static int positive(int v, String name) {
            if (v <= 0) {
                throw new IllegalArgumentException(name + " must be > 0, got " + v);
            }
            return v;
        }
    }

    /** The starting learning rate. */
    public double alpha() {
        return alpha;
    }

    /** The learning rate at the end of the last epoch; it decays linearly over all tokens of all epochs. */
    public double minAlpha() {
        return minAlpha;
    }

    /**
     * Trains on {@code corpus} (sentences as token lists). With {@code cacheCorpus} (default) the corpus is
     * read once: the vocabulary pass also writes every token's type number to a temporary file that all
     * epochs read back. Without it the corpus is read once for the vocabulary and then once per epoch.
     *
     * @throws IllegalArgumentException when no word reaches {@code minCount}
     * @throws IllegalStateException    when reading or training fails; the message names the stage
     *                                  ("reading corpus", "training epoch 2, worker 1", ...) and the cause
     * @throws java.io.UncheckedIOException when the corpus or the temporary cache cannot be read or written
     */
    public WordVectors fit(Corpus<? extends List<String>> corpus) {
        return fit(corpus, ProgressListener.NONE);
    }

    /** As {@link #fit(Corpus)}, reporting stage {@code "train"} in corpus tokens × epochs, about once a second. */
    public WordVectors fit(Corpus<? extends List<String>> corpus, ProgressListener progress) {
        return fit(new ListSource(corpus), progress);
    }

    /**
     * Trains on documents (one sentence or paragraph each) as {@code analyzer} turns them into terms: the
     * same analysis TF-IDF and the embedders use, so the vectors' words are the terms those look up. Word ids
     * come straight from the analyzer's term buffer, with no String per token.
     */
    public WordVectors fit(Corpus<Document> documents, Analyzer analyzer) {
        return fit(documents, analyzer, ProgressListener.NONE);
    }

    /** As {@link #fit(Corpus, Analyzer)}, reporting stage {@code "train"} as {@link #fit(Corpus, ProgressListener)}. */
    public WordVectors fit(Corpus<Document> documents, Analyzer analyzer, ProgressListener progress) {
        return fit(new AnalyzedSource(documents, analyzer), progress);
    }

    /**
     * Trains on lines of white-space separated tokens, one sentence per line, as gensim's
     * {@code LineSentence} reads them ({@link org.classicnlp.segment.WhitespaceTokenizer}'s white space).
     * {@code fit(documents, Analyzer.whitespace())} over the lines: equivalent to
     * {@code fit(lines.map(WhitespaceTokenizer.INSTANCE::words))}, but with no String, token or list per word.
     *
     * @throws IllegalArgumentException when no word reaches {@code minCount}
     * @throws IllegalStateException    when reading or training fails; the message names the stage
     */
    public WordVectors fitPreTokenized(Corpus<? extends CharSequence> lines) {
        return fit(lines.map(l -> new Document("", l.toString())), Analyzer.whitespace());
    }

    // continuing from initial vectors, the counting pass keeps every type: rare known words are trained too
    private int countingMin() {
        return initial == null ? minCount : 1;
    }

    private int countingMax() {
        return initial == null ? maxVocab : 0;
    }

    /** Where sentences come from: counted once for the vocabulary, then (without the cache) once per epoch. */
    private interface Source {
        /** The vocabulary pass; writes type numbers to {@code cache} when it is not null. */
        Vocab count(CorpusCache cache) throws IOException;

        /** One epoch without the cache: every token's word id (-1 when unknown) and sentence ends. */
        long feed(Vocab vocab, TokenSink sink) throws InterruptedException;
    }

    /** Receives an epoch's tokens as word ids. */
    private interface TokenSink {
        /** One corpus token: its word id, or -1 when it is not in the vocabulary. */
        void token(int id) throws InterruptedException;

        void endSentence() throws InterruptedException;
    }

    private final class ListSource implements Source {
        final Corpus<? extends List<String>> corpus;

        ListSource(Corpus<? extends List<String>> corpus) {
            this.corpus = corpus;
        }

        @Override
        public Vocab count(CorpusCache cache) throws IOException {
            return Vocab.build(corpus, countingMin(), countingMax(), cache);
        }

        @Override
        public long feed(Vocab vocab, TokenSink sink) throws InterruptedException {
            Map<String, Integer> index = vocab.index;
            long tokens = 0;
            try (Stream<? extends List<String>> s = corpus.stream()) {
                var it = s.iterator();
                while (it.hasNext()) {
                    List<String> sentence = it.next();
                    int size = sentence.size();
                    tokens += size;
                    for (int i = 0; i < size; i++) {
                        Integer id = index.get(sentence.get(i));
                        sink.token(id == null ? -1 : id);
                    }
                    sink.endSentence();
                }
            }
            return tokens;
        }
    }

    /** Documents through an {@link Analyzer}: one sentence per document. */
    private final class AnalyzedSource implements Source {
        final Corpus<Document> documents;
        final Analyzer analyzer;

        AnalyzedSource(Corpus<Document> documents, Analyzer analyzer) {
            this.documents = documents;
            this.analyzer = analyzer;
        }

        @Override
        public Vocab count(CorpusCache cache) throws IOException {
            return Vocab.buildFromAnalyzed(documents, analyzer, countingMin(), countingMax(), cache);
        }

        @Override
        public long feed(Vocab vocab, TokenSink sink) throws InterruptedException {
            Map<String, Integer> index = vocab.index;
            TermBuffer terms = new TermBuffer();
            long tokens = 0;
            try (Stream<Document> s = documents.stream()) {
                var it = s.iterator();
                while (it.hasNext()) {
                    int n = analyzer.analyze(it.next().text(), terms);
                    for (int i = 0; i < n; i++) {
                        Integer id = index.get(terms.term(i));
                        sink.token(id == null ? -1 : id);
                    }
                    tokens += n;
                    sink.endSentence();
                }
            }
            return tokens;
        }
    }

    private WordVectors fit(Source source, ProgressListener listener) {
        long t0 = System.nanoTime();
        CorpusCache cache = null;
        try {
            if (cacheCorpus) {
                try {
                    cache = CorpusCache.create();
                } catch (IOException | RuntimeException e) {
                    throw stageFailure("creating the corpus cache in " + System.getProperty("java.io.tmpdir")
                            + " (cacheCorpus(false) reads the corpus every epoch instead)", e);
                }
            }
            Vocab vocab;
            try {
                vocab = source.count(cache);
            } catch (IOException | RuntimeException | Error e) {
                throw stageFailure("reading corpus", e);
            }
            if (initial != null) {
                vocab = Vocab.continuing(vocab, initial, minCount, maxVocab);
                LOG.info("continuing from {} words: {} new words added", vocab.initialWords,
                        vocab.size() - vocab.initialWords);
            }
            if (vocab.size() == 0) {
                throw new IllegalArgumentException("empty vocabulary: no word occurs at least "
                        + vocab.effectiveMinCount + " times in " + vocab.rawTokens + " tokens");
            }
            LOG.info("vocabulary: {} of {} word types kept (min count {}), {} of {} tokens, {} ms", vocab.size(),
                    vocab.rawTypes, vocab.effectiveMinCount, vocab.keptTokens, vocab.rawTokens,
                    (System.nanoTime() - t0) / 1_000_000);
            Training t = new Training(vocab, cache, listener);
            t.run(source);
            LOG.info("trained {} epochs of {} tokens in {} s ({} tokens/s)", epochs, vocab.rawTokens,
                    String.format("%.1f", t.seconds), String.format("%.0f", epochs * vocab.rawTokens / t.seconds));
            return WordVectors.ofTrained(vocab.words, t.syn0, dimension, vocab.counts);
        } finally {
            if (cache != null) {
                try {
                    cache.close();
                } catch (IOException e) {
                    LOG.warn("cannot delete {}: {}", cache.file, describe(e));
                }
            }
        }
    }

    /**
     * The exception {@link #fit} throws for a failure in {@code stage}: its message is
     * {@code "<stage>: <what went wrong>"}, never a bare Java message; I/O failures stay
     * {@link java.io.UncheckedIOException}s.
     */
    static RuntimeException stageFailure(String stage, Throwable e) {
        String message = stage + ": " + describe(e);
        if (e instanceof java.io.UncheckedIOException u) {
            return new java.io.UncheckedIOException(message, u.getCause());
        }
        if (e instanceof IOException io) {
            return new java.io.UncheckedIOException(message, io);
        }
        return new IllegalStateException(message, e);
    }

    /** What went wrong, in words a user can act on (no Java class names). */
    static String describe(Throwable e) {
        if (e instanceof java.io.UncheckedIOException && e.getCause() != null) {
            String outer = e.getMessage();
            String inner = describe(e.getCause());
            String raw = e.getCause().toString();
            if (outer == null || outer.equals(raw)) {
                return inner;
            }
            return outer.contains(raw) ? outer.replace(raw, inner)
                    : outer.contains(inner) ? outer : outer + ": " + inner;
        }
        if (e instanceof java.nio.file.NoSuchFileException f) {
            return "no such file: " + f.getFile();
        }
        if (e instanceof java.nio.file.AccessDeniedException f) {
            return "permission denied: " + f.getFile();
        }
        if (e instanceof java.nio.file.FileSystemException f) {
            return f.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory (" + e.getMessage() + "; maximum heap "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB)";
        }
        if (e instanceof StackOverflowError) {
            return "stack overflow";
        }
        String m = e.getMessage();
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof UnsupportedOperationException || e instanceof IOException) {
            return m != null ? m : "failed without a message";
        }
        // a bug, ours or the corpus's: say so, with what the JVM knows
        return "internal error (" + (m != null ? m : "no detail") + ")";
    }

    /**
     * A batch of sentences as word ids, with the learning rate to use; recycled through a pool, so training
     * allocates nothing per batch.
     */
    private static final class Batch {
        final int[] words;
        final int[] ends;
        int nw;
        int ns;
        long rawTokens;
        float alpha;
        int epoch;

        Batch(int capacity) {
            words = new int[capacity];
            ends = new int[capacity];
        }
    }

    private static final Batch END = new Batch(0);

    /** One thread's failure and where it happened. */
    private record Failure(String stage, Throwable cause) {
    }

    /**
     * The alias-table column of an unsigned 32-bit random number, {@code floor(r32 * n / 2^32)}: always in
     * {@code [0, n)}, also for {@code r32 = 2^32 - 1}.
     */
    static int noiseColumn(long r32, int n) {
        // r32 < 2^32 and n < 2^31: the product fits in 63 bits and the column is at most n - 1
        return (int) ((r32 * n) >>> 32);
    }

    /**
     * Subsampling as fixed-point thresholds: a word is kept when an unsigned 32-bit random number is below
     * its threshold; {@code 2^32} (any number is below it) means always kept.
     */
    static long[] subsamplingThresholds(long[] counts, long keptTokens, double sample) {
        int n = counts.length;
        long[] t = new long[n];
        if (sample <= 0) {
            Arrays.fill(t, 1L << 32);
            return t;
        }
        double threshold = sample < 1 ? sample * keptTokens : sample;
        for (int w = 0; w < n; w++) {
            double c = counts[w];
            double p = Math.min(1.0, (Math.sqrt(c / threshold) + 1) * (threshold / c));
            t[w] = Math.max(0, Math.min(1L << 32, Math.round(p * 4294967296.0)));
        }
        return t;
    }

    /**
     * Vose's alias method over {@code count^exponent}: O(1) per noise word. Fills {@code prob} (32-bit fixed
     * point, in {@code [0, 2^32]}) and {@code alias} (a word id in {@code [0, n)}).
     */
    static void buildAlias(long[] counts, double exponent, long[] prob, int[] alias) {
        int n = counts.length;
        double[] p = new double[n];
        double sum = 0;
        for (int w = 0; w < n; w++) {
            p[w] = Math.pow(counts[w], exponent);
            sum += p[w];
        }
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int w = 0; w < n; w++) {
            p[w] = p[w] / sum * n;
            if (p[w] < 1) {
                small[ns++] = w;
            } else {
                large[nl++] = w;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            prob[s] = (long) (p[s] * 4294967296.0);
            alias[s] = l;
            p[l] = (p[l] + p[s]) - 1;
            if (p[l] < 1) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        while (nl > 0) {
            int l = large[--nl];
            prob[l] = 1L << 32;
            alias[l] = l;
        }
        while (ns > 0) {
            int s = small[--ns];
            prob[s] = 1L << 32;
            alias[s] = s;
        }
    }

    /** Huffman codes and inner-node points of every word, flat: word w's are {@code [start[w], start[w+1])}. */
    record HuffmanCodes(byte[] codes, int[] points, int[] start) {
    }

    /**
     * The C tool's Huffman tree construction (two queues over counts sorted descending). Unlike the C tool's
     * fixed 40-entry code arrays, codes may be as long as the tree is deep (up to n - 1). Inner-node points
     * are in {@code [0, n - 2]}.
     */
    static HuffmanCodes huffman(long[] counts) {
        int n = counts.length;
        long[] count = new long[2 * n + 1];
        int[] binary = new int[2 * n + 1];
        int[] parent = new int[2 * n + 1];
        for (int a = 0; a < n; a++) {
            count[a] = counts[a];
        }
        for (int a = n; a < 2 * n; a++) {
            count[a] = Long.MAX_VALUE / 4;
        }
        int pos1 = n - 1;
        int pos2 = n;
        for (int a = 0; a < n - 1; a++) {
            int min1;
            int min2;
            if (pos1 >= 0 && count[pos1] < count[pos2]) {
                min1 = pos1--;
            } else {
                min1 = pos2++;
            }
            if (pos1 >= 0 && count[pos1] < count[pos2]) {
                min2 = pos1--;
            } else {
                min2 = pos2++;
            }
            count[n + a] = count[min1] + count[min2];
            parent[min1] = n + a;
            parent[min2] = n + a;
            binary[min2] = 1;
        }
        int[] start = new int[n + 1];
        int total = 0;
        int[] depth = new int[n];
        if (n > 1) {
            for (int a = 0; a < n; a++) {
                int d = 0;
                for (int b = a; b != n * 2 - 2; b = parent[b]) {
                    d++;
                }
                depth[a] = d;
            }
        }
        for (int a = 0; a < n; a++) {
            start[a] = total;
            total += depth[a];
        }
        start[n] = total;
        byte[] codes = new byte[total];
        int[] points = new int[total];
        for (int a = 0; a < n; a++) {
            int d = depth[a];
            if (d == 0) {
                continue;
            }
            // walk leaf → root: code bits and nodes come out in reverse order
            int o = start[a];
            int k = 0;
            for (int b = a; b != n * 2 - 2; b = parent[b], k++) {
                codes[o + d - k - 1] = (byte) binary[b];
                if (k > 0) {
                    points[o + d - k] = b - n;
                }
            }
            points[o] = n - 2;
        }
        return new HuffmanCodes(codes, points, start);
    }

    /** The state of one {@link #fit} call. */
    private final class Training {
        final Vocab vocab;
        final CorpusCache cache;
        final ProgressListener listener;
        final int n;
        final float[] syn0;
        final float[] syn1neg;
        final float[] syn1;
        final long[] keepThreshold;     // subsampling: keep when random32 < threshold (2^32 = always)
        final long[] aliasProb;         // negative sampling: Walker's alias method, 32-bit fixed point
        final int[] alias;
        final byte[] codes;             // hierarchical softmax: Huffman codes and inner-node points, flat
        final int[] points;
        final int[] codeStart;          // word w's code is codes[codeStart[w] .. codeStart[w+1])
        final AtomicLong tokensDone = new AtomicLong();
        final AtomicReference<Failure> failure = new AtomicReference<>();
        volatile float currentAlpha;
        double seconds;

        Training(Vocab vocab, CorpusCache cache, ProgressListener listener) {
            this.vocab = vocab;
            this.cache = cache;
            this.listener = listener;
            this.n = vocab.size();
            long cells = (long) n * dimension;
            if (cells > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("vocabulary × dimension = " + cells
                        + " exceeds one Java array; lower maxVocab or dimension");
            }
            syn0 = new float[(int) cells];
            // uniform in [-1/dimension, 1/dimension), as gensim 4 initializes
            java.util.SplittableRandom init = new java.util.SplittableRandom(seed);
            for (int i = 0; i < syn0.length; i++) {
                syn0[i] = (float) ((init.nextDouble() * 2 - 1) / dimension);
            }
            if (vocab.initialWords > 0) {
                // the initial words are ids [0, initialWords) in the initial vectors' order
                System.arraycopy(initial.rawMatrix(), 0, syn0, 0, vocab.initialWords * dimension);
            }
            syn1neg = negative > 0 ? new float[(int) cells] : null;
            syn1 = hs ? new float[(int) cells] : null;
            keepThreshold = subsamplingThresholds(vocab.sampleCounts, vocab.sampleTotal, sample);
            if (negative > 0) {
                aliasProb = new long[n];
                alias = new int[n];
                buildAlias(vocab.counts, nsExponent, aliasProb, alias);
            } else {
                aliasProb = null;
                alias = null;
            }
            if (hs) {
                HuffmanCodes h = huffman(vocab.counts);
                codes = h.codes();
                points = h.points();
                codeStart = h.start();
            } else {
                codeStart = null;
                codes = null;
                points = null;
            }
        }

        void run(Source source) {
            long totalTokens = vocab.rawTokens * epochs;
            BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2 * threads + 2);
            // every batch that can exist at once: queued, held by a worker, being filled
            int poolSize = 3 * threads + 3;
            BlockingQueue<Batch> free = new ArrayBlockingQueue<>(poolSize);
            for (int i = 0; i < poolSize; i++) {
                free.add(new Batch(BATCH_WORDS + MAX_SENTENCE));
            }
            currentAlpha = (float) alpha;
            long start = System.nanoTime();
            Thread reader = new Thread(() -> read(source, queue, free), "w2v-reader");
            reader.setDaemon(true);
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                Worker w = new Worker(t, queue, free);
                workers[t] = new Thread(w, "w2v-worker-" + t);
                workers[t].setDaemon(true);
            }
            reader.start();
            for (Thread w : workers) {
                w.start();
            }
            try {
                for (Thread w : workers) {
                    while (w.isAlive()) {
                        w.join(1000);
                        listener.progress("train", Math.min(tokensDone.get(), totalTokens), totalTokens);
                        if (failure.get() != null) {
                            break;
                        }
                    }
                }
                if (failure.get() != null) {
                    stop(reader, workers);
                }
                reader.join();
            } catch (InterruptedException e) {
                stop(reader, workers);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("word2vec training interrupted", e);
            } catch (RuntimeException | Error e) {
                // the progress listener failed: stop training before the cache is deleted under the reader
                stop(reader, workers);
                throw e;
            }
            seconds = (System.nanoTime() - start) / 1e9;
            Failure f = failure.get();
            if (f != null) {
                throw stageFailure(f.stage(), f.cause());
            }
            listener.progress("train", totalTokens, totalTokens);
        }

        private void stop(Thread reader, Thread[] workers) {
            reader.interrupt();
            for (Thread w : workers) {
                w.interrupt();
            }
            try {
                for (Thread w : workers) {
                    w.join();
                }
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * The reader thread: every epoch, sentences of word ids in batches. With the cache, the ids come from
         * the type numbers the vocabulary pass wrote; otherwise the corpus is read and looked up again.
         */
        private void read(Source source, BlockingQueue<Batch> queue, BlockingQueue<Batch> free) {
            String stage = "reading corpus";
            try {
                Batcher batcher = new Batcher(queue, free);
                for (int epoch = 0; epoch < epochs; epoch++) {
                    stage = (cache != null ? "reading the corpus cache" : "reading corpus") + ", epoch "
                            + (epoch + 1);
                    batcher.startEpoch(epoch);
                    if (cache != null) {
                        replay(batcher);
                    } else {
                        readText(source, batcher, epoch);
                    }
                    batcher.flush();
                    LOG.debug("epoch {} read", epoch + 1);
                }
                for (int t = 0; t < threads; t++) {
                    queue.put(END);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                failure.compareAndSet(null, new Failure(stage, e));
            }
        }

        private void replay(Batcher batcher) throws IOException, InterruptedException {
            int[] idOfType = vocab.idOfType;
            try (CorpusCache.Reader in = cache.reader()) {
                for (int v = in.next(); v != CorpusCache.EOF; v = in.next()) {
                    if (v >= 0) {
                        batcher.token(idOfType[v]);
                    } else {
                        batcher.endSentence();
                    }
                }
            }
        }

        private void readText(Source source, Batcher batcher, int epoch) throws InterruptedException {
            long epochTokens = source.feed(vocab, batcher);
            if (epochTokens != vocab.rawTokens) {
                throw new IllegalStateException("corpus changed between passes: epoch " + (epoch + 1)
                        + " read " + epochTokens + " tokens, the vocabulary pass " + vocab.rawTokens);
            }
        }

        /**
         * Packs one epoch's tokens into batches: sentences of in-vocabulary ids, split every
         * {@value #MAX_SENTENCE} words, handed over once they hold {@value #BATCH_WORDS} words.
         */
        private final class Batcher implements TokenSink {
            final BlockingQueue<Batch> queue;
            final BlockingQueue<Batch> free;
            final double total = (double) vocab.rawTokens * epochs;
            Batch b;
            int sentenceStart;
            long pushed;
            int epoch;

            Batcher(BlockingQueue<Batch> queue, BlockingQueue<Batch> free) {
                this.queue = queue;
                this.free = free;
            }

            void startEpoch(int e) throws InterruptedException {
                epoch = e;
                pushed = (long) e * vocab.rawTokens;
                next();
            }

            private void next() throws InterruptedException {
                b = free.take();
                b.nw = 0;
                b.ns = 0;
                b.rawTokens = 0;
                b.epoch = epoch;
                sentenceStart = 0;
            }

            @Override
            public void token(int id) throws InterruptedException {
                Batch x = b;
                x.rawTokens++;
                if (id < 0) {
                    return;
                }
                x.words[x.nw++] = id;
                if (x.nw - sentenceStart == MAX_SENTENCE) {
                    endSentence();
                }
            }

            @Override
            public void endSentence() throws InterruptedException {
                Batch x = b;
                if (x.nw > sentenceStart) {
                    x.ends[x.ns++] = x.nw;
                    sentenceStart = x.nw;
                }
                if (x.nw >= BATCH_WORDS) {
                    push();
                    next();
                }
            }

            /** Ends the epoch: hands over the last, partly filled batch. */
            void flush() throws InterruptedException {
                endSentence();
                if (b.nw > 0 || b.rawTokens > 0) {
                    push();
                } else {
                    free.put(b);
                    b = null;
                }
            }

            private void push() throws InterruptedException {
                Batch x = b;
                x.alpha = alphaAt(pushed, total);
                pushed += x.rawTokens;
                queue.put(x);
                b = null;
            }
        }

        private float alphaAt(long pushed, double total) {
            double a = alpha - (alpha - minAlpha) * (pushed / total);
            float f = (float) Math.max(minAlpha, a);
            currentAlpha = f;
            return f;
        }

        /** One training thread: its own random state and scratch buffers; updates shared matrices. */
        private final class Worker implements Runnable {
            private final int id;
            private final BlockingQueue<Batch> queue;
            private final BlockingQueue<Batch> free;
            private final float[] neu1 = new float[dimension];
            private final float[] neu1e = new float[dimension];
            private final float[] row = new float[dimension];
            private final int[] targets = new int[negative + 1];
            private final float[][] rows = new float[negative + 1][dimension];
            private final int[] sentence = new int[MAX_SENTENCE];
            private final int[] reduced = new int[MAX_SENTENCE];
            private long random;

            Worker(int id, BlockingQueue<Batch> queue, BlockingQueue<Batch> free) {
                this.id = id;
                this.queue = queue;
                this.free = free;
                this.random = (seed * 0x9E3779B97F4A7C15L + id * 1_000_003L + 7) & LCG_MASK;
            }

            @Override
            public void run() {
                Batch b = null;
                try {
                    while (true) {
                        b = queue.take();
                        if (b == END || failure.get() != null) {
                            return;
                        }
                        train(b);
                        tokensDone.addAndGet(b.rawTokens);
                        free.put(b);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable e) {
                    String stage = "training epoch " + (b != null ? b.epoch + 1 : 0) + ", worker " + id;
                    failure.compareAndSet(null, new Failure(stage, e));
                }
            }

            private int random32() {
                int r = (int) (random >>> 16);
                random = (random * LCG_MULT + 11) & LCG_MASK;
                return r;
            }

            private void train(Batch b) {
                int[] words = b.words;
                int[] ends = b.ends;
                float a = b.alpha;
                long[] keep = keepThreshold;
                int from = 0;
                for (int s = 0, ns = b.ns; s < ns; s++) {
                    int to = ends[s];
                    int len = 0;
                    for (int i = from; i < to; i++) {
                        int w = words[i];
                        if (keep[w] <= (random32() & 0xFFFFFFFFL)) {
                            continue;
                        }
                        sentence[len++] = w;
                    }
                    from = to;
                    if (len < 2 && model == Model.SKIP_GRAM) {
                        continue;
                    }
                    for (int i = 0; i < len; i++) {
                        reduced[i] = Integer.remainderUnsigned(random32(), window);
                    }
                    if (model == Model.SKIP_GRAM) {
                        skipGram(len, a);
                    } else {
                        cbow(len, a);
                    }
                }
            }

            private void skipGram(int len, float a) {
                int[] sen = sentence;
                for (int i = 0; i < len; i++) {
                    int b = reduced[i];
                    int j0 = Math.max(0, i - window + b);
                    int j1 = Math.min(len, i + window + 1 - b);
                    int word = sen[i];
                    for (int j = j0; j < j1; j++) {
                        if (j != i) {
                            // as gensim: the context word's input vector predicts the centre word
                            trainPair(word, sen[j] * dimension, a);
                        }
                    }
                }
            }

            /*
             * Rows of the shared matrices are copied into thread-local buffers (System.arraycopy), updated there
             * and copied back: loops over several arrays at the same offset are what HotSpot's C2 vectorizes
             * (with different row offsets it must assume the arrays may overlap and stays scalar, ~5x slower).
             */

            private void trainPair(int word, int l1, float a) {
                final int dim = dimension;
                final float[] in = neu1;
                final float[] e = neu1e;
                System.arraycopy(syn0, l1, in, 0, dim);
                Arrays.fill(e, 0f);
                outputLayer(word, in, e, a);
                axpy(in, e, 1f, dim);
                System.arraycopy(in, 0, syn0, l1, dim);
            }

            /** Hierarchical softmax and/or negative sampling for one (input, word) example; accumulates the
             *  input's gradient in {@code e}. */
            private void outputLayer(int word, float[] in, float[] e, float a) {
                final int dim = dimension;
                final float[] r = row;
                if (hs) {
                    final float[] s1 = syn1;
                    for (int k = codeStart[word], end = codeStart[word + 1]; k < end; k++) {
                        int l2 = points[k] * dim;
                        System.arraycopy(s1, l2, r, 0, dim);
                        float f = dot(in, r, dim);
                        if (f <= -MAX_EXP || f >= MAX_EXP) {
                            continue;
                        }
                        f = sigmoid(f);
                        float g = (1 - codes[k] - f) * a;
                        update(e, r, in, g, dim);
                        System.arraycopy(r, 0, s1, l2, dim);
                    }
                }
                if (negative > 0) {
                    // draw all targets, then copy their rows: the cache misses overlap instead of queueing
                    final float[] s1 = syn1neg;
                    final int[] t = targets;
                    int m = 0;
                    t[m++] = word;
                    for (int d = 1; d <= negative; d++) {
                        int target = noise();
                        if (target != word) {
                            t[m++] = target;
                        }
                    }
                    for (int k = 0; k < m; k++) {
                        System.arraycopy(s1, t[k] * dim, rows[k], 0, dim);
                    }
                    for (int k = 0; k < m; k++) {
                        float[] rk = rows[k];
                        for (int j = 1; j < k; j++) {
                            if (t[j] == t[k]) {
                                // a noise word drawn twice: take the row as updated by its first draw
                                System.arraycopy(s1, t[k] * dim, rk, 0, dim);
                                break;
                            }
                        }
                        float f = dot(in, rk, dim);
                        if (f <= -MAX_EXP || f >= MAX_EXP) {
                            continue;
                        }
                        f = sigmoid(f);
                        float g = ((k == 0 ? 1 : 0) - f) * a;
                        update(e, rk, in, g, dim);
                        System.arraycopy(rk, 0, s1, t[k] * dim, dim);
                    }
                }
            }

            private void cbow(int len, float a) {
                final int dim = dimension;
                final float[] s0 = syn0;
                final float[] h = neu1;
                final float[] e = neu1e;
                final float[] r = row;
                int[] sen = sentence;
                for (int i = 0; i < len; i++) {
                    int b = reduced[i];
                    int j0 = Math.max(0, i - window + b);
                    int j1 = Math.min(len, i + window + 1 - b);
                    Arrays.fill(h, 0f);
                    int count = 0;
                    for (int j = j0; j < j1; j++) {
                        if (j != i) {
                            System.arraycopy(s0, sen[j] * dim, r, 0, dim);
                            axpy(h, r, 1f, dim);
                            count++;
                        }
                    }
                    if (count == 0) {
                        continue;
                    }
                    float inv = 1f / count;
                    if (cbowMean) {
                        scale(h, inv, dim);
                    }
                    Arrays.fill(e, 0f);
                    outputLayer(sen[i], h, e, a);
                    if (!cbowMean) {
                        // gensim divides the error over the summed window vectors
                        scale(e, inv, dim);
                    }
                    for (int j = j0; j < j1; j++) {
                        if (j != i) {
                            int l = sen[j] * dim;
                            System.arraycopy(s0, l, r, 0, dim);
                            axpy(r, e, 1f, dim);
                            System.arraycopy(r, 0, s0, l, dim);
                        }
                    }
                }
            }

            /** A noise word from count^0.75 (alias method: one 32-bit draw gives column and coin). */
            private int noise() {
                long r = random32() & 0xFFFFFFFFL;
                int column = noiseColumn(r, n);
                long coin = (r * n) & 0xFFFFFFFFL;
                return coin < aliasProb[column] ? column : alias[column];
            }
        }
    }

    static float dot(float[] x, int xo, float[] y, int yo, int n) {
        return VectorMath.dot(x, xo, y, yo, n);
    }

    static float dot(float[] x, float[] y, int n) {
        return VectorMath.dot(x, 0, y, 0, n);
    }

    /** {@code y += g·x}. */
    static void axpy(float[] y, float[] x, float g, int n) {
        VectorMath.axpy(g, x, 0, y, 0, n);
    }

    static void scale(float[] y, float g, int n) {
        VectorMath.scale(g, y, 0, n);
    }

    /** {@code e += g·r; r += g·in} in one pass. */
    static void update(float[] e, float[] r, float[] in, float g, int n) {
        VectorMath.axpyPair(e, r, in, g, n);
    }
}
