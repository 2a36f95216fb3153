package org.classicnlp.classify;

/** The classifier families {@link ClassifierTrainer} fits; all give a {@link LinearClassifier}. */
public enum Algorithm {
    /** Multinomial naive Bayes (our own), over non-negative features (counts, TF-IDF). */
    NB,
    /** Multinomial logistic regression with an L2 penalty, scikit-learn's objective on Smile's L-BFGS ({@link SmileLinear}). */
    LOGREG,
    /** Linear SVM, one-versus-rest, squared hinge: liblinear's dual coordinate descent, our own ({@link LinearSvm}). */
    SVM;

    /** {@code nb}, {@code logreg} or {@code svm}. */
    public static Algorithm of(String name) {
        for (Algorithm a : values()) {
            if (a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown algorithm '" + name + "'; expected nb, logreg or svm");
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
