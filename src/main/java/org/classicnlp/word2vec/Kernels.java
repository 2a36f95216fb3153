package org.classicnlp.word2vec;

import org.classicnlp.core.VectorMath;

/**
 * The trainer's names for the shared kernels in {@link VectorMath}, kept so that
 * {@link Word2VecTrainer} compiles unchanged; new code calls {@link VectorMath} directly.
 */
final class Kernels {

    private Kernels() {
    }

    static float dot(float[] x, int xo, float[] y, int yo, int n) {
        return VectorMath.dot(x, xo, y, yo, n);
    }

    static void update(float[] e, float[] r, float[] in, float g, int n) {
        VectorMath.axpyPair(e, r, in, g, n);
    }
}
