package org.classicnlp.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.regex.Pattern;

/**
 * The CLI's two kinds of error and the one line printed for any failure. Bad usage (exit 2) is a
 * {@link Usage}; a failure (exit 1) is any other exception, described by {@link #message(Throwable)}:
 * one line, naming the file when a file is involved, with no Java class names and no {@code null}.
 */
final class CliErrors {

    private CliErrors() {
    }

    /** Bad usage: a bad option value or combination; exit code 2. */
    static final class Usage extends RuntimeException {
        Usage(String message) {
            super(message);
        }
    }

    /** A failure the CLI detected itself (unwritable output, empty input); exit code 1. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    /** {@code java.nio.file.NoSuchFileException: } and the like, wherever a library message embeds one. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");

    /** One line describing {@code t} for a user: the file and what went wrong with it. */
    static String message(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "out of memory; give Java a larger heap (java -Xmx8g -jar classicnlp.jar ...)";
        }
        String top = null;
        for (Throwable c = t; c != null && top == null; c = c.getCause()) {
            top = clean(c.getMessage());
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof FileSystemException fse && fse.getFile() != null) {
                return fileProblem(top, fse);
            }
        }
        if (top == null) {
            return "unexpected internal error; rerun with -Dclassicnlp.debug=true for details";
        }
        return top;
    }

    /** "cannot open model x.bin: no such file or directory": the library's context, then the reason. */
    private static String fileProblem(String top, FileSystemException e) {
        String file = e.getFile();
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "no such file or directory";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof FileAlreadyExistsException) {
            reason = "already exists";
        } else if (e instanceof NotDirectoryException) {
            reason = "not a directory";
        } else if (e instanceof DirectoryNotEmptyException) {
            reason = "directory not empty";
        } else {
            reason = e.getReason() != null ? clean(e.getReason()) : null;
            if (reason == null) {
                reason = "cannot access";
            }
        }
        int at = top == null ? -1 : top.indexOf(file);
        String context = at >= 0 ? top.substring(0, at + file.length()) : file;
        return context + ": " + reason.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + reason.substring(1);
    }

    /**
     * A trainer's complaint about the data it was given (an empty vocabulary, too few n-grams to estimate a
     * discount), which names no file: a failure naming the input it came from.
     */
    static Failure aboutInput(String option, Object input, RuntimeException e) {
        String m = clean(e.getMessage());
        return new Failure(option + " " + input + ": " + (m != null ? m : "cannot be used"));
    }

    /** The message on one line without Java class names; null when there is nothing left. */
    static String clean(String message) {
        if (message == null) {
            return null;
        }
        String m = CLASS_NAME.matcher(message).replaceAll("").replaceAll("\\s*\\R\\s*", " ").strip();
        return m.isEmpty() || m.equals("null") ? null : m;
    }
}
