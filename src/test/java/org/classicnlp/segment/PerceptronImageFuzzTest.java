package org.classicnlp.segment;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.util.List;
import org.classicnlp.lexicon.Lexicon;
import org.classicnlp.testkit.Fuzz;

/**
 * Fuzz target (issue 18): the {@code perceptron-img} model file (core model container), {@link PerceptronSegmenter#loadImage} (the build-time image of the default segmenter). The input is a
 * whole model file whose checksum {@link Fuzz#model} repairs, so mutations reach the body reader; a model that
 * loads is used once.
 */
class PerceptronImageFuzzTest {

    private static final String TEXT = "我们喜欢北京天安门 the quick brown fox 2024年";

    @FuzzTest
    void perceptronImage(byte[] data) {
        Fuzz.model("fuzz.img", data, f -> { try (var in = Files.newInputStream(f)) { return PerceptronSegmenter.loadImage(in, f.toString(), () -> Lexicon.ofWords("fuzz", List.of("北京", "天安门")), false); } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); } }, m -> m.segment(TEXT));
    }
}
