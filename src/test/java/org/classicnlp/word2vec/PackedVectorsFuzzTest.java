package org.classicnlp.word2vec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.classicnlp.core.Document;
import org.classicnlp.testkit.Fuzz;

/**
 * Fuzz target (issue 18): the {@code w2v-packed} model file (core model container), {@link PackedVectors#load}. The input is a
 * whole model file whose checksum {@link Fuzz#model} repairs, so mutations reach the body reader; a model that
 * loads is used once.
 */
class PackedVectorsFuzzTest {

    private static final String TEXT = "我们喜欢北京天安门 the quick brown fox 2024年";

    @FuzzTest
    void packedVectors(byte[] data) {
        Fuzz.model("fuzz.packed", data, PackedVectors::load, m -> { m.meanEmbedder().embed(new Document("0", TEXT)); m.sifEmbedder().embed(new Document("0", TEXT)); });
    }
}
