package org.classicnlp.core;

import org.slf4j.LoggerFactory;

/**
 * The vector kernels every module shares, on {@code float[]} rows with offsets (so a matrix is one array):
 * dot products, {@code axpy}, scaling, norms and normalisation. {@link TopK} keeps the best scores of a
 * scan. Plain Java by default; when the JVM runs with {@code --add-modules jdk.incubator.vector} the fast
 * {@link #dot} and {@link #axpyPair} use the Vector API ({@code SimdKernels}), several times faster on
 * AVX2/AVX-512 hardware. The choice is a constant, so the JIT removes the other branch.
 *
 * <p>Two dot products: {@link #dot} (float, eight fused multiply-add chains or SIMD lanes: for hot loops,
 * where the summation order may differ by platform) and {@link #preciseDot} (double sums in index order:
 * the same bits everywhere, for {@link DenseVector}).
 */
public final class VectorMath {

    /** Whether the Vector API is in use (set {@code -Dclassicnlp.noSimd=true} to force the scalar code). */
    private static final boolean SIMD = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("classicnlp.noSimd");

    static {
        LoggerFactory.getLogger(VectorMath.class).debug("vector kernels: {}", SIMD ? "Vector API" : "scalar");
    }

    private VectorMath() {
    }

    /** Whether {@link #dot} and {@link #axpyPair} run on the Vector API. */
    public static boolean usesSimd() {
        return SIMD;
    }

    /** {@code Σ x[xo+i]·y[yo+i]} for {@code i < n}, in float. */
    public static float dot(float[] x, int xo, float[] y, int yo, int n) {
        return SIMD ? SimdKernels.dot(x, xo, y, yo, n) : scalarDot(x, xo, y, yo, n);
    }

    /** The dot product of two whole arrays of the same length. */
    public static float dot(float[] x, float[] y) {
        checkLength(x, y);
        return dot(x, 0, y, 0, x.length);
    }

    /** {@code Σ x[xo+i]·y[yo+i]} summed in double, in index order. */
    public static double preciseDot(float[] x, int xo, float[] y, int yo, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += (double) x[xo + i] * y[yo + i];
        }
        return sum;
    }

    /** {@code y[yo+i] += a·x[xo+i]} for {@code i < n} (BLAS {@code saxpy}). */
    public static void axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
        for (int i = 0; i < n; i++) {
            y[yo + i] += a * x[xo + i];
        }
    }

    /**
     * The output-layer step of word2vec training in one pass over three rows of length {@code n} from 0:
     * {@code e += g·r; r += g·in}, where the second uses {@code r} as it was before the first.
     */
    public static void axpyPair(float[] e, float[] r, float[] in, float g, int n) {
        if (SIMD) {
            SimdKernels.axpyPair(e, r, in, g, n);
        } else {
            scalarAxpyPair(e, r, in, g, n);
        }
    }

    /** {@code x[xo+i] *= a} for {@code i < n}. */
    public static void scale(float a, float[] x, int xo, int n) {
        for (int i = 0; i < n; i++) {
            x[xo + i] *= a;
        }
    }

    /** The Euclidean norm of {@code x[xo .. xo+n)}, summed in double. */
    public static double norm(float[] x, int xo, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float v = x[xo + i];
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }

    /**
     * Writes {@code x[xo .. xo+n)} scaled to unit length into {@code out[oo ..)} (the same array and offset
     * normalise in place): each value times {@code (float) (1 / norm)}. An all-zero row stays all zeros.
     *
     * @return the norm before scaling
     */
    public static double normalize(float[] x, int xo, float[] out, int oo, int n) {
        double norm = norm(x, xo, n);
        if (norm > 0 && 1 / norm <= Float.MAX_VALUE) {
            float inv = (float) (1 / norm);
            for (int i = 0; i < n; i++) {
                out[oo + i] = x[xo + i] * inv;
            }
        } else if (norm > 0) { // subnormal rows: 1 / norm overflows a float, so scale in double
            double inv = 1 / norm;
            for (int i = 0; i < n; i++) {
                out[oo + i] = (float) (x[xo + i] * inv);
            }
        } else if (x != out || xo != oo) {
            System.arraycopy(x, xo, out, oo, n);
        }
        return norm;
    }

    /** Scales the whole of {@code x} to unit length in place; returns the former norm. */
    public static double normalize(float[] x) {
        return normalize(x, 0, x, 0, x.length);
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
    static void scalarAxpyPair(float[] e, float[] r, float[] in, float g, int n) {
        for (int c = 0; c < n; c++) {
            float o = r[c];
            e[c] += g * o;
            r[c] = o + g * in[c];
        }
    }

    private static void checkLength(float[] x, float[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("length mismatch: " + x.length + " vs " + y.length);
        }
    }
}
