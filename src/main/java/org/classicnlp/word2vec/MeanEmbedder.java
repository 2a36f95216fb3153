package org.classicnlp.word2vec;

import java.util.Arrays;
import java.util.Objects;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.DenseVector;
import org.classicnlp.core.Document;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.FeatureVector;
import org.classicnlp.core.TokenVocabulary;
import org.classicnlp.core.VectorMath;

/**
 * A document as the mean of the vectors of its known words (each occurrence counts). A document without a
 * known word becomes the zero vector. Token ids ({@link TokenVocabulary}) are the rows of the word vectors.
 * Thread-safe.
 */
public final class MeanEmbedder implements Embedder, TokenVocabulary, java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final WordVectors vectors;
    private final Analyzer analyzer;
    /** Output components: the vectors' dimension, or fewer after {@link #withDimensions} (then unit length). */
    private final int dimensions;

    /**
     * @param analyzer turns the document text into the words looked up in {@code vectors}: use the analyzer
     *                 the vectors were trained with
     */
    public MeanEmbedder(WordVectors vectors, Analyzer analyzer) {
        this(vectors, analyzer, vectors.dimension());
    }

    private MeanEmbedder(WordVectors vectors, Analyzer analyzer, int dimensions) {
        this.vectors = Objects.requireNonNull(vectors, "vectors");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.dimensions = dimensions;
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    @Override
    public FeatureVector embed(Document document) {
        return meanOf(TokenVocabulary.known(tokenIds(document.text())));
    }

    @Override
    public FeatureVector embedTokenIds(int[] ids) {
        checkIds(ids);
        return meanOf(ids);
    }

    private FeatureVector meanOf(int[] ids) {
        float[] sum = new float[vectors.dimension()];
        for (int i : ids) {
            vectors.addTo(i, 1f, sum);
        }
        return mean(sum, ids.length);
    }

    private FeatureVector mean(float[] sum, int n) {
        if (n > 0) {
            for (int c = 0; c < sum.length; c++) {
                sum[c] /= n;
            }
        }
        return reduce(sum, dimensions);
    }

    /** The first {@code dimensions} components at unit length, or {@code v} itself when nothing is dropped. */
    static DenseVector reduce(float[] v, int dimensions) {
        if (dimensions == v.length) {
            return new DenseVector(v);
        }
        float[] out = Arrays.copyOf(v, dimensions);
        VectorMath.normalize(out);
        return new DenseVector(out);
    }

    static void checkDimensions(int dimensions, int max) {
        if (dimensions < 1 || dimensions > max) {
            throw new IllegalArgumentException("dimensions must be between 1 and " + max + ", got " + dimensions);
        }
    }

    /** Keeps the first {@code dimensions} components of each embedding and scales it to unit length. */
    @Override
    public MeanEmbedder withDimensions(int dimensions) {
        checkDimensions(dimensions, vectors.dimension());
        return dimensions == this.dimensions ? this : new MeanEmbedder(vectors, analyzer, dimensions);
    }

    @Override
    public int vocabularySize() {
        return vectors.size();
    }

    @Override
    public String term(int id) {
        return vectors.word(id);
    }

    @Override
    public int[] tokenIds(String text) {
        return tokenIds(vectors, analyzer, text);
    }

    /** The rows of {@code text}'s terms in {@code vectors}, -1 for a term without one. */
    static int[] tokenIds(WordVectors vectors, Analyzer analyzer, String text) {
        java.util.List<String> terms = analyzer.terms(text);
        int[] ids = new int[terms.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vectors.indexOf(terms.get(i));
        }
        return ids;
    }

    @Override
    public int dimension() {
        return dimensions;
    }

    @Override
    public String name() {
        return "w2v-mean";
    }
}
