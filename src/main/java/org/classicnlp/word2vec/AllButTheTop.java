package org.classicnlp.word2vec;

/**
 * "All-but-the-top" post-processing of word vectors (Mu &amp; Viswanath, ICLR 2018): subtract the mean
 * vector, then remove the projections on the top {@code D} principal components. Word vectors trained by
 * word2vec share a large common mean and a few dominant directions that encode mostly word frequency; taking
 * them out makes cosine similarity reflect meaning more, which the paper found helps word similarity
 * consistently (and analogies a little) across corpora, languages and training methods.
 *
 * <p>{@code D} follows the paper's rule, about {@code dimension / 100} ({@link #defaultComponents}); it is
 * not tuned on any evaluation set. The mean and the components are computed over all rows given, unweighted
 * (as in the paper, over the vocabulary). Counts are kept; the result is new immutable vectors.
 */
public final class AllButTheTop {

    private AllButTheTop() {
    }

    /** The paper's rule of thumb for {@code D}: {@code dimension / 100}, rounded, at least 1. */
    public static int defaultComponents(int dimension) {
        return Math.max(1, Math.round(dimension / 100f));
    }

    /** {@link #apply(WordVectors, int)} with {@link #defaultComponents} components. */
    public static WordVectors apply(WordVectors vectors) {
        return apply(vectors, defaultComponents(vectors.dimension()));
    }

    /**
     * The vectors with their mean subtracted and their top {@code components} principal directions removed.
     *
     * @param components {@code D}, 0 to {@code dimension - 1} (0 only centres)
     */
    public static WordVectors apply(WordVectors vectors, int components) {
        int dim = vectors.dimension();
        if (components < 0 || components >= dim) {
            throw new IllegalArgumentException("components must be 0 to " + (dim - 1) + " (dimension - 1), got "
                    + components);
        }
        int n = vectors.size();
        if (n < 2) {
            throw new IllegalArgumentException("all-but-the-top needs at least 2 words, got " + n);
        }
        float[] raw = vectors.rawMatrix();
        double[] mean = new double[dim];
        for (int o = 0; o < raw.length; o += dim) {
            for (int c = 0; c < dim; c++) {
                mean[c] += raw[o + c];
            }
        }
        for (int c = 0; c < dim; c++) {
            mean[c] /= n;
        }
        float[] out = new float[raw.length];
        for (int o = 0; o < raw.length; o += dim) {
            for (int c = 0; c < dim; c++) {
                out[o + c] = (float) (raw[o + c] - mean[c]);
            }
        }
        float[][] top = topComponents(out, n, dim, components);
        for (int o = 0; o < out.length; o += dim) {
            for (float[] u : top) {
                double p = 0;
                for (int c = 0; c < dim; c++) {
                    p += (double) u[c] * out[o + c];
                }
                for (int c = 0; c < dim; c++) {
                    out[o + c] -= (float) (p * u[c]);
                }
            }
        }
        String[] words = vectors.words().toArray(new String[0]);
        long[] counts = null;
        if (vectors.hasCounts()) {
            counts = new long[n];
            for (int i = 0; i < n; i++) {
                counts[i] = vectors.count(words[i]);
            }
        }
        return WordVectors.ofTrained(words, out, dim, counts);
    }

    /**
     * The top {@code k} eigenvectors (unit length, by descending eigenvalue) of the covariance of the centred
     * rows: power iteration ({@link SifEmbedder#firstComponent}) with deflation {@code C -= λ u uᵀ}.
     */
    static float[][] topComponents(float[] centred, int n, int dim, int k) {
        double[] cov = new double[dim * dim];
        for (int o = 0; o < centred.length; o += dim) {
            for (int r = 0; r < dim; r++) {
                double x = centred[o + r];
                int ro = r * dim;
                for (int c = r; c < dim; c++) {
                    cov[ro + c] += x * centred[o + c];
                }
            }
        }
        for (int r = 0; r < dim; r++) {
            for (int c = r; c < dim; c++) {
                cov[r * dim + c] /= n;
                cov[c * dim + r] = cov[r * dim + c];
            }
        }
        float[][] top = new float[k][];
        for (int i = 0; i < k; i++) {
            float[] u = SifEmbedder.firstComponent(cov, dim);
            double lambda = 0;
            for (int r = 0; r < dim; r++) {
                double s = 0;
                for (int c = 0; c < dim; c++) {
                    s += cov[r * dim + c] * u[c];
                }
                lambda += u[r] * s;
            }
            for (int r = 0; r < dim; r++) {
                for (int c = 0; c < dim; c++) {
                    cov[r * dim + c] -= lambda * u[r] * u[c];
                }
            }
            top[i] = u;
        }
        return top;
    }
}
