package org.classicnlp.index;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.classicnlp.testkit.Fuzz;

/**
 * Fuzz target (issue 18): the {@code bm25} model file (core model container), {@link Bm25Index#load}. The input is a
 * whole model file whose checksum {@link Fuzz#model} repairs, so mutations reach the body reader; a model that
 * loads is used once.
 */
class Bm25IndexFuzzTest {

    private static final String TEXT = "我们喜欢北京天安门 the quick brown fox 2024年";

    @FuzzTest
    void bm25(byte[] data) {
        Fuzz.model("fuzz.bm25", data, Bm25Index::load, m -> m.search(TEXT, 3));
    }
}
