package org.classicnlp.core;

/** The one default for worker threads across trainers, batch jobs and the CLI. */
public final class Threads {

    private Threads() {
    }

    /** The default number of worker threads: the processors available to the JVM. */
    public static int defaultCount() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** {@code threads} when it is at least 1; otherwise an exception naming the value. */
    public static int require(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return threads;
    }
}
