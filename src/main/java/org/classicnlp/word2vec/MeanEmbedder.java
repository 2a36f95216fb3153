package org.classicnlp.word2vec;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.classicnlp.core.DenseVector;
import org.classicnlp.core.Document;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.Vector;
import org.classicnlp.segment.Segmenter;

/**
 * A document as the mean of the vectors of its known words (each occurrence counts). A document without a
 * known word becomes the zero vector. Thread-safe.
 */
public final class MeanEmbedder implements Embedder {

    private final WordVectors vectors;
    private final Segmenter segmenter;
    private final boolean lowercase;

    /**
     * @param segmenter splits the document text into words
     * @param lowercase lower-case words before lookup (for vectors trained on lower-cased text)
     */
    public MeanEmbedder(WordVectors vectors, Segmenter segmenter, boolean lowercase) {
        this.vectors = Objects.requireNonNull(vectors, "vectors");
        this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
        this.lowercase = lowercase;
    }

    @Override
    public Vector embed(Document document) {
        float[] sum = new float[vectors.dimension()];
        int n = 0;
        for (String w : words(segmenter, lowercase, document.text())) {
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

    @Override
    public String name() {
        return "w2v-mean";
    }

    static List<String> words(Segmenter segmenter, boolean lowercase, String text) {
        return segmenter.words(lowercase ? text.toLowerCase(Locale.ROOT) : text);
    }
}
