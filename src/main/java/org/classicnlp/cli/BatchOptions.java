package org.classicnlp.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** Input, threads and progress options shared by the batch commands. */
final class BatchOptions {

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "SRC",
            description = "A text file (one document per line), a .jsonl file (id, text), a directory (one document per file), or - for stdin.")
    String input;

    @Option(names = "--input-format", paramLabel = "auto|lines|jsonl|dir", description = "How to read SRC (default: ${DEFAULT-VALUE}: guessed from the name).")
    String inputFormat = "auto";

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Worker threads (default: the number of processors).")
    int threads = org.classicnlp.core.Threads.defaultCount();

    @Option(names = {"-q", "--quiet"}, description = "No progress bar or status lines on stderr.")
    boolean quiet;

    static final List<String> INPUT_FORMATS = List.of("auto", "lines", "jsonl", "dir");

    int threads() {
        return Check.atLeast("--threads", threads, 1);
    }

    /** Checks the values (before any work); returns this. */
    BatchOptions check() {
        threads();
        inputFormat = Check.oneOf("--input-format", inputFormat, INPUT_FORMATS);
        return this;
    }
}
