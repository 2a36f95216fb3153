package org.classicnlp.core;

/**
 * A model file that cannot be read: a foreign, empty or damaged file, an unsupported version, or a
 * truncated or corrupt body. The one exception every model loader throws for bad bytes (the word2vec
 * formats included). The message says which file, where (byte offset, entry or line) and what was
 * expected.
 */
public class ModelFormatException extends RuntimeException {

    private final String source;

    public ModelFormatException(String source, String message) {
        super(source + ": " + message);
        this.source = source;
    }

    public ModelFormatException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
    }

    /** The file path or classpath resource that failed to load. */
    public String source() {
        return source;
    }
}
