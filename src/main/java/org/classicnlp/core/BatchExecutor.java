package org.classicnlp.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * The one ordered, bounded parallel batch executor: applies a job to consecutive batches on worker threads
 * and hands the results back, in input order, on the calling thread. The caller's thread pulls the batches
 * and consumes the results; at most {@code 2 × threads + 1} batches are in flight, so memory stays bounded
 * however long the input is. With one thread everything runs on the caller's thread, no pool is made.
 *
 * <p>A failure in a worker is rethrown unchanged on the calling thread (see {@link Futures#await}); a
 * failure in the batch source or the result consumer stops the workers. Every batch job (TF-IDF fit and
 * transform, keywords, the segment CLI) runs through here.
 */
public final class BatchExecutor {

    /** A document batch closes at this many documents ... */
    public static final int BATCH_DOCS = 1024;
    /** ... or at this many characters of text, whichever comes first. */
    public static final int BATCH_CHARS = 1 << 17;

    private BatchExecutor() {
    }

    /**
     * Applies {@code work} to each batch of {@code batches}, {@code threads} at a time, and passes each
     * result to {@code results} in the order of the batches.
     */
    public static <B, R> void run(Iterator<B> batches, int threads, Function<? super B, ? extends R> work,
            Consumer<? super R> results) {
        Threads.require(threads);
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
        ArrayDeque<Future<? extends R>> inFlight = new ArrayDeque<>();
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

    /**
     * Applies {@code work} to consecutive batches of {@code documents} (closed at {@link #BATCH_DOCS}
     * documents or {@link #BATCH_CHARS} characters) and passes the results on in order.
     */
    public static <R> void runDocuments(Stream<Document> documents, int threads,
            Function<? super List<Document>, ? extends R> work, Consumer<? super R> results) {
        run(batches(documents.iterator(), BATCH_DOCS, d -> d.text().length(), BATCH_CHARS), threads, work,
                results);
    }

    /**
     * Groups {@code items} into consecutive lists, each closed once it holds {@code maxItems} items or the
     * {@code weight} of its items reaches {@code maxWeight}; never an empty list.
     */
    public static <T> Iterator<List<T>> batches(Iterator<? extends T> items, int maxItems,
            ToLongFunction<? super T> weight, long maxWeight) {
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems must be >= 1, got " + maxItems);
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return items.hasNext();
            }

            @Override
            public List<T> next() {
                if (!items.hasNext()) {
                    throw new NoSuchElementException();
                }
                List<T> batch = new ArrayList<>();
                long w = 0;
                while (items.hasNext() && batch.size() < maxItems && w < maxWeight) {
                    T item = items.next();
                    batch.add(item);
                    w += weight.applyAsLong(item);
                }
                return batch;
            }
        };
    }
}
