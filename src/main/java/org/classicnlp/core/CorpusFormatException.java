package org.classicnlp.core;

import java.nio.file.Path;

/** Input that does not have the expected format; says which file, which line, and what was expected. */
public class CorpusFormatException extends RuntimeException {

    private final transient Path file;
    private final long line;

    public CorpusFormatException(Path file, long line, String message) {
        super(file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    public CorpusFormatException(Path file, long line, String message, Throwable cause) {
        super(file + ":" + line + ": " + message, cause);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** 1-based line number. */
    public long line() {
        return line;
    }
}
