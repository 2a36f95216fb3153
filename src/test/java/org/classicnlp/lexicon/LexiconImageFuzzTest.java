package org.classicnlp.lexicon;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.classicnlp.segment.ForwardMaxMatch;
import org.classicnlp.testkit.Fuzz;

/**
 * Fuzz target (issue 18): the {@code lexicon} model file (core model container), {@link Lexicon#load}. The input is a
 * whole model file whose checksum {@link Fuzz#model} repairs, so mutations reach the body reader; a model that
 * loads is used once.
 */
class LexiconImageFuzzTest {

    private static final String TEXT = "我们喜欢北京天安门 the quick brown fox 2024年";

    @FuzzTest
    void lexicon(byte[] data) {
        Fuzz.model("fuzz.lexicon", data, Lexicon::load, m -> { for (int i = 0; i < Math.min(m.size(), 50); i++) { m.frequency(m.word(i)); } new ForwardMaxMatch(m).segment(TEXT); });
    }
}
