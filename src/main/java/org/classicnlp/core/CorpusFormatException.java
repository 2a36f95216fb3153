package org.classicnlp.core;

import java.nio.file.Path;

/** Input that does not have the expected format; says which file, which line, and what was expected. */
public class CorpusFormatException extends RuntimeException {

    private final transient Path file;
    private final long line;

    /** @param line 1-based line number, or 0 when the problem is not tied to a line */
    public CorpusFormatException(Path file, long line, String message) {
        super(where(file, line) + message);
        this.file = file;
        this.line = line;
    }

    public CorpusFormatException(Path file, long line, String message, Throwable cause) {
        super(where(file, line) + message, cause);
        this.file = file;
        this.line = line;
    }

    private static String where(Path file, long line) {
        return line > 0 ? file + ":" + line + ": " : file + ": ";
    }

    public Path file() {
        return file;
    }

    /** 1-based line number. */
    public long line() {
        return line;
    }
}
