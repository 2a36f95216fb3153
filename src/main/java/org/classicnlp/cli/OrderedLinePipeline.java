package org.classicnlp.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.classicnlp.core.LineReader;

/**
 * Maps every input line to output text on worker threads and writes the results in input order. The
 * calling thread reads and writes; at most {@code 2 × threads} batches are in flight, so memory stays
 * bounded however large the input.
 */
final class OrderedLinePipeline {

    private static final int BATCH_LINES = 1024;

    private OrderedLinePipeline() {
    }

    /** Runs {@code mapLine} over all lines of {@code in}; each result is written followed by a newline. */
    static void run(LineReader in, Writer out, int threads, Function<String, CharSequence> mapLine) throws IOException {
        if (threads <= 1) {
            String line;
            while ((line = in.readLine()) != null) {
                out.append(mapLine.apply(line)).append('\n');
            }
            out.flush();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "classicnlp-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<StringBuilder>> inFlight = new ArrayDeque<>();
            while (true) {
                List<String> batch = new ArrayList<>(BATCH_LINES);
                String line;
                while (batch.size() < BATCH_LINES && (line = in.readLine()) != null) {
                    batch.add(line);
                }
                if (batch.isEmpty()) {
                    break;
                }
                inFlight.add(pool.submit(() -> {
                    StringBuilder sb = new StringBuilder(batch.size() * 64);
                    for (String l : batch) {
                        sb.append(mapLine.apply(l)).append('\n');
                    }
                    return sb;
                }));
                if (inFlight.size() >= 2 * threads) {
                    out.append(take(inFlight));
                }
            }
            while (!inFlight.isEmpty()) {
                out.append(take(inFlight));
            }
            out.flush();
        } finally {
            pool.shutdownNow();
        }
    }

    private static StringBuilder take(ArrayDeque<Future<StringBuilder>> inFlight) {
        try {
            return inFlight.removeFirst().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException(cause);
        }
    }
}
