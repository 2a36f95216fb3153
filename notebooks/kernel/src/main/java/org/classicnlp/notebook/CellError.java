package org.classicnlp.notebook;

import java.util.List;

/**
 * What a cell did wrong, as the notebook shows it: a compile error ({@link CompileError}) or an exception the
 * cell's code threw ({@link CellException}). The simple class name becomes the Jupyter error's {@code ename}, the
 * message its {@code evalue}, {@link #lines()} its traceback (our kernel's own frames are never in it).
 */
public abstract sealed class CellError extends RuntimeException permits CellError.CompileError, CellError.CellException {
    private final List<String> lines;

    CellError(String message, List<String> lines) {
        super(message, null, false, false);
        this.lines = List.copyOf(lines);
    }

    /** The traceback lines shown under the cell. */
    public List<String> lines() {
        return lines;
    }

    /** The cell does not compile (or is unfinished); the lines quote the offending source with a caret. */
    public static final class CompileError extends CellError {
        CompileError(String message, List<String> lines) {
            super(message, lines);
        }
    }

    /** The cell's code threw; the message is {@code class: message}, the lines its cause chain and frames. */
    public static final class CellException extends CellError {
        private final String exceptionClass;

        CellException(String exceptionClass, String message, List<String> lines) {
            super(message == null ? exceptionClass : exceptionClass + ": " + message, lines);
            this.exceptionClass = exceptionClass;
        }

        /** The fully qualified name of what the cell threw. */
        public String exceptionClass() {
            return exceptionClass;
        }
    }
}
