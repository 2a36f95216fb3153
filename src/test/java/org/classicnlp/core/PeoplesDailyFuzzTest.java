package org.classicnlp.core;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.classicnlp.testkit.Fuzz;

/**
 * Fuzz target (issue 18): People's Daily 1998 tagged text, {@link Corpora#peoplesDaily} with compounds kept as
 * their words and merged, and the content detection of {@link Corpora#open} with {@code auto}.
 */
class PeoplesDailyFuzzTest {

    @FuzzTest
    void peoplesDaily(byte[] data) {
        Fuzz.text("fuzz.pd98.txt", data, f -> {
            Corpora.peoplesDaily(f, false).forEach(s -> s.words().size());
            Corpora.peoplesDaily(f, true).forEach(s -> s.words().size());
            Corpora.open(f, InputFormat.AUTO).forEach(d -> d.text().length());
        });
    }
}
