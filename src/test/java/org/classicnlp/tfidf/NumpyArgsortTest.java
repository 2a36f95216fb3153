package org.classicnlp.tfidf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class NumpyArgsortTest {

    /** numpy.argsort(-counts) on arrays with many ties (fixture by bench/tfidf_sklearn_fixture.py). */
    @Test
    void matchesNumpyOnTies() throws Exception {
        int n = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                NumpyArgsortTest.class.getResourceAsStream("parity/argsort.txt.gz")), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] p = line.split("\\|");
                long[] v = Arrays.stream(p[0].split(" ")).mapToLong(s -> -Long.parseLong(s)).toArray();
                int[] expected = Arrays.stream(p[1].split(" ")).mapToInt(Integer::parseInt).toArray();
                assertArrayEquals(expected, NumpyArgsort.argsort(v), line);
                n++;
            }
        }
        assertTrue(n >= 400);
    }

    @Test
    void sortsLargeArraysIncludingAdversarialOnes() {
        java.util.Random rnd = new java.util.Random(1);
        for (int size : new int[] {0, 1, 1000, 100_000}) {
            long[] v = new long[size];
            for (int i = 0; i < size; i++) {
                v[i] = i % 3 == 0 ? rnd.nextInt(5) : size - i;
            }
            int[] ix = NumpyArgsort.argsort(v);
            for (int i = 1; i < size; i++) {
                assertTrue(v[ix[i - 1]] <= v[ix[i]]);
            }
            assertTrue(Arrays.stream(ix).distinct().count() == size);
        }
    }
}
