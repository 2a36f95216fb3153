package org.classicnlp.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorMathTest {

    @Test
    void fastAndPreciseDotAgreeAtEveryLengthAndOffset() {
        Random r = new Random(7);
        float[] x = new float[300];
        float[] y = new float[300];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextFloat() - 0.5f;
            y[i] = r.nextFloat() - 0.5f;
        }
        for (int n : new int[] {0, 1, 7, 8, 9, 100, 257}) {
            double precise = VectorMath.preciseDot(x, 3, y, 11, n);
            assertEquals(precise, VectorMath.dot(x, 3, y, 11, n), 1e-4, "n=" + n);
            assertEquals(precise, VectorMath.scalarDot(x, 3, y, 11, n), 1e-4, "n=" + n);
        }
        assertThrows(IllegalArgumentException.class, () -> VectorMath.dot(new float[2], new float[3]));
    }

    @Test
    void axpyScaleAndTheTrainerUpdate() {
        float[] y = {1, 2, 3, 4};
        VectorMath.axpy(2f, new float[] {9, 1, 1, 9}, 1, y, 1, 2);
        assertArrayEquals(new float[] {1, 4, 5, 4}, y);
        VectorMath.scale(0.5f, y, 0, 4);
        assertArrayEquals(new float[] {0.5f, 2, 2.5f, 2}, y);

        float[] e = {0, 0};
        float[] row = {1, 2};
        VectorMath.axpyPair(e, row, new float[] {10, 20}, 0.5f, 2);
        assertArrayEquals(new float[] {0.5f, 1}, e);      // e += g·r (the old r)
        assertArrayEquals(new float[] {6, 12}, row);      // r += g·in
    }

    @Test
    void normalizeScalesToUnitLengthAndLeavesZerosAlone() {
        float[] m = {3, 4, 0, 0};
        float[] unit = new float[4];
        assertEquals(5, VectorMath.normalize(m, 0, unit, 0, 2), 0);
        assertEquals(0, VectorMath.normalize(m, 2, unit, 2, 2), 0);
        assertArrayEquals(new float[] {0.6f, 0.8f, 0, 0}, unit, 1e-7f);
        assertEquals(1, VectorMath.norm(unit, 0, 4), 1e-7);
        float[] v = {0, 2};
        VectorMath.normalize(v);
        assertArrayEquals(new float[] {0, 1}, v);
    }

    @Test
    void topKKeepsTheBestAndBreaksTiesBySmallerId() {
        TopK top = new TopK(3);
        float[] scores = {0.1f, 0.9f, 0.5f, 0.9f, 0.7f, 0.5f};
        for (int i = 0; i < scores.length; i++) {
            top.offer(i, scores[i]);
        }
        assertEquals(List.of(new TopK.Hit(1, 0.9f), new TopK.Hit(3, 0.9f), new TopK.Hit(4, 0.7f)), top.best());
        TopK one = new TopK(1);
        one.offer(5, 1f);
        one.offer(2, 1f);  // equal score, not better: the first kept stays
        assertEquals(List.of(new TopK.Hit(5, 1f)), one.best());
        assertThrows(IllegalArgumentException.class, () -> new TopK(0));
    }

    @Test
    void subnormalRowsNormaliseToUnitLength() {
        // 1 / norm overflows a float here: found by the VectorIndex fuzz target (a cosine index gave Inf scores)
        float[] x = {0f, 6.6365E-41f, 0f, -2e-41f};
        VectorMath.normalize(x);
        for (float v : x) {
            assertTrue(Float.isFinite(v), java.util.Arrays.toString(x));
        }
        assertEquals(1.0, VectorMath.norm(x, 0, x.length), 1e-6);
    }
}
