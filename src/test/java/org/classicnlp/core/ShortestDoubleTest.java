package org.classicnlp.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ShortestDoubleTest {

    /** Python's repr of thousands of doubles (written by bench/tfidf_sklearn_fixture.py). */
    @Test
    void matchesPythonRepr() throws Exception {
        int n = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                ShortestDoubleTest.class.getResourceAsStream("/org/classicnlp/tfidf/parity/shortest-double.txt.gz")),
                StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] p = line.split(" ");
                double x = Double.longBitsToDouble(Long.parseUnsignedLong(p[0], 16));
                assertEquals(p[1], ShortestDouble.toString(x), "bits " + p[0]);
                n++;
            }
        }
        assertTrue(n > 4000, "fixture has " + n + " values");
    }

    @Test
    void roundTripsAndIsNeverLongerThanDoubleToString() {
        Random rnd = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            double x = i % 2 == 0 ? Double.longBitsToDouble(rnd.nextLong()) : rnd.nextDouble();
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                continue;
            }
            String s = ShortestDouble.toString(x);
            assertEquals(x, Double.parseDouble(s), s);
            assertTrue(digits(s) <= digits(Double.toString(x)), s + " vs " + Double.toString(x));
        }
    }

    @Test
    void layoutLikePython() {
        assertEquals("0.1", ShortestDouble.toString(0.1));
        assertEquals("1.0", ShortestDouble.toString(1.0));
        assertEquals("1e-05", ShortestDouble.toString(1e-5));
        assertEquals("0.0001", ShortestDouble.toString(1e-4));
        assertEquals("1e+16", ShortestDouble.toString(1e16));
        assertEquals("1234567890123456.0", ShortestDouble.toString(1234567890123456.0));
        assertEquals("-0.0", ShortestDouble.toString(-0.0));
        assertEquals("5e-324", ShortestDouble.toString(Double.MIN_VALUE));
        assertEquals("inf", ShortestDouble.toString(Double.POSITIVE_INFINITY));
        assertEquals("nan", ShortestDouble.toString(Double.NaN));
        // Double.toString on JDK 17 prints 2.0E-3 as "0.002" but 2^-44 with a superfluous digit
        assertEquals("5.684341886080802e-14", ShortestDouble.toString(Math.pow(2, -44)));
        StringBuilder sb = new StringBuilder("w=");
        assertEquals("w=0.25", ShortestDouble.append(sb, 0.25).toString());
    }

    private static int digits(String s) {
        String mantissa = s.toLowerCase().split("e")[0].replace("-", "").replace(".", "");
        mantissa = mantissa.replaceFirst("^0+", "");
        mantissa = mantissa.replaceFirst("0+$", "");
        return Math.max(1, mantissa.length());
    }
}
