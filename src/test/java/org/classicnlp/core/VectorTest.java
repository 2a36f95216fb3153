package org.classicnlp.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class VectorTest {

    @Test
    void denseDotNormCosine() {
        DenseVector a = new DenseVector(new float[] {1, 2, 2});
        DenseVector b = new DenseVector(new float[] {2, 0, 1});
        assertEquals(4, a.dot(b), 1e-9);
        assertEquals(3, a.norm(), 1e-9);
        assertEquals(4 / (3 * Math.sqrt(5)), a.cosine(b), 1e-7);
        assertEquals(1, a.normalized().norm(), 1e-6);
    }

    @Test
    void sparseAgreesWithDense() {
        SparseVector s = new SparseVector(5, new int[] {1, 3}, new double[] {2, -1});
        SparseVector t = new SparseVector(5, new int[] {0, 3, 4}, new double[] {7, 3, 1});
        DenseVector d = new DenseVector(new float[] {1, 1, 1, 1, 1});
        assertEquals(-3, s.dot(t), 1e-12);
        assertEquals(1, s.dot(d), 1e-12);
        assertEquals(1, d.dot(s), 1e-12);
        assertEquals(Math.sqrt(5), s.norm(), 1e-12);
        assertEquals(0, s.get(0));
        assertEquals(-1, s.get(3));
        assertEquals(0, new SparseVector(5, new int[0], new double[0]).cosine(s));
    }

    @Test
    void sparseRejectsUnsortedOrOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new SparseVector(5, new int[] {3, 1}, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new SparseVector(5, new int[] {5}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> new DenseVector(new float[2]).dot(new DenseVector(new float[3])));
    }

    @Test
    void vectorsAreImmutable() {
        float[] values = {1, 2};
        DenseVector v = new DenseVector(values);
        values[0] = 9;
        v.toFloatArray()[1] = 9;
        assertEquals(1, v.get(0));
        assertEquals(2, v.get(1));
    }
}
