package org.classicnlp.segment;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.classicnlp.testkit.Fuzz;

/**
 * Fuzz target (issue 18): the {@code perceptron-seg} model file (core model container), {@link PerceptronSegmenter#load}. The input is a
 * whole model file whose checksum {@link Fuzz#model} repairs, so mutations reach the body reader; a model that
 * loads is used once.
 */
class PerceptronSegmenterFuzzTest {

    private static final String TEXT = "我们喜欢北京天安门 the quick brown fox 2024年";

    @FuzzTest
    void perceptronSeg(byte[] data) {
        Fuzz.model("fuzz.bin", data, PerceptronSegmenter::load, m -> m.segment(TEXT));
    }
}
