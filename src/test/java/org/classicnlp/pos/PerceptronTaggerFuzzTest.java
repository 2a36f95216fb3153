package org.classicnlp.pos;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.classicnlp.testkit.Fuzz;

/**
 * Fuzz target (issue 18): the {@code pos-perceptron} model file (core model container), {@link PerceptronTagger#load}. The input is a
 * whole model file whose checksum {@link Fuzz#model} repairs, so mutations reach the body reader; a model that
 * loads is used once.
 */
class PerceptronTaggerFuzzTest {

    private static final String TEXT = "我们喜欢北京天安门 the quick brown fox 2024年";
    private static final List<String> WORDS = List.of("我们", "喜欢", "北京", "the", "dog", "2024", "。");

    @FuzzTest
    void posPerceptron(byte[] data) {
        Fuzz.model("fuzz.bin", data, PerceptronTagger::load, m -> m.tagWords(WORDS));
    }
}
