package org.classicnlp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The large shared data, found through one configurable directory: system property
 * {@code classicnlp.data}, else environment variable {@code CLASSICNLP_DATA}, else {@code ../shared/data}.
 * Tests that need a file call {@link #require}; without it they are skipped with a message naming it.
 */
public final class TestData {

    private TestData() {
    }

    public static Path dir() {
        String p = System.getProperty("classicnlp.data");
        if (p == null || p.isBlank()) {
            p = System.getenv("CLASSICNLP_DATA");
        }
        return Path.of(p == null || p.isBlank() ? "../shared/data" : p);
    }

    /** The path of {@code relative} in the data directory; skips the calling test if it is missing. */
    public static Path require(String relative) {
        Path file = dir().resolve(relative);
        assumeTrue(Files.exists(file), () -> "skipped: shared data file missing: " + file.toAbsolutePath()
                + " (set -Dclassicnlp.data=DIR or CLASSICNLP_DATA)");
        return file;
    }

    /** A file in this repository's {@code corpora/} folder. */
    public static Path corpus(String name) {
        return Path.of("corpora").resolve(name);
    }
}
