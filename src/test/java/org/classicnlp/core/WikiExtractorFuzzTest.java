package org.classicnlp.core;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.classicnlp.testkit.Fuzz;

/** Fuzz target (issue 18): WikiExtractor output, {@link Corpora#wikiExtractor}, and plain lines. */
class WikiExtractorFuzzTest {

    @FuzzTest
    void wikiExtractor(byte[] data) {
        Fuzz.text("fuzz-wiki", data, f -> {
            Corpora.wikiExtractor(f).forEach(d -> d.text().length());
            Corpora.lines(f).forEach(d -> d.text().length());
        });
    }
}
