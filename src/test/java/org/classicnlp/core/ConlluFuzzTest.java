package org.classicnlp.core;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.classicnlp.testkit.Fuzz;

/** Fuzz target (issue 18): CoNLL-U, {@link Corpora#conllu}, both tag columns. */
class ConlluFuzzTest {

    @FuzzTest
    void conllu(byte[] data) {
        Fuzz.text("fuzz.conllu", data, f -> {
            Corpora.conllu(f, Corpora.ConlluColumn.UPOS).forEach(s -> s.words().size());
            Corpora.conllu(f, Corpora.ConlluColumn.XPOS).forEach(s -> s.words().size());
        });
    }
}
