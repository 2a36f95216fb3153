package org.classicnlp.ngram;

import java.util.Arrays;
import java.util.Objects;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Document;
import org.classicnlp.core.ProgressListener;
import org.classicnlp.core.TermBuffer;
import org.classicnlp.core.Threads;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Interpolated modified Kneser-Ney, as KenLM's {@code lmplz} estimates it with its defaults (no pruning):
 * every document is one sentence {@code <s> w1 ... wn </s>}; n-grams are counted up to the order, those
 * starting with {@code <s>} keeping their raw counts and all other lower-order n-grams getting adjusted
 * (continuation) counts; three discounts per order from the counts-of-counts (Chen &amp; Goodman, eq. 26);
 * probabilities interpolated down to the uniform distribution over the vocabulary without {@code <s>}, so
 * that {@code <unk>} gets the interpolated unigram mass; back-off weights are the interpolation weights.
 *
 * <p>Counting keeps each order's n-grams in a primitive open-addressing table keyed by
 * {@code id(context) << 26 | word}: memory is proportional to the number of distinct n-grams. The input
 * words {@code <s>}, {@code </s>} and {@code <unk>} are refused, as {@code lmplz} refuses them by default.
 *
 * <pre>{@code
 * NGramModel lm = NGramTrainer.builder().order(5).analyzer(Analyzer.whitespace()).build().fit(corpus);
 * }</pre>
 */
public final class NGramTrainer {

    private final int order;
    private final Analyzer analyzer;
    private final Unit unit;
    private final int threads;
    private final float[] fallback;
    private final Method method;
    private final double addK;
    private final long[] prune;

    /** How the n-gram probabilities are estimated. */
    public enum Method {
        /**
         * Interpolated modified Kneser-Ney (Chen &amp; Goodman): three discounts per order (adjusted counts 1,
         * 2, 3+); identical to lmplz. The default.
         */
        MKN,
        /**
         * Interpolated Kneser-Ney with one discount per order, {@code D = n1 / (n1 + 2 n2)} (Ney, Essen &amp;
         * Kneser) from the counts-of-counts of the adjusted counts; otherwise as {@link #MKN}.
         */
        KN,
        /**
         * Add-k with back-off: an n-gram seen in training gets {@code (c(h w) + k) / (c(h) + k (V - 1))} on raw
         * counts (V - 1: the vocabulary without {@code <s>}, {@code <unk>} included); the rest of a context's
         * mass goes to the words it has not seen, in proportion to the next lower order (the back-off weight
         * makes each context sum to 1). Unigrams: {@code (c(w) + k) / (N + k (V - 1))}, exactly add-k.
         */
        ADDK;

        /** {@code mkn}, {@code kn} or {@code addk}, as on the command line. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The method named {@code mkn}, {@code kn} or {@code addk} (case-insensitive). */
        public static Method of(String name) {
            for (Method m : values()) {
                if (m.id().equalsIgnoreCase(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown method '" + name + "'; expected mkn, kn or addk");
        }
    }

    private NGramTrainer(Builder b) {
        this.order = b.order;
        this.analyzer = b.analyzer;
        this.unit = b.unit;
        this.threads = b.threads;
        this.fallback = b.fallback;
        this.method = b.method;
        this.addK = b.addK;
        if (b.prune != null && b.prune.length > order) {
            throw new IllegalArgumentException("prune thresholds for orders 1 through " + b.prune.length
                    + " but the model has order " + order);
        }
        this.prune = b.prune == null ? null : padded(b.prune, order);
    }

    /** Thresholds by order (index 1..order), the last given one repeated for the orders after it, as lmplz. */
    private static long[] padded(long[] t, int order) {
        long[] p = new long[order + 1];
        for (int k = 1; k <= order; k++) {
            p[k] = t[Math.min(k, t.length) - 1];
        }
        return p;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options; defaults are {@code lmplz}'s where it has one. */
    public static final class Builder {
        private int order = 3;
        private Analyzer analyzer = Analyzer.whitespace();
        private Unit unit = Unit.WORD;
        private int threads = Threads.defaultCount();
        private float[] fallback;
        private Method method = Method.MKN;
        private double addK = 1;
        private long[] prune;

        /** The smoothing method (default {@link Method#MKN}, lmplz's). */
        public Builder method(Method method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /** The constant of {@link Method#ADDK} (default 1: add-one); must be positive. */
        public Builder addK(double k) {
            if (!(k > 0) || Double.isInfinite(k)) {
                throw new IllegalArgumentException("add-k constant must be positive and finite, got " + k);
            }
            this.addK = k;
            return this;
        }

        /**
         * lmplz's {@code --prune}: per order from 1, drop the n-grams whose raw count is at most the threshold
         * (lmplz compares raw counts, not the adjusted ones, at every order); the last threshold applies to the
         * orders after it. Non-decreasing; the first (unigrams) must be 0: unigrams are not pruned. Pruned
         * n-grams still count in the discounts' counts-of-counts and in their context's denominator, and their
         * discounted mass goes to the context's back-off, as in lmplz. Default: no pruning.
         */
        public Builder prune(long... thresholds) {
            if (thresholds.length == 0) {
                throw new IllegalArgumentException("no prune thresholds");
            }
            long last = 0;
            for (int i = 0; i < thresholds.length; i++) {
                if (thresholds[i] < 0) {
                    throw new IllegalArgumentException("prune threshold " + thresholds[i] + " for order " + (i + 1)
                            + " is negative");
                }
                if (thresholds[i] < last) {
                    throw new IllegalArgumentException("prune thresholds must be non-decreasing (as lmplz requires:"
                            + " otherwise substrings of kept n-grams would be removed), got " + Arrays.toString(thresholds));
                }
                last = thresholds[i];
            }
            if (thresholds[0] != 0) {
                throw new IllegalArgumentException("unigram pruning is not supported: the first prune threshold must be 0, got "
                        + thresholds[0]);
            }
            this.prune = thresholds.clone();
            return this;
        }

        /** Highest n-gram order, 1–6 (default 3). */
        public Builder order(int order) {
            if (order < 1 || order > NGramModel.MAX_ORDER) {
                throw new IllegalArgumentException("order must be in 1.." + NGramModel.MAX_ORDER + ", got " + order);
            }
            this.order = order;
            return this;
        }

        /** How text becomes tokens (default {@link Analyzer#whitespace()}: the tokens as given, as lmplz reads them). */
        public Builder analyzer(Analyzer analyzer) {
            this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
            return this;
        }

        /** Words (default) or the characters of the analysed terms. */
        public Builder unit(Unit unit) {
            this.unit = Objects.requireNonNull(unit, "unit");
            return this;
        }

        /**
         * 1: count on the calling thread; more (default: available processors): the calling thread reads and
         * analyses, and one thread per order from 2 up counts that order's n-grams, as a pipeline over blocks of
         * sentences. The model is the same either way.
         */
        public Builder threads(int threads) {
            this.threads = Threads.require(threads);
            return this;
        }

        /**
         * lmplz's {@code --discount_fallback}: discounts for adjusted counts 1, 2 and 3+ used for any order whose
         * closed-form estimate fails (no singletons or doubletons, or a discount out of range). Default: none,
         * and such a corpus fails as it does in lmplz. lmplz's fallback values are 0.5, 1, 1.5.
         */
        public Builder discountFallback(float d1, float d2, float d3) {
            if (!(d1 >= 0 && d1 <= 1 && d2 >= 0 && d2 <= 2 && d3 >= 0 && d3 <= 3)) {
                throw new IllegalArgumentException("fallback discounts must be in [0,1], [0,2], [0,3]; got "
                        + d1 + ", " + d2 + ", " + d3);
            }
            this.fallback = new float[] {d1, d2, d3};
            return this;
        }

        public NGramTrainer build() {
            return new NGramTrainer(this);
        }
    }

    public NGramModel fit(Corpus<Document> corpus) {
        return fit(corpus, ProgressListener.NONE);
    }

    /** Counts and estimates in one pass over {@code corpus}; reports {@code count} (documents) and {@code estimate} (orders). */
    public NGramModel fit(Corpus<Document> corpus, ProgressListener progress) {
        Counts c = new Counts(order, threads > 1 && order > 1);
        c.fallback = fallback;
        c.method = method;
        c.addK = addK;
        c.prune = prune;
        TermBuffer buf = new TermBuffer();
        long[] docs = {0};
        boolean ok = false;
        try {
            try {
                corpus.forEach(d -> {
                    c.sentence(d, analyzer.analyze(d.text(), buf), buf, unit);
                    if (++docs[0] % 4096 == 0) {
                        progress.progress("count", docs[0], -1);
                    }
                });
                c.finish();
            } finally {
                c.shutdown();
            }
            progress.progress("count", docs[0], docs[0]);
            NGramModel m = c.estimate(analyzer, unit, progress);
            ok = true;
            return m;
        } finally {
            if (!ok) {
                c.free();
            }
        }
    }

    // ------------------------------------------------------------------ counting

    /**
     * The n-grams of one order k >= 2 while counting: per id (in order of first occurrence) its key
     * {@code id(context) << 26 | word}, the id of its suffix (k-1)-gram and its count; and an
     * open-addressing table of ids (keys compared through the id) for finding them. All of it off the heap
     * ({@link OffHeap}), freed as soon as estimation is done with it.
     */
    static final class Order {
        static final int PAGE_BITS = 20;
        static final int PAGE = 1 << PAGE_BITS;
        static final int PAGE_MASK = PAGE - 1;
        OffHeap.Ints hids = new OffHeap.Ints(1 << 12);
        int hmask = (1 << 12) - 1;
        int size;
        // while counting: pages of 2^20, so that growing never copies; the first page starts small and doubles
        OffHeap.Longs[] keyPages = new OffHeap.Longs[4];
        OffHeap.Ints[] suffixPages = new OffHeap.Ints[4];
        OffHeap.Ints[] countPages = new OffHeap.Ints[4];
        // after freeze(): flat arrays
        OffHeap.Longs keys;
        OffHeap.Ints suffix;
        OffHeap.Ints count;

        Order() {
            hids.fill(-1);
            keyPages[0] = new OffHeap.Longs(1 << 12);
            suffixPages[0] = new OffHeap.Ints(1 << 12);
            countPages[0] = new OffHeap.Ints(1 << 12);
        }

        long key(int id) {
            return keyPages[id >>> PAGE_BITS].get(id & PAGE_MASK);
        }

        void increment(int id) {
            countPages[id >>> PAGE_BITS].add(id & PAGE_MASK, 1);
        }

        int id(long key, int suffixId) {
            int i = (int) (NGramModel.mix(key) >>> 32) & hmask;
            while (true) {
                int id = hids.get(i);
                if (id < 0) {
                    break;
                }
                if (keyPages[id >>> PAGE_BITS].get(id & PAGE_MASK) == key) {
                    return id;
                }
                i = (i + 1) & hmask;
            }
            int id = size++;
            int page = id >>> PAGE_BITS;
            if (page == 0 && id == keyPages[0].length) {
                int n = Math.min(PAGE, 2 * id);
                keyPages[0] = grow(keyPages[0], n);
                suffixPages[0] = grow(suffixPages[0], n);
                countPages[0] = grow(countPages[0], n);
            } else if (page > 0 && (id & PAGE_MASK) == 0) {
                if (page == keyPages.length) {
                    keyPages = Arrays.copyOf(keyPages, page * 2);
                    suffixPages = Arrays.copyOf(suffixPages, page * 2);
                    countPages = Arrays.copyOf(countPages, page * 2);
                }
                keyPages[page] = new OffHeap.Longs(PAGE);
                suffixPages[page] = new OffHeap.Ints(PAGE);
                countPages[page] = new OffHeap.Ints(PAGE);
            }
            keyPages[page].set(id & PAGE_MASK, key);
            suffixPages[page].set(id & PAGE_MASK, suffixId);
            hids.set(i, id);
            if (size > (hmask + 1) * 0.6) {
                rehash();
            }
            return id;
        }

        private static OffHeap.Longs grow(OffHeap.Longs a, int n) {
            OffHeap.Longs b = new OffHeap.Longs(n);
            for (long i = 0; i < a.length; i++) {
                b.set(i, a.get(i));
            }
            a.free();
            return b;
        }

        private static OffHeap.Ints grow(OffHeap.Ints a, int n) {
            OffHeap.Ints b = new OffHeap.Ints(n);
            for (long i = 0; i < a.length; i++) {
                b.set(i, a.get(i));
            }
            a.free();
            return b;
        }

        private void rehash() {
            int cap = (hmask + 1) * 2;
            hids.free();
            OffHeap.Ints ni = new OffHeap.Ints(cap);
            ni.fill(-1);
            int mask = cap - 1;
            for (int id = 0; id < size; id++) {
                int i = (int) (NGramModel.mix(key(id)) >>> 32) & mask;
                while (ni.get(i) >= 0) {
                    i = (i + 1) & mask;
                }
                ni.set(i, id);
            }
            hids = ni;
            hmask = mask;
        }

        /** Ends counting: drops the table and moves the pages into flat arrays, freeing each page once copied. */
        void freeze() {
            hids.free();
            hids = null;
            keys = new OffHeap.Longs(size);
            suffix = new OffHeap.Ints(size);
            count = new OffHeap.Ints(size);
            for (int p = 0; (long) p * PAGE < size; p++) {
                int n = Math.min(PAGE, size - p * PAGE);
                long base = (long) p * PAGE;
                for (int i = 0; i < n; i++) {
                    keys.set(base + i, keyPages[p].get(i));
                    suffix.set(base + i, suffixPages[p].get(i));
                    count.set(base + i, countPages[p].get(i));
                }
                keyPages[p].free();
                suffixPages[p].free();
                countPages[p].free();
            }
            keyPages = null;
            suffixPages = null;
            countPages = null;
        }

        /** Frees whatever is left (also after a failure). */
        void free() {
            if (hids != null) {
                hids.free();
            }
            if (keyPages != null) {
                for (int p = 0; p < keyPages.length; p++) {
                    if (keyPages[p] != null) {
                        keyPages[p].free();
                        suffixPages[p].free();
                        countPages[p].free();
                    }
                }
            }
            for (OffHeap.Ints a : new OffHeap.Ints[] {suffix, count}) {
                if (a != null) {
                    a.free();
                }
            }
            if (keys != null) {
                keys.free();
            }
        }
    }

    static final int UNK = 0;
    static final int BOS = 1;
    static final int EOS = 2;

    /** A block of whole sentences: word id and position in its sentence per token, and per order the n-gram ids ending there. */
    static final class Chunk {
        static final int CAPACITY = 1 << 16;
        int[] words = new int[CAPACITY];
        int[] pos = new int[CAPACITY];
        final int[][] ids;
        int size;

        Chunk(int order) {
            ids = new int[order + 1][];
            for (int k = 2; k < order; k++) {
                ids[k] = new int[CAPACITY];
            }
        }

        void ensure(int more, int order) {
            if (size + more > words.length) {
                int n = Math.max(words.length * 2, size + more);
                words = Arrays.copyOf(words, n);
                pos = Arrays.copyOf(pos, n);
                for (int k = 2; k < order; k++) {
                    ids[k] = Arrays.copyOf(ids[k], n);
                }
            }
        }
    }

    static final class Counts {
        final int order;
        final Vocab vocab = new Vocab();
        int[] uniCount = new int[1 << 12];
        final Order[] orders;
        int[] ids = new int[256];
        private final ExecutorService[] stages;
        private final BlockingQueue<Chunk> free;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
        private Chunk chunk;

        Counts(int order, boolean pipeline) {
            this.order = order;
            vocab.add("<unk>");
            vocab.add("<s>");
            vocab.add("</s>");
            orders = new Order[order + 1];
            for (int k = 2; k <= order; k++) {
                orders[k] = new Order();
            }
            discounts = new float[order + 1][];
            if (pipeline) {
                stages = new ExecutorService[order + 1];
                for (int k = 2; k <= order; k++) {
                    int kk = k;
                    stages[k] = Executors.newSingleThreadExecutor(r -> {
                        Thread t = new Thread(r, "ngram-count-" + kk);
                        t.setDaemon(true);
                        return t;
                    });
                }
                free = new ArrayBlockingQueue<>(6);
                for (int i = 0; i < 6; i++) {
                    free.add(new Chunk(order));
                }
            } else {
                stages = null;
                free = null;
            }
            chunk = new Chunk(order);
        }

        private int word(char[] c, int off, int len, Document d) {
            int id = vocab.add(c, off, len);
            if (id <= EOS) {
                throw new IllegalArgumentException("document " + d.id() + " contains '" + vocab.word(id)
                        + "', a word reserved for the model (lmplz refuses it too); remove or replace it");
            }
            if (id >= uniCount.length) {
                uniCount = Arrays.copyOf(uniCount, uniCount.length * 2);
            }
            return id;
        }

        void sentence(Document d, int terms, TermBuffer buf, Unit unit) {
            int n = 0;
            char[] c = buf.chars();
            for (int i = 0; i < terms; i++) {
                int s = buf.start(i);
                int e = buf.end(i);
                if (unit == Unit.WORD) {
                    if (n == ids.length) {
                        ids = Arrays.copyOf(ids, n * 2);
                    }
                    ids[n++] = word(c, s, e - s, d);
                } else {
                    for (int p = s; p < e; ) {
                        int cp = Character.codePointAt(c, p, e);
                        int len = Character.charCount(cp);
                        if (!Character.isWhitespace(cp)) {
                            if (n == ids.length) {
                                ids = Arrays.copyOf(ids, n * 2);
                            }
                            ids[n++] = word(c, p, len, d);
                        }
                        p += len;
                    }
                }
            }
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, n * 2);
            }
            ids[n++] = EOS;
            if (order == 1) {
                for (int i = 0; i < n; i++) {
                    uniCount[ids[i]]++;
                }
                return;
            }
            if (chunk.size > 0 && chunk.size + n > Chunk.CAPACITY) {
                dispatch();
            }
            chunk.ensure(n, order);
            System.arraycopy(ids, 0, chunk.words, chunk.size, n);
            for (int i = 0; i < n; i++) {
                chunk.pos[chunk.size + i] = i;
            }
            chunk.size += n;
        }

        /** Counts the k-grams ending at each position of the chunk; the (k-1)-gram ids are in place. */
        void stage(int k, Chunk ch) {
            Order o = orders[k];
            int[] words = ch.words;
            int[] pos = ch.pos;
            int[] in = k == 2 ? words : ch.ids[k - 1];
            int[] out = ch.ids[k];
            for (int p = 0, n = ch.size; p < n; p++) {
                int i = pos[p];
                if (i + 2 < k) {
                    continue;
                }
                int ctx = i == 0 ? BOS : in[p - 1];
                int id = o.id(NGramModel.key(ctx, words[p]), in[p]);
                if (out != null) {
                    out[p] = id;
                }
                if (i + 2 == k || k == order) {
                    o.increment(id);
                }
            }
        }

        private void dispatch() {
            Chunk ch = chunk;
            if (stages == null) {
                for (int k = 2; k <= order; k++) {
                    stage(k, ch);
                }
                ch.size = 0;
                return;
            }
            Throwable t = failure.get();
            if (t != null) {
                rethrow(t);
            }
            CompletableFuture<Void> f = CompletableFuture.runAsync(() -> stage(2, ch), stages[2]);
            for (int k = 3; k <= order; k++) {
                int kk = k;
                f = f.thenRunAsync(() -> stage(kk, ch), stages[k]);
            }
            last = f.whenComplete((r, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
                }
                ch.size = 0;
                free.add(ch);
            });
            try {
                chunk = free.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while counting", e);
            }
        }

        void finish() {
            if (chunk.size > 0) {
                dispatch();
            }
            if (stages != null) {
                try {
                    last.join();
                } catch (CompletionException e) {
                    // reported through failure
                }
                Throwable t = failure.get();
                if (t != null) {
                    rethrow(t);
                }
            }
        }

        /** Stops the counting stages and waits for them: their off-heap arrays may be freed only afterwards. */
        void shutdown() {
            if (stages != null) {
                for (int k = 2; k <= order; k++) {
                    stages[k].shutdownNow();
                }
                boolean interrupted = false;
                for (int k = 2; k <= order; k++) {
                    while (true) {
                        try {
                            if (stages[k].awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                                break;
                            }
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private static void rethrow(Throwable t) {
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(t);
        }

        /** lmplz's --discount_fallback discounts (for adjusted counts 1, 2, 3+), or null to fail. */
        float[] fallback;
        /** The discounts used, per order: [0, D1, D2, D3+]. */
        final float[][] discounts;

        /** Smoothing method, add-k constant and per-order prune thresholds (index 1..order), set by the trainer. */
        Method method = Method.MKN;
        double addK = 1;
        long[] prune;

        private boolean pruning() {
            if (prune == null) {
                return false;
            }
            for (long t : prune) {
                if (t > 0) {
                    return true;
                }
            }
            return false;
        }

        /** Frees the off-heap arrays of every order (after estimation or a failure). */
        void free() {
            for (int k = 2; k <= order; k++) {
                if (orders[k] != null) {
                    orders[k].free();
                }
            }
        }

        NGramModel estimate(Analyzer analyzer, Unit unit, ProgressListener progress) {
            int v = vocab.size();
            long[] sizes = new long[order + 1];
            sizes[1] = v;
            for (int k = 2; k <= order; k++) {
                orders[k].freeze();
                sizes[k] = orders[k].size;
            }
            boolean pruning = pruning();
            // raw counts of every order (needed to prune, as lmplz prunes on raw counts, and by add-k): the
            // highest order's are counted; a lower n-gram starting with <s> has its own raw count (counted),
            // any other is the sum of the raw counts of the n-grams one longer that end with it (every
            // occurrence of it has a word or <s> before it)
            OffHeap.Ints[] raw = new OffHeap.Ints[order + 1];
            int[] raw1 = null;
            if (pruning || method == Method.ADDK) {
                if (order == 1) {
                    raw1 = Arrays.copyOf(uniCount, v);
                } else {
                    raw[order] = orders[order].count;
                    for (int k = order - 1; k >= 1; k--) {
                        Order up = orders[k + 1];
                        if (k == 1) {
                            raw1 = new int[v];
                            for (int id = 0; id < up.size; id++) {
                                raw1[up.suffix.get(id)] += raw[2].get(id);
                            }
                        } else {
                            Order o = orders[k];
                            OffHeap.Ints r = new OffHeap.Ints(o.size);
                            for (int id = 0; id < up.size; id++) {
                                int sfx = up.suffix.get(id);
                                if (o.count.get(sfx) == 0) {
                                    r.add(sfx, raw[k + 1].get(id));
                                }
                            }
                            for (int id = 0; id < o.size; id++) {
                                int c = o.count.get(id);
                                if (c > 0) {
                                    r.set(id, c);
                                }
                            }
                            raw[k] = r;
                        }
                    }
                }
                raw1[BOS] = 0;
            }
            // adjusted counts (Kneser-Ney): raw for the highest order and for n-grams starting with <s>, else
            // the number of distinct words extending them to the left; add-k uses the raw counts
            int[] adj1;
            OffHeap.Ints[] adj = new OffHeap.Ints[order + 1];
            if (method == Method.ADDK) {
                adj1 = raw1;
                for (int k = 2; k <= order; k++) {
                    adj[k] = raw[k];
                }
            } else {
                adj1 = Arrays.copyOf(uniCount, v);
                for (int k = 2; k <= order; k++) {
                    adj[k] = orders[k].count;
                }
                for (int k = 2; k <= order; k++) {
                    Order o = orders[k];
                    if (k == 2) {
                        for (int id = 0; id < o.size; id++) {
                            adj1[o.suffix.get(id)]++;
                        }
                    } else {
                        OffHeap.Ints lower = adj[k - 1];
                        for (int id = 0; id < o.size; id++) {
                            lower.add(o.suffix.get(id), 1);
                        }
                    }
                }
            }
            uniCount = null;
            // pruned: raw count <= the order's threshold (lmplz marks on raw counts; unigrams are not pruned)
            OffHeap.Ints[] keep = new OffHeap.Ints[order + 1];
            if (pruning) {
                for (int k = 2; k <= order; k++) {
                    long t = prune[k];
                    if (t <= 0) {
                        continue;
                    }
                    Order o = orders[k];
                    OffHeap.Ints r = raw[k];
                    OffHeap.Ints kp = new OffHeap.Ints(o.size);
                    long kept = 0;
                    for (int id = 0; id < o.size; id++) {
                        if (r.get(id) > t) {
                            kp.set(id, 1);
                            kept++;
                        }
                    }
                    keep[k] = kp;
                    sizes[k] = kept;
                }
            }
            if (method != Method.ADDK) {
                // raw counts were needed only to prune
                for (int k = 2; k < order; k++) {
                    if (raw[k] != null && raw[k] != orders[k].count) {
                        raw[k].free();
                    }
                    raw[k] = null;
                }
            }
            // discounts from the counts-of-counts of all n-grams, pruned ones included (as lmplz), in float as
            // lmplz computes them
            float[][] disc = new float[order + 1][4];
            if (method != Method.ADDK) {
                for (int k = 1; k <= order; k++) {
                    long[] t = new long[5];
                    long n = sizes(k, orders, v);
                    for (long i = 0; i < n; i++) {
                        int x = k == 1 ? adj1[(int) i] : adj[k].get(i);
                        if (x >= 1 && x <= 4) {
                            t[x]++;
                        }
                    }
                    discounts(k, t, disc[k]);
                    discounts[k] = disc[k].clone();
                }
            }
            // unigrams
            float[] uniProb = new float[v];
            float[] uniBo = new float[v];
            float[] p1 = new float[v];
            {
                double sum = 0;
                long[] nb = new long[4];
                for (int w = 0; w < v; w++) {
                    sum += adj1[w];
                    nb[Math.min(adj1[w], 3)]++;
                }
                float[] d = disc[1];
                for (int w = 0; w < v; w++) {
                    double p;
                    if (method == Method.ADDK) {
                        // <s> is never predicted: k is added to the other v - 1 words
                        p = (adj1[w] + addK) / (sum + addK * (v - 1));
                    } else {
                        double gamma = (d[1] * nb[1] + d[2] * nb[2] + d[3] * nb[3]) / sum;
                        p = (adj1[w] - d[Math.min(adj1[w], 3)]) / sum + gamma / (v - 1);
                    }
                    p1[w] = (float) p;
                    uniProb[w] = (float) Math.log10(p);
                }
                p1[BOS] = 1;
                uniProb[BOS] = 0f;
            }
            progress.progress("estimate", 1, order);
            java.nio.LongBuffer[] tables = new java.nio.LongBuffer[order + 1];
            OffHeap.Ints lowerP = null; // probabilities (float bits) of the order below, by id
            OffHeap.Ints lowerSlot = null;
            Contexts ctx = null;
            if (order > 1) {
                ctx = contexts(orders[2], adj[2], keep[2], disc[2], v, null, p1, v);
                for (int w = 0; w < v; w++) {
                    uniBo[w] = ctx.backoff(w);
                }
            }
            long mask = (1L << NGramModel.WORD_BITS) - 1;
            try {
                for (int k = 2; k <= order; k++) {
                    Order o = orders[k];
                    int n = o.size;
                    OffHeap.Ints a = adj[k];
                    OffHeap.Ints kp = keep[k];
                    float[] d = disc[k];
                    OffHeap.Ints p = new OffHeap.Ints(n);
                    for (int id = 0; id < n; id++) {
                        if (kp != null && kp.get(id) == 0) {
                            continue;
                        }
                        int c = (int) (o.keys.get(id) >>> NGramModel.WORD_BITS);
                        int x = a.get(id);
                        double lp = k == 2 ? p1[o.suffix.get(id)] : lowerP.getFloat(o.suffix.get(id));
                        double prob = method == Method.ADDK ? (x + addK) / ctx.denom(c)
                                : (x - d[Math.min(x, 3)]) / ctx.denom(c) + ctx.gamma(c) * lp;
                        p.setFloat(id, (float) prob);
                    }
                    // free what this order no longer needs before the next contexts and the table are made
                    ctx.free();
                    ctx = null;
                    if (lowerP != null) {
                        lowerP.free();
                    }
                    lowerP = null;
                    Contexts next = k < order
                            ? contexts(orders[k + 1], adj[k + 1], keep[k + 1], disc[k + 1], n, p, null, v) : null;
                    o.suffix.free();
                    if (method == Method.ADDK && raw[k] != o.count) {
                        raw[k].free();
                    }
                    o.count.free();
                    adj[k] = null;
                    raw[k] = null;
                    NGramModel.TableBuilder tb = new NGramModel.TableBuilder(sizes[k]);
                    OffHeap.Ints slot = new OffHeap.Ints(n);
                    for (int id = 0; id < n; id++) {
                        if (kp != null && kp.get(id) == 0) {
                            slot.set(id, -1);
                            continue;
                        }
                        long key = o.keys.get(id);
                        int c = (int) (key >>> NGramModel.WORD_BITS);
                        int ctxSlot = k == 2 ? c : lowerSlot.get(c);
                        assert ctxSlot >= 0 : "the context of a kept n-gram was pruned";
                        float bo = next != null ? next.backoff(id) : 0f;
                        slot.set(id, tb.insert(ctxSlot, (int) (key & mask), (float) Math.log10(p.getFloat(id)), bo));
                    }
                    tables[k] = tb.table();
                    o.keys.free();
                    if (kp != null) {
                        kp.free();
                    }
                    orders[k] = null;
                    if (lowerSlot != null) {
                        lowerSlot.free();
                    }
                    lowerP = p;
                    lowerSlot = slot;
                    ctx = next;
                    progress.progress("estimate", k, order);
                }
            } finally {
                if (lowerP != null) {
                    lowerP.free();
                }
                if (lowerSlot != null) {
                    lowerSlot.free();
                }
                if (ctx != null) {
                    ctx.free();
                }
                for (OffHeap.Ints r : raw) {
                    if (r != null) {
                        r.free();
                    }
                }
                for (OffHeap.Ints kp : keep) {
                    if (kp != null) {
                        kp.free();
                    }
                }
                free();
            }
            return new NGramModel(order, vocab, UNK, BOS, EOS, uniProb, uniBo, tables, sizes, analyzer.spec(), unit);
        }

        private static long sizes(int k, Order[] orders, int v) {
            return k == 1 ? v : orders[k].size;
        }

        /** Fills d[1..3] from the counts-of-counts t[1..4] of order k (or the fallback, or fails as lmplz does). */
        private void discounts(int k, long[] t, float[] d) {
            String problem = null;
            if (method == Method.KN) {
                if (t[1] == 0 || t[2] == 0) {
                    problem = "no " + k + "-grams with adjusted count " + (t[1] == 0 ? 1 : 2);
                } else {
                    // Ney, Essen and Kneser's single discount n1 / (n1 + 2 n2)
                    float y = (float) t[1] / ((float) t[1] + 2.0f * (float) t[2]);
                    d[1] = y;
                    d[2] = y;
                    d[3] = y;
                }
            } else if (!(t[1] > 0 && t[2] > 0 && t[3] > 0 && t[4] > 0)) {
                problem = "no " + k + "-grams with adjusted count " + (t[1] == 0 ? 1 : t[2] == 0 ? 2 : t[3] == 0 ? 3 : 4);
            } else {
                float y = (float) t[1] / ((float) t[1] + 2.0f * (float) t[2]);
                for (int j = 1; j <= 3; j++) {
                    d[j] = (float) j - (float) (j + 1) * y * (float) t[j + 1] / (float) t[j];
                    if (problem == null && (d[j] < 0 || d[j] > j)) {
                        problem = "discount " + j + " of order " + k + " is " + d[j] + ", outside [0, " + j + "]";
                    }
                }
            }
            if (problem != null) {
                if (fallback == null) {
                    throw new IllegalArgumentException("cannot estimate Kneser-Ney discounts: " + problem
                            + " (the corpus is too small or too repetitive for order " + order + "); lmplz fails"
                            + " here too unless given --discount_fallback: use discountFallback(...)"
                            + " (lm train --discount-fallback)");
                }
                System.arraycopy(fallback, 0, d, 1, 3);
            }
        }

        /**
         * Per context (id of the order below): the denominator of its extensions' probabilities and, for
         * Kneser-Ney, the interpolation weight gamma; its back-off weight (log10) as the ARPA file stores it.
         */
        final class Contexts {
            /** Kneser-Ney: sum of the extensions' adjusted counts. Add-k: sum of their raw counts + k(V-1). */
            final OffHeap.Longs denom;
            /** Kneser-Ney: discounted mass (sum of D(count) over kept extensions + the counts of pruned ones). Add-k: sum of the kept extensions' probabilities. */
            final OffHeap.Longs mass;
            /** Add-k: sum over the kept extensions of their lower-order probability. */
            final OffHeap.Longs lowerMass;

            Contexts(long n) {
                denom = new OffHeap.Longs(n);
                mass = new OffHeap.Longs(n);
                lowerMass = method == Method.ADDK ? new OffHeap.Longs(n) : null;
            }

            double denom(int c) {
                return denom.getDouble(c);
            }

            /** In float, as lmplz keeps it. */
            float gamma(int c) {
                return (float) (mass.getDouble(c) / denom.getDouble(c));
            }

            /** log10 back-off of context c: gamma (Kneser-Ney), or the mass left over the mass the lower order leaves (add-k); 0 when c extends nothing. */
            float backoff(int c) {
                double dn = denom.getDouble(c);
                if (!(dn > 0)) {
                    return 0f;
                }
                if (method == Method.ADDK) {
                    double left = 1 - mass.getDouble(c);
                    double lowerLeft = 1 - lowerMass.getDouble(c);
                    return lowerLeft > 0 ? (float) Math.log10(left / lowerLeft) : 0f;
                }
                return (float) Math.log10(gamma(c));
            }

            void free() {
                denom.free();
                mass.free();
                if (lowerMass != null) {
                    lowerMass.free();
                }
            }
        }

        /**
         * The contexts (ids of the order below, {@code contexts} of them) of the n-grams of {@code o}, whose
         * counts are {@code a}; {@code keep} null or 1 for the n-grams kept by pruning; the lower order's
         * probabilities by id ({@code lowerP}, or {@code lowerP1} for unigrams) for add-k.
         */
        private Contexts contexts(Order o, OffHeap.Ints a, OffHeap.Ints keep, float[] d, long contexts,
                OffHeap.Ints lowerP, float[] lowerP1, int v) {
            Contexts cx = new Contexts(contexts);
            for (int id = 0; id < o.size; id++) {
                int c = (int) (o.keys.get(id) >>> NGramModel.WORD_BITS);
                cx.denom.addDouble(c, a.get(id));
            }
            if (method == Method.ADDK) {
                for (long c = 0; c < contexts; c++) {
                    double dn = cx.denom.getDouble(c);
                    if (dn > 0) {
                        cx.denom.set(c, Double.doubleToRawLongBits(dn + addK * (v - 1)));
                    }
                }
            }
            for (int id = 0; id < o.size; id++) {
                int c = (int) (o.keys.get(id) >>> NGramModel.WORD_BITS);
                int x = a.get(id);
                boolean kept = keep == null || keep.get(id) != 0;
                if (method == Method.ADDK) {
                    if (kept) {
                        int sfx = o.suffix.get(id);
                        cx.mass.addDouble(c, (x + addK) / cx.denom.getDouble(c));
                        cx.lowerMass.addDouble(c, lowerP1 != null ? lowerP1[sfx] : lowerP.getFloat(sfx));
                    }
                } else {
                    // exact in double: each term is a float discount (or a count) and the sums stay far below 2^53 ulps
                    cx.mass.addDouble(c, kept ? d[Math.min(x, 3)] : x);
                }
            }
            return cx;
        }
    }
}
