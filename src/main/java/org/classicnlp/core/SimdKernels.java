package org.classicnlp.core;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD kernels of {@link VectorMath} through the incubating Vector API. Loaded only when the JVM runs
 * with {@code --add-modules jdk.incubator.vector}; without that flag this class is never touched and the
 * scalar kernels run.
 */
final class SimdKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private SimdKernels() {
    }

    static float dot(float[] x, int xo, float[] y, int yo, int n) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (int ub = S.loopBound(n); i < ub; i += S.length()) {
            acc = FloatVector.fromArray(S, x, xo + i).fma(FloatVector.fromArray(S, y, yo + i), acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s = Math.fma(x[xo + i], y[yo + i], s);
        }
        return s;
    }

    /** {@code e += g·r; r += g·in}. */
    static void axpyPair(float[] e, float[] r, float[] in, float g, int n) {
        int i = 0;
        for (int ub = S.loopBound(n); i < ub; i += S.length()) {
            FloatVector rv = FloatVector.fromArray(S, r, i);
            FloatVector.fromArray(S, e, i).add(rv.mul(g)).intoArray(e, i);
            rv.add(FloatVector.fromArray(S, in, i).mul(g)).intoArray(r, i);
        }
        for (; i < n; i++) {
            float o = r[i];
            e[i] += g * o;
            r[i] = o + g * in[i];
        }
    }
}
