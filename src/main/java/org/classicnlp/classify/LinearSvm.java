package org.classicnlp.classify;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.classicnlp.core.BatchExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linear SVM as scikit-learn's {@code LinearSVC} defaults train it: liblinear's L2-regularised squared-hinge
 * loss solved in the dual by coordinate descent with shrinking (Hsieh et al. 2008, liblinear solver 1),
 * one-versus-rest, an intercept as liblinear's bias feature of value 1 (intercept_scaling 1, regularised
 * like the weights). The primal is {@code min ½||w||² + C Σ max(0, 1 − y_i w·x_i)²}; the dual keeps
 * {@code α_i ≥ 0} and {@code w = Σ α_i y_i x_i}, and each step minimises exactly along one {@code α_i}.
 *
 * <p>Our own rather than Smile's: Smile's linear {@code SVM} is LASVM, a kernel machine for the hinge loss
 * (not LinearSVC's objective), whose kernel cache made one-versus-rest on 20 Newsgroups (11,314 × 150,000
 * sparse TF-IDF rows, 20 classes) impractically slow; this solver is liblinear's algorithm, the reference's
 * own, on flat arrays.
 */
final class LinearSvm {

    private static final Logger LOG = LoggerFactory.getLogger(LinearSvm.class);
    /** liblinear's threshold below which a projected gradient counts as zero (no update). */
    private static final double ZERO_GRADIENT = 1e-12;

    private LinearSvm() {
    }

    /**
     * Per class the weights and, last, the intercept. Two classes give one problem (class 1 positive,
     * class 0 scores 0); more give one per class, on {@code threads} threads. {@code seed} fixes the
     * coordinate order (liblinear shuffles it every pass).
     */
    static double[][] fit(SparseRowMatrix x, int[] y, int classes, double c, double tol, int maxIter, long seed,
            int threads) {
        double[] qd = new double[x.rows()];
        double diag = 0.5 / c; // squared hinge: the dual's diagonal term 1/(2C)
        for (int i = 0; i < x.rows(); i++) {
            double q = diag + 1; // the bias feature's 1²
            for (int p = x.start()[i]; p < x.start()[i + 1]; p++) {
                q += x.value()[p] * x.value()[p];
            }
            qd[i] = q;
        }
        double[][] w = new double[classes][];
        if (classes == 2) {
            w[1] = binary(x, y, 1, qd, diag, tol, maxIter, seed);
            w[0] = new double[x.columns() + 1];
        } else {
            BatchExecutor.run(IntStream.range(0, classes).iterator(), threads,
                    k -> w[k] = binary(x, y, k, qd, diag, tol, maxIter, seed + k), r -> { });
        }
        return w;
    }

    /** One binary problem, {@code positive} against the rest; returns w then the bias weight. */
    static double[] binary(SparseRowMatrix x, int[] labels, int positive, double[] qd, double diag, double tol,
            int maxIter, long seed) {
        int n = x.rows();
        int dim = x.columns();
        int[] start = x.start();
        int[] index = x.index();
        double[] value = x.value();
        double[] w = new double[dim + 1];
        double[] alpha = new double[n];
        byte[] y = new byte[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = (byte) (labels[i] == positive ? 1 : -1);
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int active = n;
        double pgMaxOld = Double.POSITIVE_INFINITY;
        int iter = 0;
        for (; iter < maxIter; iter++) {
            double pgMax = Double.NEGATIVE_INFINITY;
            double pgMin = Double.POSITIVE_INFINITY;
            for (int s = 0; s < active; s++) {
                int j = s + random.nextInt(active - s);
                int t = order[s];
                order[s] = order[j];
                order[j] = t;
            }
            for (int s = 0; s < active; s++) {
                int i = order[s];
                int yi = y[i];
                double wx = w[dim];
                for (int p = start[i]; p < start[i + 1]; p++) {
                    wx += w[index[p]] * value[p];
                }
                double g = yi * wx - 1 + alpha[i] * diag;
                double pg = 0;
                if (alpha[i] == 0) {
                    if (g > pgMaxOld) { // shrink: this α stays at its bound
                        active--;
                        order[s] = order[active];
                        order[active] = i;
                        s--;
                        continue;
                    } else if (g < 0) {
                        pg = g;
                    }
                } else {
                    pg = g; // squared hinge: no upper bound on α
                }
                pgMax = Math.max(pgMax, pg);
                pgMin = Math.min(pgMin, pg);
                if (Math.abs(pg) > ZERO_GRADIENT) {
                    double old = alpha[i];
                    alpha[i] = Math.max(old - g / qd[i], 0);
                    double d = (alpha[i] - old) * yi;
                    for (int p = start[i]; p < start[i + 1]; p++) {
                        w[index[p]] += d * value[p];
                    }
                    w[dim] += d;
                }
            }
            if (pgMax - pgMin <= tol) {
                if (active == n) {
                    break;
                }
                // converged on the active set: check every coordinate once more
                active = n;
                pgMaxOld = Double.POSITIVE_INFINITY;
                continue;
            }
            pgMaxOld = pgMax > 0 ? pgMax : Double.POSITIVE_INFINITY;
        }
        if (iter >= maxIter) {
            LOG.warn("linear SVM (class {} against the rest) reached the maximum of {} passes before tolerance {}; "
                    + "the result may be less accurate (raise the passes or the tolerance)", positive, maxIter, tol);
        }
        return w;
    }
}
