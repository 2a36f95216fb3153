package org.classicnlp.classify;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.classicnlp.testkit.Fuzz;

/**
 * Fuzz target (issue 18): the {@code classifier} model file (core model container), {@link LinearClassifier#load}. The input is a
 * whole model file whose checksum {@link Fuzz#model} repairs, so mutations reach the body reader; a model that
 * loads is used once.
 */
class LinearClassifierFuzzTest {

    private static final String TEXT = "我们喜欢北京天安门 the quick brown fox 2024年";

    @FuzzTest
    void classifier(byte[] data) {
        Fuzz.model("fuzz.bin", data, LinearClassifier::load, m -> { m.predict(TEXT); m.scores(TEXT); });
    }
}
