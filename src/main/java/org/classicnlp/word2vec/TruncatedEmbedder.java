package org.classicnlp.word2vec;

import org.classicnlp.core.DenseVector;
import org.classicnlp.core.Document;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.FeatureVector;

/**
 * A word-vector embedder reduced to its first {@code dimensions} components and renormalised to unit length
 * (zero stays zero): {@link Embedder#withDimensions}. Thread-safe when the base is.
 */
final class TruncatedEmbedder implements Embedder {

    private final Embedder base;
    private final int dimensions;

    TruncatedEmbedder(Embedder base, int dimensions) {
        if (dimensions < 1 || dimensions > base.dimension()) {
            throw new IllegalArgumentException("dimensions must be 1 to " + base.dimension() + " for " + base.name()
                    + ", got " + dimensions);
        }
        this.base = base;
        this.dimensions = dimensions;
    }

    /** {@code base} reduced to {@code dimensions}; the base itself when nothing would be cut. */
    static Embedder of(Embedder base, int dimensions) {
        return dimensions == base.dimension() ? base : new TruncatedEmbedder(base, dimensions);
    }

    @Override
    public FeatureVector embed(Document document) {
        FeatureVector full = base.embed(document);
        float[] v = new float[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            v[i] = (float) full.get(i);
            norm += (double) v[i] * v[i];
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < dimensions; i++) {
                v[i] *= inv;
            }
        }
        return new DenseVector(v);
    }

    @Override
    public Embedder withDimensions(int d) {
        return d == dimensions ? this : TruncatedEmbedder.of(base, d);
    }

    @Override
    public int dimension() {
        return dimensions;
    }

    @Override
    public String name() {
        return base.name();
    }
}
