package org.classicnlp.ngram;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import org.classicnlp.testkit.Fuzz;

/**
 * Fuzz target (issue 18): the {@code ngram} model file (core model container), {@link NGramModel#load} (the file mapped) and {@link NGramModel#load(java.io.InputStream, String)}. The input is a
 * whole model file whose checksum {@link Fuzz#model} repairs, so mutations reach the body reader; a model that
 * loads is used once.
 */
class NGramBinaryFuzzTest {

    private static final String TEXT = "我们喜欢北京天安门 the quick brown fox 2024年";

    @FuzzTest
    void ngram(byte[] data) {
        Fuzz.model("fuzz.bin", data, f -> { try (var in = Files.newInputStream(f)) { NGramModel.load(in, f.toString()).score(TEXT); } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); } return NGramModel.load(f); }, m -> { m.score(TEXT); m.score(java.util.List.of("<s>", "a", "</s>")); });
    }
}
