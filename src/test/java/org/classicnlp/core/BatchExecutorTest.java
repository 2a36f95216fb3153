package org.classicnlp.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BatchExecutorTest {

    @Test
    void resultsComeBackInInputOrderWhateverTheThreadCount() {
        List<Integer> input = IntStream.range(0, 500).boxed().toList();
        for (int threads : new int[] {1, 2, 3, 8}) {
            List<Integer> out = new ArrayList<>();
            BatchExecutor.run(input.iterator(), threads, i -> {
                if (i % 7 == 0) {
                    Thread.onSpinWait();
                }
                return i * 2;
            }, out::add);
            assertEquals(input.stream().map(i -> i * 2).toList(), out, "threads " + threads);
        }
    }

    @Test
    void atMostTwoThreadsPlusOneBatchesAreInFlight() {
        int threads = 3;
        AtomicInteger pulled = new AtomicInteger();
        AtomicInteger consumed = new AtomicInteger();
        int[] maxAhead = {0};
        Iterator<Integer> source = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return pulled.get() < 200;
            }

            @Override
            public Integer next() {
                maxAhead[0] = Math.max(maxAhead[0], pulled.get() - consumed.get());
                return pulled.getAndIncrement();
            }
        };
        BatchExecutor.run(source, threads, i -> i, r -> consumed.incrementAndGet());
        assertEquals(200, consumed.get());
        assertTrue(maxAhead[0] <= 2 * threads + 1, "in flight: " + maxAhead[0]);
    }

    @Test
    void aWorkerFailureIsRethrownUnchangedOnTheCaller() {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                BatchExecutor.run(IntStream.range(0, 100).boxed().iterator(), 2, i -> {
                    if (i == 42) {
                        throw boom;
                    }
                    return i;
                }, r -> { }));
        assertSame(boom, e);
    }

    @Test
    void documentBatchesCloseAtTheDocumentOrCharacterLimit() {
        List<Integer> sizes = new ArrayList<>();
        Stream<Document> docs = IntStream.range(0, 2500).mapToObj(i -> new Document("" + i, "x"));
        BatchExecutor.runDocuments(docs, 2, List::size, sizes::add);
        assertEquals(List.of(1024, 1024, 452), sizes);

        sizes.clear();
        String big = "y".repeat(BatchExecutor.BATCH_CHARS / 2);
        BatchExecutor.runDocuments(IntStream.range(0, 5).mapToObj(i -> new Document("" + i, big)), 1,
                List::size, sizes::add);
        assertEquals(List.of(2, 2, 1), sizes);
    }

    @Test
    void threadsBelowOneAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BatchExecutor.run(List.of(1).iterator(), 0, i -> i, r -> { }));
        assertEquals("threads must be >= 1, got 0", e.getMessage());
    }
}
