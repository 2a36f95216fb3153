package org.classicnlp.cli;

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

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    int threads() {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        return threads;
    }
}
