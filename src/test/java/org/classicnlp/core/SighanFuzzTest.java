package org.classicnlp.core;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.classicnlp.testkit.Fuzz;

/** Fuzz target (issue 18): SIGHAN segmented text, {@link Corpora#sighan}; kept inputs in {@code SighanFuzzTestInputs/}. */
class SighanFuzzTest {

    @FuzzTest
    void sighan(byte[] data) {
        Fuzz.text("fuzz.utf8", data, f -> Corpora.sighan(f).forEach(s -> s.words().size()));
    }
}
