package org.classicnlp.word2vec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.classicnlp.core.Document;
import org.classicnlp.testkit.Fuzz;

/**
 * Fuzz target (issue 18): the {@code sif} model file (core model container), {@link SifEmbedder#load}, over small fixed vectors. The input is a
 * whole model file whose checksum {@link Fuzz#model} repairs, so mutations reach the body reader; a model that
 * loads is used once.
 */
class SifEmbedderFuzzTest {

    private static final String TEXT = "我们喜欢北京天安门 the quick brown fox 2024年";
    private static final WordVectors VECTORS = WordVectors.of(List.of("我们", "喜欢", "北京", "the", "fox"),
            new float[] {1, 0, 0, 1, 1, 1, 0, 2, 3, 1}, 2, null);

    @FuzzTest
    void sif(byte[] data) {
        try {
            Fuzz.model("fuzz.sif", data, f -> SifEmbedder.load(f, VECTORS), m -> m.embed(new Document("0", TEXT)));
        } catch (IllegalArgumentException e) {
            // documented misuse, not damage: a model fitted on other vectors, or a spec naming a segmenter that
            // must be passed in (SifEmbedder.load(path, vectors, segmenter)); the message names the file
            if (!e.getMessage().startsWith("SIF model ")) {
                throw e;
            }
        }
    }
}
