package org.classicnlp.word2vec;

import org.slf4j.LoggerFactory;

/**
 * The arithmetic of training and nearest-neighbour search on {@code float[]} rows. Plain Java by default;
 * when the JVM runs with {@code --add-modules jdk.incubator.vector} the dot product and the output-layer
 * update use the Vector API ({@link VectorKernels}), several times faster on AVX2/AVX-512 hardware. The
 * choice is a constant, so the JIT removes the other branch.
 */
final class Kernels {

    /** Whether the Vector API is in use. */
    static final boolean SIMD = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("classicnlp.noSimd");

    static {
        LoggerFactory.getLogger(Kernels.class).debug("word2vec kernels: {}", SIMD ? "Vector API" : "scalar");
    }

    private Kernels() {
    }

    static float dot(float[] x, int xo, float[] y, int yo, int n) {
        return SIMD ? VectorKernels.dot(x, xo, y, yo, n) : scalarDot(x, xo, y, yo, n);
    }

    static void update(float[] e, float[] r, float[] in, float g, int n) {
        if (SIMD) {
            VectorKernels.update(e, r, in, g, n);
        } else {
            scalarUpdate(e, r, in, g, n);
        }
    }

    /** Eight fused multiply-add chains so they pipeline (C2 does not vectorize float sums). */
    static float scalarDot(float[] x, int xo, float[] y, int yo, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            s0 = Math.fma(x[xo + i], y[yo + i], s0);
            s1 = Math.fma(x[xo + i + 1], y[yo + i + 1], s1);
            s2 = Math.fma(x[xo + i + 2], y[yo + i + 2], s2);
            s3 = Math.fma(x[xo + i + 3], y[yo + i + 3], s3);
            s4 = Math.fma(x[xo + i + 4], y[yo + i + 4], s4);
            s5 = Math.fma(x[xo + i + 5], y[yo + i + 5], s5);
            s6 = Math.fma(x[xo + i + 6], y[yo + i + 6], s6);
            s7 = Math.fma(x[xo + i + 7], y[yo + i + 7], s7);
        }
        for (; i < n; i++) {
            s0 = Math.fma(x[xo + i], y[yo + i], s0);
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** {@code e += g·r; r += g·in} in one pass (same offsets: C2 vectorizes it). */
    static void scalarUpdate(float[] e, float[] r, float[] in, float g, int n) {
        for (int c = 0; c < n; c++) {
            float o = r[c];
            e[c] += g * o;
            r[c] = o + g * in[c];
        }
    }
}
