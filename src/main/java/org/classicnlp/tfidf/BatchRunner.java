package org.classicnlp.tfidf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.classicnlp.core.Document;
import org.classicnlp.core.Futures;

/**
 * Runs a job over a stream of documents in batches on worker threads, handing the results back in input
 * order. The calling thread reads the documents and consumes the results; at most {@code 2 × threads + 1}
 * batches are in flight, so memory stays bounded however long the stream is. With one thread everything
 * runs on the caller's thread.
 *
 * <p>A batch closes at {@value #BATCH_DOCS} documents or {@value #BATCH_CHARS} characters of text,
 * whichever comes first. A failure in a worker is rethrown on the calling thread.
 */
public final class BatchRunner {

    static final int BATCH_DOCS = 1024;
    static final int BATCH_CHARS = 1 << 17;

    private BatchRunner() {
    }

    /**
     * Applies {@code work} to consecutive batches of {@code documents} and passes each result to
     * {@code results} in the order of the batches.
     */
    public static <R> void run(Stream<Document> documents, int threads, Function<List<Document>, R> work,
            Consumer<R> results) {
        Iterator<Document> it = documents.iterator();
        runBatches(new Iterator<List<Document>>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public List<Document> next() {
                return nextBatch(it);
            }
        }, threads, work, results);
    }

    /** Applies {@code work} to each batch on worker threads and passes the results on in order. */
    static <B, R> void runBatches(Iterator<B> batches, int threads, Function<B, R> work, Consumer<R> results) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (threads == 1) {
            while (batches.hasNext()) {
                results.accept(work.apply(batches.next()));
            }
            return;
        }
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "classicnlp-worker-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
        int window = threads * 2 + 1;
        try {
            while (batches.hasNext()) {
                B batch = batches.next();
                inFlight.add(pool.submit(() -> work.apply(batch)));
                while (inFlight.size() >= window) {
                    results.accept(Futures.await(inFlight.poll()));
                }
            }
            while (!inFlight.isEmpty()) {
                results.accept(Futures.await(inFlight.poll()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Document> nextBatch(Iterator<Document> it) {
        List<Document> batch = new ArrayList<>();
        long chars = 0;
        while (it.hasNext() && batch.size() < BATCH_DOCS && chars < BATCH_CHARS) {
            Document d = it.next();
            batch.add(d);
            chars += d.text().length();
        }
        return batch;
    }
}
