package org.classicnlp.pos;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.classicnlp.testkit.Fuzz;

/**
 * Fuzz target (issue 18): the {@code pos-hmm} model file (core model container), {@link HmmTagger#load} and {@link Taggers#load}. The input is a
 * whole model file whose checksum {@link Fuzz#model} repairs, so mutations reach the body reader; a model that
 * loads is used once.
 */
class HmmTaggerFuzzTest {

    private static final String TEXT = "我们喜欢北京天安门 the quick brown fox 2024年";
    private static final List<String> WORDS = List.of("我们", "喜欢", "北京", "the", "dog", "2024", "。");

    @FuzzTest
    void posHmm(byte[] data) {
        Fuzz.model("fuzz.bin", data, f -> { Taggers.load(f); return HmmTagger.load(f); }, m -> m.tagWords(WORDS));
    }
}
