package org.classicnlp.ngram;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.classicnlp.testkit.Fuzz;

/** Fuzz target (issue 18): ARPA back-off models, {@link NGramModel#readArpa}; a model read is then queried. */
class ArpaFuzzTest {

    @FuzzTest
    void arpa(byte[] data) {
        Fuzz.text("fuzz.arpa", data, f -> {
            NGramModel m = NGramModel.readArpa(f);
            m.score("the cat sat on the mat a b c");
            m.score(java.util.List.of("<s>", "a", "</s>", "b"));
        });
    }
}
