package org.classicnlp.word2vec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.classicnlp.testkit.Fuzz;

/** Fuzz target (issue 18): the word2vec text format, {@link WordVectors#load(java.nio.file.Path, Word2VecFormat)}. */
class Word2VecTextFuzzTest {

    @FuzzTest
    void word2vecText(byte[] data) {
        Fuzz.text("fuzz.txt", data, f -> Word2VecBinaryFuzzTest.use(WordVectors.load(f, Word2VecFormat.TEXT)));
        Fuzz.text("fuzz.vec", data, f -> Word2VecBinaryFuzzTest.use(WordVectors.load(f)));
    }
}
