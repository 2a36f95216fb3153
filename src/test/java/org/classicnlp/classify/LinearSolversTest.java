package org.classicnlp.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.classicnlp.core.FeatureVector;
import org.classicnlp.core.SparseVector;
import org.junit.jupiter.api.Test;

/** The SVM and logistic-regression solvers reach the optimum of the objectives they document. */
class LinearSolversTest {

    /** Three overlapping classes of sparse non-negative vectors in 12 dimensions. */
    static List<FeatureVector> data(int[] y, long seed) {
        Random r = new Random(seed);
        List<FeatureVector> x = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 3;
            List<Integer> idx = new ArrayList<>();
            List<Double> val = new ArrayList<>();
            for (int j = 0; j < 12; j++) {
                // each class prefers its own four features; noise everywhere
                double p = j / 4 == y[i] ? 0.6 : 0.15;
                if (r.nextDouble() < p) {
                    idx.add(j);
                    val.add(0.2 + r.nextDouble());
                }
            }
            int[] ii = idx.stream().mapToInt(Integer::intValue).toArray();
            double[] vv = val.stream().mapToDouble(Double::doubleValue).toArray();
            x.add(new SparseVector(12, ii, vv));
        }
        return x;
    }

    @Test
    void svmSolvesTheSquaredHingePrimal() {
        int[] y = new int[90];
        SparseRowMatrix x = SparseRowMatrix.of(data(y, 7), 12);
        double c = 1;
        double[][] w = LinearSvm.fit(x, y, 3, c, 1e-8, 10_000, 3, 2);
        for (int k = 0; k < 3; k++) {
            // gradient of ½||w||² + C Σ max(0, 1 − y w·x)², bias as a feature of value 1
            double[] grad = w[k].clone();
            for (int i = 0; i < x.rows(); i++) {
                int yi = y[i] == k ? 1 : -1;
                double m = yi * score(x, i, w[k]);
                if (m < 1) {
                    double f = -2 * c * (1 - m) * yi;
                    for (int p = x.start()[i]; p < x.start()[i + 1]; p++) {
                        grad[x.index()[p]] += f * x.value()[p];
                    }
                    grad[12] += f;
                }
            }
            for (double g : grad) {
                assertEquals(0, g, 1e-4, "class " + k);
            }
        }
        // the same problems on one thread give the same weights
        double[][] one = LinearSvm.fit(x, y, 3, c, 1e-8, 10_000, 3, 1);
        for (int k = 0; k < 3; k++) {
            assertEquals(java.util.Arrays.toString(w[k]), java.util.Arrays.toString(one[k]));
        }
    }

    @Test
    void softmaxGradientMatchesFiniteDifferencesAndVanishesAtTheFit() {
        int[] y = new int[60];
        SparseRowMatrix x = SparseRowMatrix.of(data(y, 11), 12);
        double lambda = 0.1;
        SmileLinear.Softmax f = new SmileLinear.Softmax(x, y, 3, lambda, 2);
        Random r = new Random(1);
        double[] w = new double[13 * 3];
        for (int j = 0; j < w.length; j++) {
            w[j] = r.nextGaussian() * 0.3;
        }
        double[] g = new double[w.length];
        double fw = f.g(w, g);
        assertEquals(fw, f.f(w), 1e-9);
        for (int j = 0; j < w.length; j++) {
            double[] up = w.clone();
            double[] down = w.clone();
            up[j] += 1e-6;
            down[j] -= 1e-6;
            assertEquals((f.f(up) - f.f(down)) / 2e-6, g[j], 1e-4, "parameter " + j);
        }
        double[][] fit = SmileLinear.logisticRegression(x, y, 3, 1 / lambda, 1e-10, 2000, 1);
        double[] flat = new double[w.length];
        for (int j = 0; j <= 12; j++) {
            for (int k = 0; k < 3; k++) {
                flat[j * 3 + k] = fit[k][j];
            }
        }
        f.g(flat, g);
        double max = 0;
        for (double v : g) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max < 1e-3, "gradient at the fit " + max);
        // with every row penalised, the optimum's rows sum to zero feature by feature
        for (int j = 0; j < 12; j++) {
            assertEquals(0, fit[0][j] + fit[1][j] + fit[2][j], 1e-3, "feature " + j);
        }
    }

    static double score(SparseRowMatrix x, int i, double[] w) {
        double s = w[x.columns()];
        for (int p = x.start()[i]; p < x.start()[i + 1]; p++) {
            s += w[x.index()[p]] * x.value()[p];
        }
        return s;
    }
}
