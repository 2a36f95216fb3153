package org.classicnlp.index;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.classicnlp.testkit.Fuzz;

/**
 * Fuzz target (issue 18): the {@code vindex} model file (core model container), {@link VectorIndex#load}. The input is a
 * whole model file whose checksum {@link Fuzz#model} repairs, so mutations reach the body reader; a model that
 * loads is used once.
 */
class VectorIndexFuzzTest {

    private static final String TEXT = "我们喜欢北京天安门 the quick brown fox 2024年";

    @FuzzTest
    void vectorIndex(byte[] data) {
        Fuzz.model("fuzz.vindex", data, VectorIndex::load, m -> { m.search(new float[m.dimension()], 3); if (m.size() > 0) { m.search(m.vector(0), 3); } });
    }
}
