package org.classicnlp.tfidf;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.classicnlp.core.DenseVector;
import org.classicnlp.core.Document;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.FeatureVector;

/**
 * TF-IDF with signed feature hashing to a fixed dense dimension: each term of a document (as the model's
 * analyzer gives it, n-grams included; terms without a letter or digit skipped) weighs {@code count × idf}, with the model's idf or, for a term the
 * model never saw, its median idf (as jieba and {@code keywords --model} do); the weight is added to
 * component {@code |h| mod n} with the sign of {@code h}, where {@code h} is the signed 32-bit MurmurHash3
 * (seed 0) of the term's UTF-8 bytes — scikit-learn's {@code HashingVectorizer(alternate_sign=True)} layout;
 * then the vector is scaled to unit length. The sign keeps colliding terms from piling up in one direction,
 * so inner products stay unbiased. A document with no term is the zero vector. Immutable and thread-safe.
 */
public final class HashedTfidfEmbedder implements Embedder {

    /** Smallest and largest accepted dimension. */
    public static final int MIN_DIMENSION = 8;
    public static final int MAX_DIMENSION = 1 << 16;

    private final TfidfModel model;
    private final int dimension;
    private final String name;

    /**
     * @param model     the idf table (its analyzer and idf; its vocabulary size plays no part)
     * @param dimension output size, {@value #MIN_DIMENSION} to {@value #MAX_DIMENSION}
     * @param name      what {@link #name()} reports, e.g. {@code tfidf-hash-zh-1024}
     */
    public HashedTfidfEmbedder(TfidfModel model, int dimension, String name) {
        this.model = Objects.requireNonNull(model, "model");
        if (dimension < MIN_DIMENSION || dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("hashed TF-IDF dimension must be " + MIN_DIMENSION + " to "
                    + MAX_DIMENSION + ", got " + dimension);
        }
        this.dimension = dimension;
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public FeatureVector embed(Document document) {
        Map<String, Integer> counts = new HashMap<>();
        for (String t : model.analyzer().terms(document.text())) {
            // punctuation and symbols carry no topic (the IDF tables keep them; keywords skips them too)
            if (t.codePoints().anyMatch(Character::isLetterOrDigit)) {
                counts.merge(t, 1, Integer::sum);
            }
        }
        double[] v = new double[dimension];
        double median = model.medianIdf();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            String term = e.getKey();
            double w = e.getValue() * model.idf(term).orElse(median);
            int h = murmur3(term.getBytes(StandardCharsets.UTF_8));
            // scikit-learn: index abs(h) % n (abs of Integer.MIN_VALUE taken as 2^31), sign of h
            int index = (int) (Math.abs((long) h) % dimension);
            v[index] += h >= 0 ? w : -w;
        }
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        float[] out = new float[dimension];
        if (norm > 0) {
            double inv = 1 / Math.sqrt(norm);
            for (int i = 0; i < dimension; i++) {
                out[i] = (float) (v[i] * inv);
            }
        }
        return new DenseVector(out);
    }

    /** MurmurHash3 x86 32-bit, seed 0 (Appleby's reference), as a signed int. */
    static int murmur3(byte[] data) {
        final int c1 = 0xcc9e2d51;
        final int c2 = 0x1b873593;
        int h = 0;
        int n = data.length;
        int blocks = n & ~3;
        for (int i = 0; i < blocks; i += 4) {
            int k = (data[i] & 0xff) | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff) << 16 | (data[i + 3] & 0xff) << 24;
            k *= c1;
            k = Integer.rotateLeft(k, 15);
            k *= c2;
            h ^= k;
            h = Integer.rotateLeft(h, 13);
            h = h * 5 + 0xe6546b64;
        }
        int k = 0;
        switch (n & 3) {
            case 3:
                k ^= (data[blocks + 2] & 0xff) << 16;
                // fall through
            case 2:
                k ^= (data[blocks + 1] & 0xff) << 8;
                // fall through
            case 1:
                k ^= data[blocks] & 0xff;
                k *= c1;
                k = Integer.rotateLeft(k, 15);
                k *= c2;
                h ^= k;
                break;
            default:
                break;
        }
        h ^= n;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** The idf table. */
    public TfidfModel model() {
        return model;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String name() {
        return name;
    }
}
