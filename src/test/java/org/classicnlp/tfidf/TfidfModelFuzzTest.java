package org.classicnlp.tfidf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.classicnlp.testkit.Fuzz;

/**
 * Fuzz target (issue 18): the {@code tfidf} model file (core model container), {@link TfidfModel#load}. The input is a
 * whole model file whose checksum {@link Fuzz#model} repairs, so mutations reach the body reader; a model that
 * loads is used once.
 */
class TfidfModelFuzzTest {

    private static final String TEXT = "我们喜欢北京天安门 the quick brown fox 2024年";

    @FuzzTest
    void tfidf(byte[] data) {
        Fuzz.model("fuzz.tfidf", data, TfidfModel::load, m -> { m.transform(TEXT); m.medianIdf(); });
    }
}
