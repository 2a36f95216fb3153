package org.classicnlp.core;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.classicnlp.faq.FaqBot;
import org.classicnlp.testkit.Fuzz;

/**
 * Fuzz target (issue 18): JSON Lines, through the one object reader {@link Corpora#jsonFields}: the document
 * reader ({@link Corpora#jsonl}, and {@code auto} detection on a {@code .txt} name) and the FAQ entries
 * ({@link FaqBot#read}).
 */
class JsonlFuzzTest {

    @FuzzTest
    void jsonl(byte[] data) {
        Fuzz.text("fuzz.jsonl", data, f -> Corpora.jsonl(f).forEach(d -> d.metadata().size()));
        Fuzz.text("fuzz-jsonl.txt", data, f -> Corpora.open(f, InputFormat.AUTO).forEach(d -> d.text().length()));
        Fuzz.text("fuzz-faq.jsonl", data, f -> {
            try {
                FaqBot.read(f);
            } catch (CorpusFormatException e) {
                // a file without a single entry has no line to name: that is the one whole-file error
                if (!(e.line() == 0 && e.getMessage().equals(f + ": no FAQ entries (expected {\"question\",\"answer\"} lines)"))) {
                    throw e;
                }
            }
        });
    }
}
