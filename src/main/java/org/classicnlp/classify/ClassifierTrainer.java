package org.classicnlp.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.classicnlp.core.BatchExecutor;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Document;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.FeatureVector;
import org.classicnlp.core.SparseVector;
import org.classicnlp.core.Threads;
import org.classicnlp.tfidf.TfidfModel;
import org.classicnlp.tfidf.TfidfVectorizer;

/**
 * Fits a {@link LinearClassifier} on labelled documents (the label in each document's {@code label}
 * metadata field: a JSONL line {@code {"text": …, "label": …}}). Defaults are scikit-learn's for the
 * reference set-up: features {@code TfidfVectorizer(sublinear_tf=True)} over the english analyzer
 * (lowercased), naive Bayes {@code alpha = 0.01}, linear SVM {@code C = 1} ({@code LinearSVC}: squared
 * hinge, liblinear's dual coordinate descent, {@link LinearSvm}), logistic regression {@code C = 10}
 * ({@code LogisticRegression}: multinomial, lbfgs, {@link SmileLinear}); {@code tol = 1e-4} and
 * {@code max_iter} 1000 (SVM) or 100 (logreg) as there.
 */
public final class ClassifierTrainer {

    public static final double DEFAULT_ALPHA = 0.01;
    public static final double DEFAULT_SVM_C = 1;
    public static final double DEFAULT_LOGREG_C = 10;
    /** scikit-learn's {@code tol} for both LinearSVC and LogisticRegression. */
    public static final double DEFAULT_TOL = 1e-4;
    /** scikit-learn's {@code max_iter}: LinearSVC 1000 passes, LogisticRegression 100 L-BFGS iterations. */
    public static final int DEFAULT_SVM_MAX_ITER = 1000;
    public static final int DEFAULT_LOGREG_MAX_ITER = 100;
    /** Term counts kept between the TF-IDF fit and transform; beyond it the texts are analysed again. */
    static final long TFIDF_CACHE_BYTES = 256L << 20;

    private final Builder b;

    private ClassifierTrainer(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The TF-IDF features used unless told otherwise: sublinear tf over the lowercased english analyzer. */
    public static TfidfVectorizer.Builder defaultTfidf() {
        return TfidfVectorizer.builder().tokenizer("english").lowercase(true).sublinearTf(true);
    }

    /** Fits the classifier: TF-IDF (when no embedder was given) on the training texts, then the algorithm. */
    public LinearClassifier fit(Corpus<Document> corpus) {
        // One streaming pass over the input: the calling thread reads and parses the next batch while the
        // workers analyse the last one (BatchExecutor), and notes each label in document order on the way.
        List<String> docLabels = new ArrayList<>();
        TfidfModel tfidf = null;
        Embedder features = b.embedder;
        List<FeatureVector> x;
        if (features == null) {
            boolean[] read = {false};
            int[] seen = {0}; // documents read, labelled or not (a missing label fails in label(d))
            Corpus<Document> noting = () -> {
                Stream<Document> s = corpus.stream();
                if (read[0]) {
                    return s; // a second pass (term counts over the cache budget) reads the same labels again
                }
                read[0] = true;
                return s.peek(d -> {
                    seen[0]++;
                    docLabels.add(label(d));
                });
            };
            // the fit keeps its term counts for the vectors (fitTransform): one analysis of each text
            List<FeatureVector> rows = new ArrayList<>();
            try {
                tfidf = b.tfidf.threads(b.threads).build().fitTransform(noting, TFIDF_CACHE_BYTES, n -> { },
                        m -> { }, r -> {
                            List<FeatureVector> batch = new ArrayList<>(r.size());
                            for (int i = 0; i < r.size(); i++) {
                                batch.add(r.vector(i));
                            }
                            return batch;
                        }, rows::addAll);
            } catch (IllegalArgumentException e) {
                if (seen[0] == 0) {
                    throw new IllegalArgumentException("no documents"); // not "empty vocabulary"
                }
                throw e;
            }
            features = tfidf;
            x = rows;
        } else {
            Embedder f = features;
            x = mapLabelled(corpus, b.threads, f::embed, docLabels);
        }
        requireDocuments(docLabels);
        TreeSet<String> labelSet = new TreeSet<>(docLabels);
        if (labelSet.size() < 2) {
            throw new IllegalArgumentException("training needs at least two labels, got " + labelSet);
        }
        String[] labels = labelSet.toArray(new String[0]);
        int[] y = new int[docLabels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = java.util.Arrays.binarySearch(labels, docLabels.get(i));
        }
        int dim = features.dimension();
        int k = labels.length;
        double[][] w; // per class: dim weights and the intercept last
        switch (b.algorithm) {
            case NB -> w = naiveBayes(x, y, k, dim, b.alpha);
            case LOGREG -> {
                SmileCheck.require("logistic regression");
                SparseRowMatrix m = SparseRowMatrix.of(x, dim);
                x = null; // the rows live on in the matrix only
                w = SmileLinear.logisticRegression(m, y, k, b.c != null ? b.c : DEFAULT_LOGREG_C, b.tol,
                        b.maxIter != null ? b.maxIter : DEFAULT_LOGREG_MAX_ITER, b.threads);
            }
            case SVM -> {
                SparseRowMatrix m = SparseRowMatrix.of(x, dim);
                x = null;
                w = LinearSvm.fit(m, y, k, b.c != null ? b.c : DEFAULT_SVM_C, b.tol,
                        b.maxIter != null ? b.maxIter : DEFAULT_SVM_MAX_ITER, b.seed, b.threads);
            }
            default -> throw new AssertionError(b.algorithm);
        }
        float[] weights = new float[dim * k];
        double[] bias = new double[k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < dim; j++) {
                weights[j * k + c] = (float) w[c][j];
            }
            bias[c] = w[c][dim];
        }
        return new LinearClassifier(b.algorithm, labels, tfidf, b.embedderName, features, weights, bias);
    }

    /**
     * Multinomial naive Bayes as scikit-learn's {@code MultinomialNB}: {@code θ[c][j] = (F[c][j] + α) /
     * (Σ_j F[c][j] + α · dim)}, F the summed feature values of class c; the score of c is
     * {@code ln P(c) + Σ_j x_j ln θ[c][j]}.
     */
    static double[][] naiveBayes(List<FeatureVector> x, int[] y, int k, int dim, double alpha) {
        double[][] f = new double[k][dim + 1];
        long[] docsPer = new long[k];
        for (int i = 0; i < x.size(); i++) {
            FeatureVector v = x.get(i);
            double[] fc = f[y[i]];
            docsPer[y[i]]++;
            if (v instanceof SparseVector s) {
                for (int p = 0; p < s.size(); p++) {
                    double val = s.valueAt(p);
                    checkNonNegative(val, i);
                    fc[s.indexAt(p)] += val;
                }
            } else {
                float[] d = v.toFloatArray();
                for (int j = 0; j < dim; j++) {
                    checkNonNegative(d[j], i);
                    fc[j] += d[j];
                }
            }
        }
        for (int c = 0; c < k; c++) {
            double total = 0;
            for (int j = 0; j < dim; j++) {
                total += f[c][j];
            }
            double logDenominator = Math.log(total + alpha * dim);
            for (int j = 0; j < dim; j++) {
                f[c][j] = Math.log(f[c][j] + alpha) - logDenominator;
            }
            f[c][dim] = Math.log((double) docsPer[c] / x.size());
        }
        return f;
    }

    private static void checkNonNegative(double v, int doc) {
        if (v < 0) {
            throw new IllegalArgumentException("naive Bayes needs non-negative features (counts or TF-IDF); document "
                    + doc + " has " + v + ": use logreg or svm for embeddings");
        }
    }

    private static void requireDocuments(List<String> labels) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("no documents");
        }
    }

    static String label(Document d) {
        String l = d.metadata().get("label");
        if (l == null) {
            throw new IllegalArgumentException("document '" + d.id() + "' has no 'label' field");
        }
        return l;
    }

    /**
     * {@code f} of every labelled document of {@code corpus}, in order, on {@code threads} workers
     * ({@link BatchExecutor}: reading overlaps the work); the labels go to {@code labels} in the same order.
     */
    static <R> List<R> mapLabelled(Corpus<Document> corpus, int threads, Function<Document, R> f, List<String> labels) {
        List<R> out = new ArrayList<>();
        try (Stream<Document> s = corpus.stream()) {
            BatchExecutor.runDocuments(s.peek(d -> labels.add(label(d))), threads, batch -> {
                List<R> r = new ArrayList<>(batch.size());
                for (Document d : batch) {
                    r.add(f.apply(d));
                }
                return r;
            }, out::addAll);
        }
        requireDocuments(labels);
        return out;
    }

    /** Options; each has the default named on {@link ClassifierTrainer}. */
    public static final class Builder {
        private Algorithm algorithm = Algorithm.NB;
        private double alpha = DEFAULT_ALPHA;
        private Double c;
        private double tol = DEFAULT_TOL;
        private Integer maxIter;
        private long seed;
        private TfidfVectorizer.Builder tfidf = defaultTfidf();
        private Embedder embedder;
        private String embedderName;
        private int threads = Threads.defaultCount();

        public Builder algorithm(Algorithm algorithm) {
            this.algorithm = Objects.requireNonNull(algorithm);
            return this;
        }

        /** Naive Bayes additive smoothing (default 0.01). */
        public Builder alpha(double alpha) {
            if (!(alpha >= 0)) {
                throw new IllegalArgumentException("alpha must be >= 0, got " + alpha);
            }
            this.alpha = alpha;
            return this;
        }

        /** Inverse regularisation strength C (scikit-learn's meaning; default 1 for the SVM, 10 for logreg). */
        public Builder c(double c) {
            if (!(c > 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException("C must be > 0, got " + c);
            }
            this.c = c;
            return this;
        }

        /**
         * Convergence tolerance (default 1e-4): the SVM stops when the spread of the dual's projected
         * gradients is at most this (liblinear's test); logreg when Smile's L-BFGS relative gradient is.
         */
        public Builder tol(double tol) {
            if (!(tol > 0)) {
                throw new IllegalArgumentException("tol must be > 0, got " + tol);
            }
            this.tol = tol;
            return this;
        }

        /** Maximum SVM passes over the data (default 1000) or logreg L-BFGS iterations (default 100). */
        public Builder maxIter(int maxIter) {
            if (maxIter < 1) {
                throw new IllegalArgumentException("maxIter must be >= 1, got " + maxIter);
            }
            this.maxIter = maxIter;
            return this;
        }

        /** Seed of the SVM's coordinate order (default 0); results do not depend on the thread count. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** TF-IDF features fitted with the classifier (the default: {@link #defaultTfidf()}). */
        public Builder tfidf(TfidfVectorizer.Builder tfidf) {
            this.tfidf = Objects.requireNonNull(tfidf);
            this.embedder = null;
            this.embedderName = null;
            return this;
        }

        /** Features from an embedder; {@code name} is saved and resolved again when the model is loaded. */
        public Builder embedder(String name, Embedder embedder) {
            this.embedderName = Objects.requireNonNull(name);
            this.embedder = Objects.requireNonNull(embedder);
            return this;
        }

        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        public ClassifierTrainer build() {
            return new ClassifierTrainer(this);
        }
    }
}
