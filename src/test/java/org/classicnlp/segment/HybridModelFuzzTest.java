package org.classicnlp.segment;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.classicnlp.testkit.Fuzz;

/**
 * Fuzz target (issue 18): the {@code hybrid} model file (core model container), {@link HybridModel#load}. The input is a
 * whole model file whose checksum {@link Fuzz#model} repairs, so mutations reach the body reader; a model that
 * loads is used once.
 */
class HybridModelFuzzTest {

    private static final String TEXT = "我们喜欢北京天安门 the quick brown fox 2024年";

    @FuzzTest
    void hybrid(byte[] data) {
        Fuzz.model("fuzz.bin", data, HybridModel::load, m -> new HybridSegmenter(m.hmm(), m.trainingWords()).segment(TEXT));
    }
}
