package org.classicnlp.ngram;

import java.util.Arrays;
import java.util.Objects;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Document;
import org.classicnlp.core.ProgressListener;
import org.classicnlp.core.TermBuffer;

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

    private NGramTrainer(Builder b) {
        this.order = b.order;
        this.analyzer = b.analyzer;
        this.unit = b.unit;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options; defaults are {@code lmplz}'s where it has one. */
    public static final class Builder {
        private int order = 3;
        private Analyzer analyzer = Analyzer.whitespace();
        private Unit unit = Unit.WORD;

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

        public NGramTrainer build() {
            return new NGramTrainer(this);
        }
    }

    public NGramModel fit(Corpus<Document> corpus) {
        return fit(corpus, ProgressListener.NONE);
    }

    /** Counts and estimates in one pass over {@code corpus}; reports {@code count} (documents) and {@code estimate} (orders). */
    public NGramModel fit(Corpus<Document> corpus, ProgressListener progress) {
        Counts c = new Counts(order);
        TermBuffer buf = new TermBuffer();
        long[] docs = {0};
        corpus.forEach(d -> {
            c.sentence(d, analyzer.analyze(d.text(), buf), buf, unit);
            if (++docs[0] % 4096 == 0) {
                progress.progress("count", docs[0], -1);
            }
        });
        progress.progress("count", docs[0], docs[0]);
        return c.estimate(analyzer, unit, progress);
    }

    // ------------------------------------------------------------------ counting

    /** The n-grams of one order k >= 2: hash key -> id, and per id its key, suffix id and count. */
    static final class Order {
        long[] hkeys = new long[1 << 12];
        int[] hids = new int[1 << 12];
        int hmask = hkeys.length - 1;
        int size;
        long[] keys = new long[1 << 11];
        int[] suffix = new int[1 << 11];
        int[] count = new int[1 << 11];

        Order() {
            Arrays.fill(hkeys, NGramModel.EMPTY);
        }

        int id(long key, int suffixId) {
            int i = (int) NGramModel.mix(key) & hmask;
            while (true) {
                long k = hkeys[i];
                if (k == key) {
                    return hids[i];
                }
                if (k == NGramModel.EMPTY) {
                    break;
                }
                i = (i + 1) & hmask;
            }
            int id = size++;
            if (id == keys.length) {
                int n = keys.length + (keys.length >> 1);
                keys = Arrays.copyOf(keys, n);
                suffix = Arrays.copyOf(suffix, n);
                count = Arrays.copyOf(count, n);
            }
            keys[id] = key;
            suffix[id] = suffixId;
            hkeys[i] = key;
            hids[i] = id;
            if (size > hkeys.length * 0.7) {
                rehash();
            }
            return id;
        }

        private void rehash() {
            int cap = hkeys.length * 2;
            long[] nk = new long[cap];
            int[] ni = new int[cap];
            Arrays.fill(nk, NGramModel.EMPTY);
            int mask = cap - 1;
            for (int id = 0; id < size; id++) {
                long key = keys[id];
                int i = (int) NGramModel.mix(key) & mask;
                while (nk[i] != NGramModel.EMPTY) {
                    i = (i + 1) & mask;
                }
                nk[i] = key;
                ni[i] = id;
            }
            hkeys = nk;
            hids = ni;
            hmask = mask;
        }

        void dropHash() {
            hkeys = null;
            hids = null;
        }
    }

    static final int UNK = 0;
    static final int BOS = 1;
    static final int EOS = 2;

    static final class Counts {
        final int order;
        final Vocab vocab = new Vocab();
        int[] uniCount = new int[1 << 12];
        final Order[] orders;
        int[] ids = new int[256];
        final int[] prev;
        final int[] cur;

        Counts(int order) {
            this.order = order;
            vocab.add("<unk>");
            vocab.add("<s>");
            vocab.add("</s>");
            orders = new Order[order + 1];
            for (int k = 2; k <= order; k++) {
                orders[k] = new Order();
            }
            prev = new int[order + 1];
            cur = new int[order + 1];
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
            // prev[k]: id of the k-gram ending at the previous position; the sentence starts with <s>
            prev[1] = BOS;
            for (int i = 0; i < n; i++) {
                int w = ids[i];
                cur[1] = w;
                int full = Math.min(order, i + 2);
                for (int k = 2; k <= full; k++) {
                    cur[k] = orders[k].id(NGramModel.key(prev[k - 1], w), cur[k - 1]);
                }
                if (full == 1) {
                    uniCount[w]++;
                } else {
                    orders[full].count[cur[full]]++;
                }
                System.arraycopy(cur, 1, prev, 1, Math.min(full, order - 1));
            }
        }

        NGramModel estimate(Analyzer analyzer, Unit unit, ProgressListener progress) {
            int v = vocab.size();
            long[] sizes = new long[order + 1];
            sizes[1] = v;
            for (int k = 2; k <= order; k++) {
                orders[k].dropHash();
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
                for (int j = 1; j <= 4; j++) {
                    if (t[j] == 0) {
                        throw new IllegalArgumentException("cannot estimate Kneser-Ney discounts: no " + k
                                + "-grams with adjusted count " + j + " (the corpus is too small or too uniform"
                                + " for order " + order + ")");
                    }
                }
                float y = (float) t[1] / ((float) t[1] + 2.0f * (float) t[2]);
                for (int j = 1; j <= 3; j++) {
                    disc[k][j] = (float) j - (float) (j + 1) * y * (float) t[j + 1] / (float) t[j];
                    if (disc[k][j] < 0 || disc[k][j] > j) {
                        throw new IllegalArgumentException("Kneser-Ney discount " + j + " of order " + k + " is "
                                + disc[k][j] + ", outside [0, " + j + "]: the counts-of-counts are unusual");
                    }
                }
            }
            // unigrams
            float[] uniProb = new float[v];
            float[] uniBo = new float[v];
            double[] p1 = new double[v];
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
                    p1[w] = (a[w] - d[Math.min(a[w], 3)]) / sum + gamma * uniform;
                    uniProb[w] = (float) Math.log10(p1[w]);
                }
                p1[BOS] = 1;
                uniProb[BOS] = 0f;
            }
            progress.progress("estimate", 1, order);
            long[][] tables = new long[order + 1][];
            double[] lowerP = p1;
            int[] lowerSlot = null;
            // gamma and denominators of the contexts of order k (from the (k+1)-grams)
            double[] ctxDenom = null;
            float[] ctxGamma = null;
            if (order > 1) {
                double[][] g = contexts(orders[2], adj[2], disc[2], v);
                ctxDenom = g[0];
                ctxGamma = toFloat(g[1]);
                for (int w = 0; w < v; w++) {
                    uniBo[w] = ctxDenom[w] > 0 ? (float) Math.log10(ctxGamma[w]) : 0f;
                }
            }
            for (int k = 2; k <= order; k++) {
                Order o = orders[k];
                int n = o.size;
                int[] a = adj[k];
                float[] d = disc[k];
                double[] p = new double[n];
                long mask = (1L << NGramModel.WORD_BITS) - 1;
                for (int id = 0; id < n; id++) {
                    int ctx = (int) (o.keys[id] >>> NGramModel.WORD_BITS);
                    p[id] = (a[id] - d[Math.min(a[id], 3)]) / ctxDenom[ctx] + ctxGamma[ctx] * lowerP[o.suffix[id]];
                }
                double[] nextDenom = null;
                float[] nextGamma = null;
                if (k < order) {
                    double[][] g = contexts(orders[k + 1], adj[k + 1], disc[k + 1], n);
                    nextDenom = g[0];
                    nextGamma = toFloat(g[1]);
                }
                NGramModel.TableBuilder tb = new NGramModel.TableBuilder(n);
                int[] slot = new int[n];
                for (int id = 0; id < n; id++) {
                    long key = o.keys[id];
                    int ctx = (int) (key >>> NGramModel.WORD_BITS);
                    int ctxSlot = k == 2 ? ctx : lowerSlot[ctx];
                    float bo = nextDenom != null && nextDenom[id] > 0 ? (float) Math.log10(nextGamma[id]) : 0f;
                    slot[id] = tb.insert(ctxSlot, (int) (key & mask), (float) Math.log10(p[id]), bo);
                }
                tables[k] = tb.table;
                // the order below is no longer needed
                lowerP = p;
                lowerSlot = slot;
                ctxDenom = nextDenom;
                ctxGamma = nextGamma;
                adj[k - 1] = null;
                orders[k - 1] = null;
                progress.progress("estimate", k, order);
            }
            return new NGramModel(order, vocab, UNK, BOS, EOS, uniProb, uniBo, tables, sizes, analyzer.spec(), unit);
        }

        private static float[] toFloat(double[] x) {
            float[] f = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                f[i] = (float) x[i];
            }
            return f;
        }

        /** Per context id of the order below: {denominator, gamma} over the n-grams of {@code o}. */
        private static double[][] contexts(Order o, int[] adj, float[] d, int contexts) {
            double[] denom = new double[contexts];
            int[] n1 = new int[contexts];
            int[] n2 = new int[contexts];
            int[] n3 = new int[contexts];
            for (int id = 0; id < o.size; id++) {
                int ctx = (int) (o.keys[id] >>> NGramModel.WORD_BITS);
                int a = adj[id];
                denom[ctx] += a;
                if (a == 1) {
                    n1[ctx]++;
                } else if (a == 2) {
                    n2[ctx]++;
                } else {
                    n3[ctx]++;
                }
            }
            double[] gamma = n1.length == 0 ? new double[0] : new double[contexts];
            for (int c = 0; c < contexts; c++) {
                if (denom[c] > 0) {
                    gamma[c] = (d[1] * n1[c] + d[2] * n2[c] + d[3] * n3[c]) / denom[c];
                }
            }
            return new double[][] {denom, gamma};
        }
    }
}
