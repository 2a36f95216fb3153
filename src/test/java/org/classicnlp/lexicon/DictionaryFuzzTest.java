package org.classicnlp.lexicon;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.classicnlp.segment.ForwardMaxMatch;
import org.classicnlp.testkit.Fuzz;

/**
 * Fuzz target (issue 18): the dictionary loaders, {@link LexiconLoaders#userDictionary} ({@code word [freq]
 * [tag]...}) and {@link LexiconLoaders#wordList}, each then used by a max-match segmenter.
 */
class DictionaryFuzzTest {

    @FuzzTest
    void dictionary(byte[] data) {
        Fuzz.text("fuzz-dict.txt", data, f -> use(LexiconLoaders.userDictionary(f)));
        Fuzz.text("fuzz-dict.txt", data, f -> use(LexiconLoaders.userDictionary(f, false)));
        Fuzz.text("fuzz-words.txt", data, f -> use(LexiconLoaders.wordList(f)));
    }

    private static void use(Lexicon lexicon) {
        for (int id = 0; id < Math.min(lexicon.size(), 50); id++) {
            lexicon.frequency(lexicon.word(id));
        }
        new ForwardMaxMatch(lexicon).segment("我们喜欢北京天安门 New York 2024");
    }
}
