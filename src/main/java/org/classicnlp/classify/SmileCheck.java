package org.classicnlp.classify;

/** Whether the optional Smile jar is present; refers to no Smile type, so it loads without it. */
final class SmileCheck {

    private SmileCheck() {
    }

    /** Fails with a clear message when Smile is not on the class path. */
    static void require(String what) {
        try {
            Class.forName("smile.classification.SVM", false, SmileCheck.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(what + " needs Smile (com.github.haifengl:smile-core 3.1.1, GPL-3.0) on "
                    + "the class path; it is an optional dependency of classicnlp");
        }
    }
}
