package org.classicnlp.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.classicnlp.core.TextFiles;

/** Input and output plumbing shared by the commands: UTF-8 files or stdin in, buffered UTF-8 stdout out. */
final class CliIO {

    private CliIO() {
    }

    /** A reader over {@code file}, or standard input when it is {@code null} or {@code -}. */
    static BufferedReader input(Path file) {
        if (file == null || file.toString().equals("-")) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)), 1 << 16);
        }
        return TextFiles.open(file);
    }

    /** Buffered UTF-8 standard output; flush it (closing is not needed). */
    static Writer stdout() {
        return new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16);
    }
}
