package org.classicnlp.segment;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.classicnlp.testkit.Fuzz;

/**
 * Fuzz target (issue 18): the {@code hmm} model file (core model container), {@link HmmModel#load}. The input is a
 * whole model file whose checksum {@link Fuzz#model} repairs, so mutations reach the body reader; a model that
 * loads is used once.
 */
class HmmModelFuzzTest {

    private static final String TEXT = "我们喜欢北京天安门 the quick brown fox 2024年";

    @FuzzTest
    void hmm(byte[] data) {
        Fuzz.model("fuzz.bin", data, HmmModel::load, m -> new HmmSegmenter(m).segment(TEXT));
    }
}
