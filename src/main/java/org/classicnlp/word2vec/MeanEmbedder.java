package org.classicnlp.word2vec;

import java.util.Objects;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.DenseVector;
import org.classicnlp.core.Document;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.FeatureVector;

/**
 * A document as the mean of the vectors of its known words (each occurrence counts). A document without a
 * known word becomes the zero vector. Thread-safe.
 */
public final class MeanEmbedder implements Embedder {

    private final WordVectors vectors;
    private final Analyzer analyzer;

    /**
     * @param analyzer turns the document text into the words looked up in {@code vectors}: use the analyzer
     *                 the vectors were trained with
     */
    public MeanEmbedder(WordVectors vectors, Analyzer analyzer) {
        this.vectors = Objects.requireNonNull(vectors, "vectors");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    @Override
    public FeatureVector embed(Document document) {
        float[] sum = new float[vectors.dimension()];
        int n = 0;
        for (String w : analyzer.terms(document.text())) {
            int i = vectors.indexOf(w);
            if (i >= 0) {
                vectors.addTo(i, 1f, sum);
                n++;
            }
        }
        if (n > 0) {
            for (int c = 0; c < sum.length; c++) {
                sum[c] /= n;
            }
        }
        return new DenseVector(sum);
    }

    @Override
    public int dimension() {
        return vectors.dimension();
    }

    /** The first {@code dimensions} components, renormalised ({@link Embedder#withDimensions}). */
    @Override
    public Embedder withDimensions(int dimensions) {
        return TruncatedEmbedder.of(this, dimensions);
    }

    @Override
    public String name() {
        return "w2v-mean";
    }
}
