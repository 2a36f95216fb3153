package org.classicnlp.word2vec;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.classicnlp.core.DenseVector;
import org.classicnlp.core.Document;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.Vector;
import org.classicnlp.segment.Segmenter;

/**
 * A document as the TF-IDF-weighted mean of its word vectors: {@code Σ tf(w)·idf(w)·v(w) / Σ tf(w)·idf(w)}
 * over the known words. The IDF comes as a function so any model plugs in, e.g. a fitted
 * {@code org.classicnlp.tfidf.TfidfModel} as {@code tfidfModel::idf}; words it does not know should get 0
 * (or a default of the caller's choosing). Thread-safe when the function is.
 */
public final class TfidfWeightedEmbedder implements Embedder {

    private final WordVectors vectors;
    private final Segmenter segmenter;
    private final boolean lowercase;
    private final ToDoubleFunction<String> idf;

    /**
     * @param idf       the inverse document frequency (or any non-negative weight) of a word
     * @param lowercase lower-case words before lookup in the vectors and {@code idf}
     */
    public TfidfWeightedEmbedder(WordVectors vectors, Segmenter segmenter, boolean lowercase,
                                 ToDoubleFunction<String> idf) {
        this.vectors = Objects.requireNonNull(vectors, "vectors");
        this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
        this.lowercase = lowercase;
        this.idf = Objects.requireNonNull(idf, "idf");
    }

    @Override
    public Vector embed(Document document) {
        Map<String, Integer> tf = new HashMap<>();
        for (String w : MeanEmbedder.words(segmenter, lowercase, document.text())) {
            tf.merge(w, 1, Integer::sum);
        }
        float[] sum = new float[vectors.dimension()];
        double total = 0;
        for (Map.Entry<String, Integer> e : tf.entrySet()) {
            int i = vectors.indexOf(e.getKey());
            if (i < 0) {
                continue;
            }
            double weight = e.getValue() * idf.applyAsDouble(e.getKey());
            if (weight < 0 || Double.isNaN(weight)) {
                throw new IllegalArgumentException("negative or NaN weight " + weight + " for '" + e.getKey() + "'");
            }
            if (weight > 0) {
                vectors.addTo(i, (float) weight, sum);
                total += weight;
            }
        }
        if (total > 0) {
            for (int c = 0; c < sum.length; c++) {
                sum[c] = (float) (sum[c] / total);
            }
        }
        return new DenseVector(sum);
    }

    @Override
    public int dimension() {
        return vectors.dimension();
    }

    @Override
    public String name() {
        return "w2v-tfidf";
    }
}
