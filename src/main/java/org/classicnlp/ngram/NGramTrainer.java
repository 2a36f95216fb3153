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

    private NGramTrainer(Builder b) {
        this.order = b.order;
        this.analyzer = b.analyzer;
        this.unit = b.unit;
        this.threads = b.threads;
        this.fallback = b.fallback;
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
        TermBuffer buf = new TermBuffer();
        long[] docs = {0};
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
        return c.estimate(analyzer, unit, progress);
    }

    // ------------------------------------------------------------------ counting

    /**
     * The n-grams of one order k >= 2 while counting: per id (in order of first occurrence) its key
     * {@code id(context) << 26 | word}, the id of its suffix (k-1)-gram and its count; and an
     * open-addressing table of ids (keys compared through the id) for finding them.
     */
    static final class Order {
        static final int PAGE_BITS = 15;
        static final int PAGE = 1 << PAGE_BITS;
        static final int PAGE_MASK = PAGE - 1;
        int[] hids = new int[1 << 12];
        int hmask = hids.length - 1;
        int size;
        // while counting: pages, so that growing never copies nor needs one large free block
        long[][] keyPages = new long[16][];
        int[][] suffixPages = new int[16][];
        int[][] countPages = new int[16][];
        // after freeze(): flat arrays
        long[] keys;
        int[] suffix;
        int[] count;

        Order() {
            Arrays.fill(hids, -1);
        }

        long key(int id) {
            return keyPages[id >>> PAGE_BITS][id & PAGE_MASK];
        }

        void increment(int id) {
            countPages[id >>> PAGE_BITS][id & PAGE_MASK]++;
        }

        int id(long key, int suffixId) {
            int i = (int) (NGramModel.mix(key) >>> 32) & hmask;
            while (true) {
                int id = hids[i];
                if (id < 0) {
                    break;
                }
                if (keyPages[id >>> PAGE_BITS][id & PAGE_MASK] == key) {
                    return id;
                }
                i = (i + 1) & hmask;
            }
            int id = size++;
            int page = id >>> PAGE_BITS;
            if ((id & PAGE_MASK) == 0) {
                if (page == keyPages.length) {
                    keyPages = Arrays.copyOf(keyPages, page * 2);
                    suffixPages = Arrays.copyOf(suffixPages, page * 2);
                    countPages = Arrays.copyOf(countPages, page * 2);
                }
                keyPages[page] = new long[PAGE];
                suffixPages[page] = new int[PAGE];
                countPages[page] = new int[PAGE];
            }
            keyPages[page][id & PAGE_MASK] = key;
            suffixPages[page][id & PAGE_MASK] = suffixId;
            hids[i] = id;
            if (size > hids.length * 0.6) {
                rehash();
            }
            return id;
        }

        private void rehash() {
            int cap = hids.length * 2;
            int[] ni = new int[cap];
            Arrays.fill(ni, -1);
            int mask = cap - 1;
            for (int id = 0; id < size; id++) {
                int i = (int) (NGramModel.mix(key(id)) >>> 32) & mask;
                while (ni[i] >= 0) {
                    i = (i + 1) & mask;
                }
                ni[i] = id;
            }
            hids = ni;
            hmask = mask;
        }

        /** Ends counting: drops the table and moves the pages into flat arrays, freeing each page once copied. */
        void freeze() {
            hids = null;
            keys = new long[size];
            for (int p = 0; p * PAGE < size; p++) {
                System.arraycopy(keyPages[p], 0, keys, p * PAGE, Math.min(PAGE, size - p * PAGE));
                keyPages[p] = null;
            }
            keyPages = null;
            suffix = new int[size];
            for (int p = 0; p * PAGE < size; p++) {
                System.arraycopy(suffixPages[p], 0, suffix, p * PAGE, Math.min(PAGE, size - p * PAGE));
                suffixPages[p] = null;
            }
            suffixPages = null;
            count = new int[size];
            for (int p = 0; p * PAGE < size; p++) {
                System.arraycopy(countPages[p], 0, count, p * PAGE, Math.min(PAGE, size - p * PAGE));
                countPages[p] = null;
            }
            countPages = null;
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

        void shutdown() {
            if (stages != null) {
                for (int k = 2; k <= order; k++) {
                    stages[k].shutdownNow();
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

        NGramModel estimate(Analyzer analyzer, Unit unit, ProgressListener progress) {
            int v = vocab.size();
            long[] sizes = new long[order + 1];
            sizes[1] = v;
            for (int k = 2; k <= order; k++) {
                orders[k].freeze();
                sizes[k] = orders[k].size;
            }
            // adjusted counts: raw for the highest order and for n-grams starting with <s>, else the number of
            // distinct words extending them to the left
            int[][] adj = new int[order + 1][];
            adj[1] = Arrays.copyOf(uniCount, v);
            uniCount = null;
            for (int k = 2; k <= order; k++) {
                adj[k] = orders[k].count;
            }
            for (int k = 2; k <= order; k++) {
                Order o = orders[k];
                int[] lower = adj[k - 1];
                for (int id = 0; id < o.size; id++) {
                    lower[o.suffix[id]]++;
                }
            }
            // discounts from the counts-of-counts, in float as lmplz computes them
            float[][] disc = new float[order + 1][4];
            for (int k = 1; k <= order; k++) {
                long[] t = new long[5];
                int[] a = adj[k];
                int n = (int) sizes[k];
                for (int i = 0; i < n; i++) {
                    int x = a[i];
                    if (x >= 1 && x <= 4) {
                        t[x]++;
                    }
                }
                boolean ok = t[1] > 0 && t[2] > 0 && t[3] > 0 && t[4] > 0;
                String problem = null;
                if (!ok) {
                    problem = "no " + k + "-grams with adjusted count " + (t[1] == 0 ? 1 : t[2] == 0 ? 2 : t[3] == 0 ? 3 : 4);
                } else {
                    float y = (float) t[1] / ((float) t[1] + 2.0f * (float) t[2]);
                    for (int j = 1; j <= 3; j++) {
                        disc[k][j] = (float) j - (float) (j + 1) * y * (float) t[j + 1] / (float) t[j];
                        if (problem == null && (disc[k][j] < 0 || disc[k][j] > j)) {
                            problem = "discount " + j + " of order " + k + " is " + disc[k][j] + ", outside [0, " + j + "]";
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
                    System.arraycopy(fallback, 0, disc[k], 1, 3);
                }
                discounts[k] = disc[k].clone();
            }
            // unigrams
            float[] uniProb = new float[v];
            float[] uniBo = new float[v];
            float[] p1 = new float[v];
            {
                int[] a = adj[1];
                double sum = 0;
                long[] nb = new long[4];
                for (int w = 0; w < v; w++) {
                    sum += a[w];
                    nb[Math.min(a[w], 3)]++;
                }
                float[] d = disc[1];
                double gamma = (d[1] * nb[1] + d[2] * nb[2] + d[3] * nb[3]) / sum;
                double uniform = 1.0 / (v - 1);
                for (int w = 0; w < v; w++) {
                    double p = (a[w] - d[Math.min(a[w], 3)]) / sum + gamma * uniform;
                    p1[w] = (float) p;
                    uniProb[w] = (float) Math.log10(p);
                }
                p1[BOS] = 1;
                uniProb[BOS] = 0f;
            }
            progress.progress("estimate", 1, order);
            java.nio.LongBuffer[] tables = new java.nio.LongBuffer[order + 1];
            float[] lowerP = p1;
            int[] lowerSlot = null;
            // denominators and interpolation weights of the contexts of order k-1 (from the k-grams)
            Contexts ctx = null;
            if (order > 1) {
                ctx = contexts(orders[2], adj[2], disc[2], v);
                for (int w = 0; w < v; w++) {
                    uniBo[w] = ctx.denom[w] > 0 ? (float) Math.log10(ctx.gamma[w]) : 0f;
                }
            }
            long mask = (1L << NGramModel.WORD_BITS) - 1;
            for (int k = 2; k <= order; k++) {
                Order o = orders[k];
                int n = o.size;
                int[] a = adj[k];
                float[] d = disc[k];
                float[] p = new float[n];
                for (int id = 0; id < n; id++) {
                    int c = (int) (o.keys[id] >>> NGramModel.WORD_BITS);
                    p[id] = (float) ((a[id] - d[Math.min(a[id], 3)]) / (double) ctx.denom[c]
                            + ctx.gamma[c] * (double) lowerP[o.suffix[id]]);
                }
                // free what this order no longer needs before the next contexts and the table are made
                ctx = null;
                lowerP = null;
                o.suffix = null;
                o.count = null;
                adj[k] = null;
                Contexts next = k < order ? contexts(orders[k + 1], adj[k + 1], disc[k + 1], n) : null;
                NGramModel.TableBuilder tb = new NGramModel.TableBuilder(n);
                int[] slot = new int[n];
                for (int id = 0; id < n; id++) {
                    long key = o.keys[id];
                    int c = (int) (key >>> NGramModel.WORD_BITS);
                    int ctxSlot = k == 2 ? c : lowerSlot[c];
                    float bo = next != null && next.denom[id] > 0 ? (float) Math.log10(next.gamma[id]) : 0f;
                    slot[id] = tb.insert(ctxSlot, (int) (key & mask), (float) Math.log10(p[id]), bo);
                }
                tables[k] = java.nio.LongBuffer.wrap(tb.table);
                o.keys = null;
                orders[k] = null;
                lowerP = p;
                lowerSlot = slot;
                ctx = next;
                progress.progress("estimate", k, order);
            }
            return new NGramModel(order, vocab, UNK, BOS, EOS, uniProb, uniBo, tables, sizes, analyzer.spec(), unit);
        }

        /** Per context: the sum of its extensions' adjusted counts and its interpolation weight gamma. */
        record Contexts(int[] denom, float[] gamma) {
        }

        /** The contexts (ids of the order below) of the n-grams of {@code o}. */
        private static Contexts contexts(Order o, int[] adj, float[] d, int contexts) {
            int[] denom = new int[contexts];
            int[] n1 = new int[contexts];
            int[] n2 = new int[contexts];
            int[] n3 = new int[contexts];
            for (int id = 0; id < o.size; id++) {
                int c = (int) (o.keys[id] >>> NGramModel.WORD_BITS);
                int a = adj[id];
                denom[c] += a;
                if (a == 1) {
                    n1[c]++;
                } else if (a == 2) {
                    n2[c]++;
                } else {
                    n3[c]++;
                }
            }
            float[] gamma = new float[contexts];
            for (int c = 0; c < contexts; c++) {
                if (denom[c] > 0) {
                    gamma[c] = (float) ((d[1] * (double) n1[c] + d[2] * (double) n2[c] + d[3] * (double) n3[c]) / denom[c]);
                }
            }
            return new Contexts(denom, gamma);
        }
    }
}
