package org.classicnlp.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.classicnlp.core.TextFiles;

/** Input and output plumbing shared by the commands: UTF-8 files or stdin in, buffered UTF-8 stdout out. */
final class CliIO {

    private CliIO() {
    }

    /** The bytes of {@code file} ({@code .gz} decompressed), or standard input when it is {@code null} or {@code -}. */
    static java.io.InputStream inputStream(Path file) {
        if (file == null || file.toString().equals("-")) {
            return System.in;
        }
        return TextFiles.openStream(file);
    }

    /**
     * Fails when writing to {@code out} failed: {@code System.out} is a {@link java.io.PrintStream}, which
     * swallows I/O errors (a full disk behind a redirection, a closed pipe) and only remembers them, so a job
     * must ask or it ends with exit 0 and a truncated result.
     */
    static void checkWritten(java.io.OutputStream out) {
        if (out instanceof java.io.PrintStream ps && ps.checkError()) {
            throw new java.io.UncheckedIOException(new java.io.IOException("error writing to standard output"));
        }
    }

    /** Buffered UTF-8 standard output; flush it when done (closing it would close System.out). */
    static Writer stdout() {
        return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    }
}
