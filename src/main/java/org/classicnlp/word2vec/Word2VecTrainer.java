package org.classicnlp.word2vec;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.classicnlp.core.Corpus;
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
 * <p>The corpus is streamed once to count words and once per epoch to train: a reader thread turns sentences
 * into batches of word ids and {@code threads} workers update the shared weight matrices without locks
 * (Hogwild, as the C tool does). Memory is the vocabulary, the two {@code vocab × dimension} float matrices
 * and a few batches in flight, never the corpus. With {@code threads(1)} a fixed {@code seed} gives
 * identical vectors on every run. Sentences longer than {@value #MAX_SENTENCE} words are split.
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

    /** Receives training progress, about once a second, from the thread that called {@link #fit}. */
    @FunctionalInterface
    public interface ProgressListener {
        /**
         * @param tokensDone  corpus tokens processed so far, over all epochs
         * @param tokensTotal corpus tokens × epochs
         * @param alpha       the learning rate now
         */
        void progress(long tokensDone, long tokensTotal, double alpha);
    }

    /** Words per batch handed to a worker (gensim's {@code batch_words}). */
    static final int BATCH_WORDS = 10_000;
    /** Longer sentences are split into pieces of this many words. */
    static final int MAX_SENTENCE = 10_000;

    static final int EXP_TABLE_SIZE = 1000;
    static final float MAX_EXP = 6f;
    /** Logistic function on [-MAX_EXP, MAX_EXP), as the C tool tabulates it. */
    static final float[] EXP_TABLE = new float[EXP_TABLE_SIZE];

    static {
        for (int i = 0; i < EXP_TABLE_SIZE; i++) {
            double e = Math.exp((i / (double) EXP_TABLE_SIZE * 2 - 1) * MAX_EXP);
            EXP_TABLE[i] = (float) (e / (e + 1));
        }
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
    private final ProgressListener listener;
    private final boolean cacheCorpus;

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
        this.listener = b.listener;
        this.cacheCorpus = b.cacheCorpus;
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
        private int threads = Runtime.getRuntime().availableProcessors();
        private long seed = 1;
        private boolean cbowMean = true;
        private double nsExponent = 0.75;
        private ProgressListener listener;
        private boolean cacheCorpus = true;

        private Builder() {
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

        /** Progress callback (e.g. a progress bar); default none. */
        public Builder progress(ProgressListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * Whether epochs after the first read the word ids of the first epoch from a temporary file (4 bytes
         * per kept token, deleted after training) instead of reading and tokenizing the corpus again; default
         * true. Turn off when the temporary directory has no room.
         */
        public Builder cacheCorpus(boolean cacheCorpus) {
            this.cacheCorpus = cacheCorpus;
            return this;
        }

        public Word2VecTrainer build() {
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

    /**
     * Trains on {@code corpus} (sentences as token lists; read once for the vocabulary, then once per epoch).
     *
     * @throws IllegalArgumentException when no word reaches {@code minCount}
     */
    public WordVectors fit(Corpus<? extends List<String>> corpus) {
        long t0 = System.nanoTime();
        Vocab vocab = Vocab.build(corpus, minCount, maxVocab);
        if (vocab.size() == 0) {
            throw new IllegalArgumentException("empty vocabulary: no word occurs at least " + vocab.effectiveMinCount
                    + " times in " + vocab.rawTokens + " tokens");
        }
        LOG.info("vocabulary: {} of {} word types kept (min count {}), {} of {} tokens, {} ms", vocab.size(),
                vocab.rawTypes, vocab.effectiveMinCount, vocab.keptTokens, vocab.rawTokens,
                (System.nanoTime() - t0) / 1_000_000);
        Training t = new Training(vocab);
        t.run(corpus);
        LOG.info("trained {} epochs of {} tokens in {} s ({} tokens/s)", epochs, vocab.rawTokens,
                String.format("%.1f", t.seconds), String.format("%.0f", epochs * vocab.rawTokens / t.seconds));
        return WordVectors.ofTrained(vocab.words, t.syn0, dimension, vocab.counts);
    }

    /** A batch of sentences as word ids, with the learning rate to use. */
    private record Batch(int[] words, int[] ends, int sentences, long rawTokens, float alpha) {
    }

    private static final Batch END = new Batch(new int[0], new int[0], 0, 0, 0);

    /** The state of one {@link #fit} call. */
    private final class Training {
        final Vocab vocab;
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
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        volatile float currentAlpha;
        double seconds;

        Training(Vocab vocab) {
            this.vocab = vocab;
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
            syn1neg = negative > 0 ? new float[(int) cells] : null;
            syn1 = hs ? new float[(int) cells] : null;
            keepThreshold = subsamplingThresholds();
            if (negative > 0) {
                aliasProb = new long[n];
                alias = new int[n];
                buildAlias();
            } else {
                aliasProb = null;
                alias = null;
            }
            if (hs) {
                codeStart = new int[n + 1];
                List<byte[]> c = new ArrayList<>(n);
                List<int[]> p = new ArrayList<>(n);
                huffman(c, p);
                int total = 0;
                for (int w = 0; w < n; w++) {
                    codeStart[w] = total;
                    total += c.get(w).length;
                }
                codeStart[n] = total;
                codes = new byte[total];
                points = new int[total];
                for (int w = 0; w < n; w++) {
                    System.arraycopy(c.get(w), 0, codes, codeStart[w], c.get(w).length);
                    System.arraycopy(p.get(w), 0, points, codeStart[w], p.get(w).length);
                }
            } else {
                codeStart = null;
                codes = null;
                points = null;
            }
        }

        private long[] subsamplingThresholds() {
            long[] t = new long[n];
            if (sample <= 0) {
                Arrays.fill(t, 1L << 32);
                return t;
            }
            double threshold = sample < 1 ? sample * vocab.keptTokens : sample;
            for (int w = 0; w < n; w++) {
                double c = vocab.counts[w];
                double p = Math.min(1.0, (Math.sqrt(c / threshold) + 1) * (threshold / c));
                t[w] = Math.round(p * 4294967296.0);
            }
            return t;
        }

        /** Vose's alias method over count^nsExponent: O(1) per noise word, two small arrays. */
        private void buildAlias() {
            double[] p = new double[n];
            double sum = 0;
            for (int w = 0; w < n; w++) {
                p[w] = Math.pow(vocab.counts[w], nsExponent);
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
                aliasProb[s] = (long) (p[s] * 4294967296.0);
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
                aliasProb[l] = 1L << 32;
                alias[l] = l;
            }
            while (ns > 0) {
                int s = small[--ns];
                aliasProb[s] = 1L << 32;
                alias[s] = s;
            }
        }

        /** The C tool's Huffman tree construction (two queues over counts sorted descending). */
        private void huffman(List<byte[]> codesOut, List<int[]> pointsOut) {
            long[] count = new long[2 * n + 1];
            int[] binary = new int[2 * n + 1];
            int[] parent = new int[2 * n + 1];
            for (int a = 0; a < n; a++) {
                count[a] = vocab.counts[a];
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
            byte[] code = new byte[64];
            int[] point = new int[64];
            for (int a = 0; a < n; a++) {
                int b = a;
                int i = 0;
                if (n == 1) {
                    codesOut.add(new byte[0]);
                    pointsOut.add(new int[0]);
                    continue;
                }
                while (true) {
                    if (i == code.length) {
                        code = Arrays.copyOf(code, 2 * i);
                        point = Arrays.copyOf(point, 2 * i);
                    }
                    code[i] = (byte) binary[b];
                    point[i] = b;
                    i++;
                    b = parent[b];
                    if (b == n * 2 - 2) {
                        break;
                    }
                }
                byte[] c = new byte[i];
                int[] p = new int[i];
                p[0] = n - 2;
                for (int k = 0; k < i; k++) {
                    c[i - k - 1] = code[k];
                    if (k > 0) {
                        p[i - k] = point[k] - n;
                    }
                }
                codesOut.add(c);
                pointsOut.add(p);
            }
        }

        void run(Corpus<? extends List<String>> corpus) {
            long totalTokens = vocab.rawTokens * epochs;
            BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2 * threads + 2);
            currentAlpha = (float) alpha;
            long start = System.nanoTime();
            Thread reader = new Thread(() -> read(corpus, queue), "w2v-reader");
            reader.setDaemon(true);
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                Worker w = new Worker(t, queue);
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
                        if (listener != null) {
                            listener.progress(Math.min(tokensDone.get(), totalTokens), totalTokens, currentAlpha);
                        }
                        if (failure.get() != null) {
                            break;
                        }
                    }
                }
                if (failure.get() != null) {
                    reader.interrupt();
                    for (Thread w : workers) {
                        w.interrupt();
                    }
                    for (Thread w : workers) {
                        w.join();
                    }
                    reader.join();
                } else {
                    reader.join();
                }
            } catch (InterruptedException e) {
                reader.interrupt();
                for (Thread w : workers) {
                    w.interrupt();
                }
                Thread.currentThread().interrupt();
                throw new IllegalStateException("word2vec training interrupted", e);
            }
            seconds = (System.nanoTime() - start) / 1e9;
            Throwable f = failure.get();
            if (f instanceof RuntimeException re) {
                throw re;
            } else if (f instanceof Error err) {
                throw err;
            } else if (f != null) {
                throw new IllegalStateException(f);
            }
            if (listener != null) {
                listener.progress(totalTokens, totalTokens, minAlpha);
            }
        }

        /**
         * The reader thread. The first epoch turns sentences into batches of in-vocabulary word ids and, with
         * {@code cacheCorpus}, also writes the batches to a temporary file that later epochs read back instead
         * of tokenizing the corpus again (the file holds 4 bytes per kept token and is deleted at the end).
         */
        private void read(Corpus<? extends List<String>> corpus, BlockingQueue<Batch> queue) {
            double total = (double) vocab.rawTokens * epochs;
            Path cache = null;
            try {
                DataOutputStream out = null;
                if (cacheCorpus && epochs > 1) {
                    cache = Files.createTempFile("classicnlp-w2v-", ".ids");
                    out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache), 1 << 16));
                }
                for (int epoch = 0; epoch < epochs; epoch++) {
                    long pushed = (long) epoch * vocab.rawTokens;
                    if (epoch > 0 && cache != null) {
                        replay(cache, queue, pushed, total);
                    } else {
                        readText(corpus, queue, pushed, total, epoch, out);
                        if (out != null) {
                            out.close();
                            out = null;
                        }
                    }
                    LOG.debug("epoch {} read", epoch + 1);
                }
                for (int t = 0; t < threads; t++) {
                    queue.put(END);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            } finally {
                if (cache != null) {
                    try {
                        Files.deleteIfExists(cache);
                    } catch (IOException e) {
                        LOG.warn("cannot delete {}: {}", cache, e.toString());
                    }
                }
            }
        }

        private void readText(Corpus<? extends List<String>> corpus, BlockingQueue<Batch> queue, long pushed,
                              double total, int epoch, DataOutputStream cache) throws InterruptedException,
                IOException {
            Map<String, Integer> index = vocab.index;
            int[] words = new int[BATCH_WORDS + MAX_SENTENCE];
            int[] ends = new int[64];
            int nw = 0;
            int ns = 0;
            long raw = 0;
            long epochTokens = 0;
            try (Stream<? extends List<String>> s = corpus.stream()) {
                var it = s.iterator();
                while (it.hasNext()) {
                    List<String> sentence = it.next();
                    int size = sentence.size();
                    raw += size;
                    epochTokens += size;
                    int sentenceStart = nw;
                    for (int i = 0; i < size; i++) {
                        Integer id = index.get(sentence.get(i));
                        if (id == null) {
                            continue;
                        }
                        words[nw++] = id;
                        if (nw - sentenceStart == MAX_SENTENCE) {
                            if (ns == ends.length) {
                                ends = Arrays.copyOf(ends, ns * 2);
                            }
                            ends[ns++] = nw;
                            sentenceStart = nw;
                            if (nw >= BATCH_WORDS) {
                                push(queue, new Batch(words, ends, ns, raw, alphaAt(pushed, total)), cache);
                                pushed += raw;
                                words = new int[BATCH_WORDS + MAX_SENTENCE];
                                ends = new int[64];
                                nw = 0;
                                ns = 0;
                                raw = 0;
                                sentenceStart = 0;
                            }
                        }
                    }
                    if (nw > sentenceStart) {
                        if (ns == ends.length) {
                            ends = Arrays.copyOf(ends, ns * 2);
                        }
                        ends[ns++] = nw;
                    }
                    if (nw >= BATCH_WORDS) {
                        push(queue, new Batch(words, ends, ns, raw, alphaAt(pushed, total)), cache);
                        pushed += raw;
                        words = new int[BATCH_WORDS + MAX_SENTENCE];
                        ends = new int[64];
                        nw = 0;
                        ns = 0;
                        raw = 0;
                    }
                }
            }
            if (nw > 0 || raw > 0) {
                push(queue, new Batch(words, ends, ns, raw, alphaAt(pushed, total)), cache);
            }
            if (epochTokens != vocab.rawTokens) {
                throw new IllegalStateException("corpus changed between passes: epoch " + (epoch + 1)
                        + " read " + epochTokens + " tokens, the vocabulary pass " + vocab.rawTokens);
            }
        }

        private void push(BlockingQueue<Batch> queue, Batch b, DataOutputStream cache)
                throws InterruptedException, IOException {
            if (cache != null) {
                int nw = b.sentences() == 0 ? 0 : b.ends()[b.sentences() - 1];
                ByteBuffer buf = ByteBuffer.allocate(4 * (nw + b.sentences()));
                buf.asIntBuffer().put(b.words(), 0, nw).put(b.ends(), 0, b.sentences());
                cache.writeInt(nw);
                cache.writeInt(b.sentences());
                cache.writeLong(b.rawTokens());
                cache.write(buf.array());
            }
            queue.put(b);
        }

        private void replay(Path cache, BlockingQueue<Batch> queue, long pushed, double total)
                throws InterruptedException, IOException {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache),
                    1 << 16))) {
                byte[] bytes = new byte[0];
                while (true) {
                    int nw;
                    try {
                        nw = in.readInt();
                    } catch (EOFException e) {
                        return;
                    }
                    int ns = in.readInt();
                    long raw = in.readLong();
                    int len = 4 * (nw + ns);
                    if (bytes.length < len) {
                        bytes = new byte[len];
                    }
                    in.readFully(bytes, 0, len);
                    int[] words = new int[Math.max(nw, 1)];
                    int[] ends = new int[Math.max(ns, 1)];
                    var ints = ByteBuffer.wrap(bytes, 0, len).asIntBuffer();
                    ints.get(words, 0, nw).get(ends, 0, ns);
                    queue.put(new Batch(words, ends, ns, raw, alphaAt(pushed, total)));
                    pushed += raw;
                }
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
            private final BlockingQueue<Batch> queue;
            private final float[] neu1 = new float[dimension];
            private final float[] neu1e = new float[dimension];
            private final float[] row = new float[dimension];
            private final int[] targets = new int[negative + 1];
            private final float[][] rows = new float[negative + 1][dimension];
            private final int[] sentence = new int[MAX_SENTENCE];
            private final int[] reduced = new int[MAX_SENTENCE];
            private long random;

            Worker(int id, BlockingQueue<Batch> queue) {
                this.queue = queue;
                this.random = (seed * 0x9E3779B97F4A7C15L + id * 1_000_003L + 7) & LCG_MASK;
            }

            @Override
            public void run() {
                try {
                    while (true) {
                        Batch b = queue.take();
                        if (b == END) {
                            return;
                        }
                        if (failure.get() != null) {
                            return;
                        }
                        train(b);
                        tokensDone.addAndGet(b.rawTokens());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }

            private int random32() {
                int r = (int) (random >>> 16);
                random = (random * LCG_MULT + 11) & LCG_MASK;
                return r;
            }

            private void train(Batch b) {
                int[] words = b.words();
                int[] ends = b.ends();
                float a = b.alpha();
                long[] keep = keepThreshold;
                int from = 0;
                for (int s = 0; s < b.sentences(); s++) {
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
                        f = EXP_TABLE[(int) ((f + MAX_EXP) * (EXP_TABLE_SIZE / MAX_EXP / 2))];
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
                        f = EXP_TABLE[(int) ((f + MAX_EXP) * (EXP_TABLE_SIZE / MAX_EXP / 2))];
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
                long x = r * n;
                int column = (int) (x >>> 32);
                long coin = x & 0xFFFFFFFFL;
                return coin < aliasProb[column] ? column : alias[column];
            }
        }
    }

    static float dot(float[] x, int xo, float[] y, int yo, int n) {
        return Kernels.dot(x, xo, y, yo, n);
    }

    static float dot(float[] x, float[] y, int n) {
        return dot(x, 0, y, 0, n);
    }

    /** {@code y += g·x} (same offsets: vectorized). */
    static void axpy(float[] y, float[] x, float g, int n) {
        for (int c = 0; c < n; c++) {
            y[c] += g * x[c];
        }
    }

    static void scale(float[] y, float g, int n) {
        for (int c = 0; c < n; c++) {
            y[c] *= g;
        }
    }

    /** {@code e += g·r; r += g·in} in one vectorized pass. */
    static void update(float[] e, float[] r, float[] in, float g, int n) {
        Kernels.update(e, r, in, g, n);
    }
}
