package org.classicnlp.word2vec;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.DenseVector;
import org.classicnlp.core.Document;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.FeatureVector;
import org.classicnlp.tfidf.TfidfModel;

/**
 * A document as the TF-IDF-weighted mean of its word vectors: {@code Σ tf(w)·idf(w)·v(w) / Σ tf(w)·idf(w)}
 * over the known words. The IDF comes from a fitted {@link TfidfModel} (with its analyzer), or as a
 * function so any weights plug in; words it does not know should get 0 (or a default of the caller's
 * choosing). Thread-safe when the function is.
 */
public final class TfidfWeightedEmbedder implements Embedder, java.io.Serializable {

    private static final long serialVersionUID = 1L;


    private final WordVectors vectors;
    private final Analyzer analyzer;
    private final ToDoubleFunction<String> idf;

    /**
     * @param analyzer turns the document text into the words looked up in {@code vectors} and {@code idf}
     * @param idf      the inverse document frequency (or any non-negative weight) of a word
     */
    public TfidfWeightedEmbedder(WordVectors vectors, Analyzer analyzer, ToDoubleFunction<String> idf) {
        this.vectors = Objects.requireNonNull(vectors, "vectors");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.idf = Objects.requireNonNull(idf, "idf");
    }

    /**
     * Weights from a fitted TF-IDF model, analysing text with the model's own analyzer, so both see the
     * same terms; words the model does not know weigh 0.
     */
    public TfidfWeightedEmbedder(WordVectors vectors, TfidfModel tfidf) {
        this(vectors, tfidf.analyzer().analyzer(), (ToDoubleFunction<String> & java.io.Serializable) w -> tfidf.idf(w).orElse(0));
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    @Override
    public FeatureVector embed(Document document) {
        Map<String, Integer> tf = new HashMap<>();
        for (String w : analyzer.terms(document.text())) {
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
