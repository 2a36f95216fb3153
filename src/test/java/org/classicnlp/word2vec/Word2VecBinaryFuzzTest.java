package org.classicnlp.word2vec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.classicnlp.testkit.Fuzz;

/** Fuzz target (issue 18): the word2vec C binary format, {@link WordVectors#load(java.nio.file.Path, Word2VecFormat)}. */
class Word2VecBinaryFuzzTest {

    @FuzzTest
    void word2vecBinary(byte[] data) {
        Fuzz.text("fuzz.bin", data, f -> use(WordVectors.load(f, Word2VecFormat.BINARY)));
    }

    static void use(WordVectors v) {
        if (v.size() > 0) {
            String w = v.word(0);
            v.mostSimilar(w, 3);
            v.similarity(w, v.word(v.size() - 1));
        }
    }
}
