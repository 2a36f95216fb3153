package org.classicnlp.classify;

import java.util.List;
import java.util.stream.IntStream;
import org.classicnlp.core.BatchExecutor;
import org.classicnlp.core.FeatureVector;
import org.classicnlp.core.SparseVector;
import smile.classification.SparseLogisticRegression;
import smile.data.SparseDataset;
import smile.math.BFGS;
import smile.math.DifferentiableMultivariateFunction;
import smile.util.SparseArray;

/**
 * The Smile-backed trainer (GPL-3.0, an optional dependency): logistic regression, the only class of the
 * classify package that refers to Smile. It hands back plain weight rows, so the saved
 * {@link LinearClassifier} and prediction need no Smile.
 *
 * <p>The objective is scikit-learn's {@code LogisticRegression(C)} with lbfgs: the summed log loss plus
 * {@code ||w||² / (2C)}, intercepts not penalised (Smile's {@code lambda} = 1 / C, also on the summed loss).
 * Two classes: Smile's {@code SparseLogisticRegression.binomial}, which is exactly that. More classes:
 * scikit-learn's multinomial softmax has one weight row per class, all penalised; Smile's multinomial
 * keeps k − 1 rows and pins the last class at 0, which under the penalty is a different model (the
 * penalty then favours the last class), so the softmax objective here is our own, minimised by Smile's
 * L-BFGS.
 */
final class SmileLinear {

    /** Corrections kept by L-BFGS: scipy's default {@code maxcor}, as scikit-learn's lbfgs uses. */
    static final int LBFGS_MEMORY = 10;

    private SmileLinear() {
    }

    static SparseArray sparse(SparseRowMatrix x, int row) {
        SparseArray a = new SparseArray();
        for (int p = x.start()[row]; p < x.start()[row + 1]; p++) {
            a.append(x.index()[p], x.value()[p]);
        }
        return a;
    }

    /** Per class the weights and, last, the intercept. */
    static double[][] logisticRegression(SparseRowMatrix x, int[] y, int classes, double c, double tol,
            int maxIter, int threads) {
        int dim = x.columns();
        if (classes == 2) {
            SparseDataset data = SparseDataset.of(IntStream.range(0, x.rows()).mapToObj(i -> sparse(x, i)).toList(),
                    dim);
            var m = SparseLogisticRegression.binomial(data, y, 1.0 / c, tol, maxIter);
            // P(class 1) = sigmoid(b·x): class 0 scores 0
            return new double[][] {new double[dim + 1], m.coefficients()};
        }
        Softmax f = new Softmax(x, y, classes, 1.0 / c, threads);
        double[] w = new double[(dim + 1) * classes];
        BFGS.minimize(f, LBFGS_MEMORY, w, tol, maxIter);
        double[][] out = new double[classes][dim + 1];
        for (int j = 0; j <= dim; j++) {
            for (int k = 0; k < classes; k++) {
                out[k][j] = w[j * classes + k];
            }
        }
        return out;
    }

    /**
     * {@code Σ_i −ln softmax(W x_i + b)[y_i] + λ/2 Σ ||W_k||²}, parameters feature-major
     * ({@code w[j * k + c]}, the intercepts in the last k places) so each non-zero feature touches k
     * adjacent weights. Rows are split into one block per thread, each with its own gradient buffer.
     */
    static final class Softmax implements DifferentiableMultivariateFunction {
        private final SparseRowMatrix x;
        private final int[] y;
        private final int k;
        private final double lambda;
        private final int blocks;
        private final double[][] gradients;

        Softmax(SparseRowMatrix x, int[] y, int k, double lambda, int threads) {
            this.x = x;
            this.y = y;
            this.k = k;
            this.lambda = lambda;
            this.blocks = Math.max(1, Math.min(threads, x.rows()));
            this.gradients = new double[blocks][];
        }

        /** The point of the last {@link #f} and its value and gradient (see {@link #g}). */
        private double[] lastW;
        private double[] lastG;
        private double lastF;

        /**
         * The value; computes the gradient too and keeps it, because Smile's L-BFGS asks for the gradient at
         * the very point its line search has just accepted: one pass over the data per step instead of two.
         */
        @Override
        public double f(double[] w) {
            if (lastW == null) {
                lastW = new double[w.length];
                lastG = new double[w.length];
            }
            lastF = evaluate(w, lastG);
            System.arraycopy(w, 0, lastW, 0, w.length);
            return lastF;
        }

        @Override
        public double g(double[] w, double[] g) {
            if (lastW != null && java.util.Arrays.equals(w, lastW)) {
                System.arraycopy(lastG, 0, g, 0, g.length);
                return lastF;
            }
            return evaluate(w, g);
        }

        private double evaluate(double[] w, double[] g) {
            double[] loss = new double[blocks];
            BatchExecutor.run(IntStream.range(0, blocks).iterator(), blocks, b -> {
                double[] gb = null;
                if (g != null) {
                    if (b == 0) {
                        gb = g;
                    } else {
                        gb = gradients[b] != null ? gradients[b] : (gradients[b] = new double[g.length]);
                    }
                    java.util.Arrays.fill(gb, 0);
                }
                loss[b] = block(w, gb, (int) ((long) x.rows() * b / blocks), (int) ((long) x.rows() * (b + 1) / blocks));
                return b;
            }, b -> { });
            double f = 0;
            for (double l : loss) {
                f += l;
            }
            int penalised = x.columns() * k;
            if (g != null) {
                for (int b = 1; b < blocks; b++) {
                    double[] gb = gradients[b];
                    for (int j = 0; j < g.length; j++) {
                        g[j] += gb[j];
                    }
                }
                for (int j = 0; j < penalised; j++) {
                    g[j] += lambda * w[j];
                }
            }
            double norm = 0;
            for (int j = 0; j < penalised; j++) {
                norm += w[j] * w[j];
            }
            return f + 0.5 * lambda * norm;
        }

        /** The log loss of rows [from, to); with {@code g}, adds their gradient to it. */
        private double block(double[] w, double[] g, int from, int to) {
            int[] start = x.start();
            int[] index = x.index();
            double[] value = x.value();
            int bias = x.columns() * k;
            double[] z = new double[k];
            double loss = 0;
            for (int i = from; i < to; i++) {
                System.arraycopy(w, bias, z, 0, k);
                for (int p = start[i]; p < start[i + 1]; p++) {
                    int o = index[p] * k;
                    double v = value[p];
                    for (int c = 0; c < k; c++) {
                        z[c] += v * w[o + c];
                    }
                }
                double max = z[0];
                for (int c = 1; c < k; c++) {
                    max = Math.max(max, z[c]);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    sum += Math.exp(z[c] - max);
                }
                double logSum = max + Math.log(sum);
                loss += logSum - z[y[i]];
                if (g != null) {
                    for (int c = 0; c < k; c++) {
                        z[c] = Math.exp(z[c] - logSum); // the probability, minus 1 for the true class
                    }
                    z[y[i]] -= 1;
                    for (int p = start[i]; p < start[i + 1]; p++) {
                        int o = index[p] * k;
                        double v = value[p];
                        for (int c = 0; c < k; c++) {
                            g[o + c] += v * z[c];
                        }
                    }
                    for (int c = 0; c < k; c++) {
                        g[bias + c] += z[c];
                    }
                }
            }
            return loss;
        }
    }
}
