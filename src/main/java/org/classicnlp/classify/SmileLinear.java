package org.classicnlp.classify;

import java.util.ArrayList;
import java.util.List;
import org.classicnlp.core.FeatureVector;
import org.classicnlp.core.SparseVector;
import smile.classification.SVM;
import smile.classification.SparseLogisticRegression;
import smile.data.SparseDataset;
import smile.util.SparseArray;

/**
 * The Smile-backed trainers (GPL-3.0, an optional dependency): the only class of the classify package that
 * refers to Smile's classifiers. Each fits on Smile's sparse arrays and hands back plain weight rows, so
 * the saved {@link LinearClassifier} and prediction need no Smile.
 */
final class SmileLinear {

    private SmileLinear() {
    }

    static SparseArray sparse(FeatureVector v) {
        SparseArray a = new SparseArray();
        if (v instanceof SparseVector s) {
            for (int i = 0; i < s.size(); i++) {
                a.append(s.indexAt(i), s.valueAt(i));
            }
        } else {
            float[] d = v.toFloatArray();
            for (int i = 0; i < d.length; i++) {
                if (d[i] != 0) {
                    a.append(i, d[i]);
                }
            }
        }
        return a;
    }

    /**
     * Multinomial logistic regression, penalty {@code ||w||² / (2C)} per the scikit-learn convention
     * (Smile's lambda = 1 / C). Returns per class the weights and, last, the intercept.
     */
    static double[][] logisticRegression(List<FeatureVector> x, int[] y, int classes, int dim, double c,
            double tol, int maxIter) {
        List<SparseArray> rows = new ArrayList<>(x.size());
        for (FeatureVector v : x) {
            rows.add(sparse(v));
        }
        SparseDataset data = SparseDataset.of(rows, dim);
        double[][] w;
        if (classes == 2) {
            var m = SparseLogisticRegression.binomial(data, y, 1.0 / c, tol, maxIter);
            double[] b = m.coefficients();
            double[] neg = new double[b.length];
            w = new double[][] {neg, b}; // P(class 1) = sigmoid(b·x): class 0 scores 0
        } else {
            var m = SparseLogisticRegression.multinomial(data, y, 1.0 / c, tol, maxIter);
            double[][] coef = m.coefficients();
            // Smile keeps k-1 rows and scores the last class 0
            w = new double[classes][];
            for (int k = 0; k < classes; k++) {
                w[k] = k < coef.length ? coef[k] : new double[dim + 1];
            }
        }
        return w;
    }

    /**
     * Linear SVM (hinge loss, penalty C), one-versus-rest for more than two classes. Smile's linear
     * classifier is read back into weights by scoring the zero vector (the intercept) and each unit vector.
     */
    static double[][] linearSvm(List<FeatureVector> x, int[] y, int classes, int dim, double c, double tol,
            int epochs, int threads) {
        SparseArray[] rows = new SparseArray[x.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = sparse(x.get(i));
        }
        double[][] w = new double[classes][];
        if (classes == 2) {
            w[1] = binarySvm(rows, y, 1, dim, c, tol, epochs);
            w[0] = new double[dim + 1];
        } else {
            // one versus rest, as Smile's OneVersusRest does; the binary problems are independent
            java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
            try {
                pool.submit(() -> java.util.stream.IntStream.range(0, classes).parallel()
                        .forEach(k -> w[k] = binarySvm(rows, y, k, dim, c, tol, epochs))).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdown();
            }
        }
        return w;
    }

    private static double[] binarySvm(SparseArray[] rows, int[] y, int positive, int dim, double c, double tol,
            int epochs) {
        int[] pm = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            pm[i] = y[i] == positive ? 1 : -1;
        }
        // the kernel machine itself (Smile's sparse linear shortcut, SVM.fit(SparseArray[], int[], int, ...),
        // sizes its weight vector by the sample count and fails): w = Σ α_i y_i x_i over the support vectors
        SVM<SparseArray> m = SVM.fit(rows, pm, new smile.math.kernel.SparseLinearKernel(), c, tol, epochs);
        double[] w = new double[dim + 1];
        SparseArray[] sv = m.vectors();
        double[] alpha = m.weights();
        for (int i = 0; i < sv.length; i++) {
            for (SparseArray.Entry e : sv[i]) {
                w[e.i] += alpha[i] * e.x;
            }
        }
        w[dim] = m.intercept();
        return w;
    }

}
