package org.classicnlp.word2vec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.classicnlp.core.DenseVector;
import org.classicnlp.core.Hit;
import org.classicnlp.core.TopK;
import org.classicnlp.index.VectorIndex;
import org.classicnlp.core.FeatureVector;
import org.classicnlp.core.VectorMath;

/**
 * Trained or loaded word vectors and the queries on them (gensim's {@code KeyedVectors}): vector lookup,
 * cosine {@link #similarity}, {@link #mostSimilar} nearest neighbours, {@link #analogy} (3CosAdd, 3CosMul)
 * and {@link #doesntMatch}.
 *
 * <p>Words are kept in their file/training order (for trained vectors and files written by word2vec tools:
 * descending frequency), so {@code restrictVocab} limits a query to the most frequent words. The raw vectors
 * and their unit-length copies are each one contiguous {@code float[]}; a nearest-neighbour query is one
 * pass of dot products over the unit matrix. Immutable and thread-safe.
 *
 * <p>{@link #save}/{@link #load} use the word2vec C tool's text and binary formats (see
 * {@link Word2VecFormat}); files written by the C tool and gensim load, and gensim loads ours.
 */
public final class WordVectors implements java.io.Serializable {

    /** How {@link #analogy} combines the three words. */
    public enum AnalogyMethod {
        /** {@code argmax cos(x, b - a + c)} over unit vectors (Mikolov; gensim {@code most_similar}). */
        COS_ADD,
        /** {@code argmax cos'(x,b)·cos'(x,c) / (cos'(x,a) + 1e-6)}, cos' = (cos+1)/2 (Levy &amp; Goldberg;
         *  gensim {@code most_similar_cosmul}). */
        COS_MUL
    }

    private final String[] words;
    private final Map<String, Integer> index;
    private final int dimension;
    private final float[] vectors;
    private final float[] unit;
    private final long[] counts;
    /** Where these vectors were loaded from, when they can ship by reference (Java serialisation); else null. */
    private volatile org.classicnlp.core.ModelRef ref;

    /** Exact cosine search over {@link #unit} (the same array, not a copy). */
    private final VectorIndex nearestIndex;

    private WordVectors(String[] words, float[] vectors, int dimension, long[] counts) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be > 0, got " + dimension);
        }
        if ((long) words.length * dimension != vectors.length) {
            throw new IllegalArgumentException(words.length + " words × " + dimension + " ≠ " + vectors.length
                    + " values");
        }
        if (counts != null && counts.length != words.length) {
            throw new IllegalArgumentException("counts for " + counts.length + " of " + words.length + " words");
        }
        this.words = words;
        this.dimension = dimension;
        this.vectors = vectors;
        this.counts = counts;
        this.index = new HashMap<>(words.length * 2);
        for (int i = 0; i < words.length; i++) {
            if (index.putIfAbsent(words[i], i) != null) {
                throw new IllegalArgumentException("word '" + words[i] + "' occurs twice (entries "
                        + (index.get(words[i]) + 1) + " and " + (i + 1) + ")");
            }
        }
        this.unit = new float[vectors.length];
        for (int o = 0; o < vectors.length; o += dimension) {
            VectorMath.normalize(vectors, o, unit, o, dimension);
        }
        this.nearestIndex = VectorIndex.ofUnitRows(words, unit, dimension);
    }

    /**
     * Word vectors from words and their row-major vectors ({@code words.length × dimension} values).
     * The arrays are copied.
     *
     * @param counts corpus counts per word, or {@code null} when unknown
     */
    public static WordVectors of(List<String> words, float[] vectors, int dimension, long[] counts) {
        return new WordVectors(words.toArray(new String[0]), vectors.clone(), dimension,
                counts == null ? null : counts.clone());
    }

    /** For the trainer and readers, which hand over fresh arrays. */
    static WordVectors ofTrained(String[] words, float[] vectors, int dimension, long[] counts) {
        return new WordVectors(words, vectors, dimension, counts);
    }

    /** Reads a word2vec text or binary file (chosen by extension or content, see {@link Word2VecFormat}). */
    public static WordVectors load(Path file) {
        return Word2VecFormat.read(file, null);
    }

    /**
     * Reads a word2vec file in the given format.
     *
     * @throws org.classicnlp.core.ModelFormatException naming the file, line or byte when it is empty,
     *                                                  foreign or damaged
     */
    public static WordVectors load(Path file, Word2VecFormat format) {
        return Word2VecFormat.read(file, format);
    }

    /**
     * Reads word2vec vectors from a stream (closed here); {@code source} names it in messages and, by its
     * ending ({@code .gz}, {@code .bin}, {@code .txt}, {@code .vec}), chooses gzip and the format as
     * {@link #load(Path)} does.
     */
    public static WordVectors load(java.io.InputStream in, String source) {
        return Word2VecFormat.read(in, source, null);
    }

    /** As {@link #load(java.io.InputStream, String)} in the given format. */
    public static WordVectors load(java.io.InputStream in, String source, Word2VecFormat format) {
        return Word2VecFormat.read(in, source, format);
    }

    /**
     * The vectors saved at {@code ref} (word2vec text or binary, chosen by the source name's ending or the
     * content, as {@link #load(java.io.InputStream, String)} chooses), loaded once per JVM for their content
     * hash ({@link org.classicnlp.core.ModelCache}, kind {@code "vectors"}); they serialise as that reference,
     * so they ship to Spark executors without the matrix.
     */
    public static WordVectors load(org.classicnlp.core.ModelRef ref) {
        return org.classicnlp.core.ModelCache.get("vectors", ref, (in, source) -> {
            WordVectors v = load(in, source);
            v.ref = ref;
            return v;
        });
    }

    /** The reference these vectors were loaded through ({@link #load(org.classicnlp.core.ModelRef)}), if any. */
    public java.util.Optional<org.classicnlp.core.ModelRef> ref() {
        return java.util.Optional.ofNullable(ref);
    }

    /** Serialised as its {@link org.classicnlp.core.ModelRef}: the receiving JVM loads the vectors once. */
    private Object writeReplace() throws java.io.ObjectStreamException {
        org.classicnlp.core.ModelRef r = ref;
        return org.classicnlp.core.ModelCache.proxyOf("WordVectors", r, () -> load(r));
    }

    /** Writes the word2vec format chosen by the extension: {@code .bin} binary, anything else text. */
    public void save(Path file) {
        Word2VecFormat.write(this, file, Word2VecFormat.forName(file));
    }

    public void save(Path file, Word2VecFormat format) {
        Word2VecFormat.write(this, file, format);
    }

    /** Number of words. */
    public int size() {
        return words.length;
    }

    public int dimension() {
        return dimension;
    }

    /** The words, most frequent first when the source was sorted. */
    public List<String> words() {
        return List.of(words);
    }

    public String word(int index) {
        return words[index];
    }

    /** The row of {@code word}, or -1. */
    public int indexOf(String word) {
        Integer i = index.get(word);
        return i == null ? -1 : i;
    }

    public boolean contains(String word) {
        return index.containsKey(word);
    }

    /** Corpus count of {@code word} when known (trained vectors), else -1; 0 for unknown words. */
    public long count(String word) {
        if (counts == null) {
            return -1;
        }
        Integer i = index.get(word);
        return i == null ? 0 : counts[i];
    }

    /** Whether corpus counts are known (trained here; word2vec files carry none). */
    public boolean hasCounts() {
        return counts != null;
    }

    /** The raw vector of {@code word}. */
    public DenseVector vector(String word) {
        return new DenseVector(Arrays.copyOfRange(vectors, row(word), row(word) + dimension));
    }

    /** The unit-length vector of {@code word}. */
    public DenseVector unitVector(String word) {
        return new DenseVector(Arrays.copyOfRange(unit, row(word), row(word) + dimension));
    }

    /** Adds {@code weight ×} the raw vector of the word at {@code index} to {@code sum} (for embedders). */
    void addTo(int index, float weight, float[] sum) {
        VectorMath.axpy(weight, vectors, index * dimension, sum, 0, dimension);
    }

    private int row(String word) {
        Integer i = index.get(word);
        if (i == null) {
            throw new IllegalArgumentException("word not in vocabulary: '" + word + "'");
        }
        return i * dimension;
    }

    /** Cosine similarity of two words. */
    public double similarity(String a, String b) {
        return VectorMath.dot(unit, row(a), unit, row(b), dimension);
    }

    /** The {@code k} words nearest to {@code word} by cosine, itself excluded. */
    public List<Hit> mostSimilar(String word, int k) {
        return mostSimilar(List.of(word), List.of(), k);
    }

    /**
     * gensim's {@code most_similar(positive, negative, topn)}: the mean of the unit vectors of the positive
     * words minus those of the negative words, its {@code k} nearest words, the query words excluded.
     */
    public List<Hit> mostSimilar(List<String> positive, List<String> negative, int k) {
        return mostSimilar(positive, negative, k, 0);
    }

    /** As {@link #mostSimilar(List, List, int)}, searching only the first {@code restrictVocab} words (0 = all). */
    public List<Hit> mostSimilar(List<String> positive, List<String> negative, int k, int restrictVocab) {
        if (positive.isEmpty() && negative.isEmpty()) {
            throw new IllegalArgumentException("mostSimilar needs at least one word");
        }
        float[] q = new float[dimension];
        Set<String> exclude = new HashSet<>();
        for (String w : positive) {
            accumulateUnit(w, 1f, q);
            exclude.add(w);
        }
        for (String w : negative) {
            accumulateUnit(w, -1f, q);
            exclude.add(w);
        }
        return nearest(q, k, exclude, restrictVocab);
    }

    /** {@link #mostSimilar(List, List, int, int)} on word indices (for the evaluator). */
    List<Hit> mostSimilarByIndex(int[] positive, int[] negative, int k, int restrictVocab) {
        float[] q = new float[dimension];
        List<String> exclude = new ArrayList<>();
        for (int i : positive) {
            accumulateUnitRow(i * dimension, 1f, q);
            exclude.add(words[i]);
        }
        for (int i : negative) {
            accumulateUnitRow(i * dimension, -1f, q);
            exclude.add(words[i]);
        }
        return nearest(q, k, exclude, restrictVocab);
    }

    double similarityByIndex(int a, int b) {
        return VectorMath.dot(unit, a * dimension, unit, b * dimension, dimension);
    }

    /** The {@code k} words nearest to {@code vector} by cosine, except those in {@code exclude}. */
    public List<Hit> mostSimilar(FeatureVector vector, int k, Collection<String> exclude) {
        if (vector.dimension() != dimension) {
            throw new IllegalArgumentException("vector has dimension " + vector.dimension() + ", expected "
                    + dimension);
        }
        return nearest(vector.toFloatArray(), k, exclude, 0);
    }

    private void accumulateUnit(String word, float sign, float[] q) {
        accumulateUnitRow(row(word), sign, q);
    }

    private void accumulateUnitRow(int o, float sign, float[] q) {
        VectorMath.axpy(sign, unit, o, q, 0, dimension);
    }

    private List<Hit> nearest(float[] q, int k, Collection<String> exclude, int restrictVocab) {
        VectorMath.normalize(q);
        Set<Integer> skip = new HashSet<>();
        for (String w : exclude) {
            Integer i = index.get(w);
            if (i != null) {
                skip.add(i);
            }
        }
        List<Hit> out = new ArrayList<>(k);
        for (TopK.Hit h : nearestIndex.searchRows(q, k, i -> !skip.contains(i), restrictVocab)) {
            out.add(new Hit(words[h.id()], h.score()));
        }
        return out;
    }

    /**
     * Words {@code d} completing "{@code a} is to {@code b} as {@code c} is to {@code d}", best first,
     * {@code a}, {@code b}, {@code c} excluded.
     */
    public List<Hit> analogy(String a, String b, String c, int k, AnalogyMethod method) {
        return analogy(a, b, c, k, method, 0);
    }

    /** As {@link #analogy(String, String, String, int, AnalogyMethod)}; only the first {@code restrictVocab}
     *  words (0 = all) are candidates. */
    public List<Hit> analogy(String a, String b, String c, int k, AnalogyMethod method, int restrictVocab) {
        if (method == AnalogyMethod.COS_ADD) {
            return mostSimilar(List.of(b, c), List.of(a), k, restrictVocab);
        }
        int ra = row(a);
        int rb = row(b);
        int rc = row(c);
        int limit = restrictVocab > 0 ? Math.min(restrictVocab, words.length) : words.length;
        Set<Integer> skip = Set.of(ra / dimension, rb / dimension, rc / dimension);
        TopK top = new TopK(k);
        for (int i = 0; i < limit; i++) {
            int o = i * dimension;
            double sa = (VectorMath.dot(unit, o, unit, ra, dimension) + 1) / 2;
            double sb = (VectorMath.dot(unit, o, unit, rb, dimension) + 1) / 2;
            double sc = (VectorMath.dot(unit, o, unit, rc, dimension) + 1) / 2;
            float s = (float) (sb * sc / (sa + 1e-6));
            if (top.accepts(s) && !skip.contains(i)) {
                top.add(i, s);
            }
        }
        return scoredWords(top);
    }

    /** The word least like the others: farthest from the mean of their unit vectors (gensim). */
    public String doesntMatch(List<String> candidates) {
        List<String> known = new ArrayList<>();
        for (String w : candidates) {
            if (contains(w)) {
                known.add(w);
            }
        }
        if (known.isEmpty()) {
            throw new IllegalArgumentException("none of the words is in the vocabulary: " + candidates);
        }
        float[] mean = new float[dimension];
        for (String w : known) {
            accumulateUnit(w, 1f / known.size(), mean);
        }
        VectorMath.normalize(mean);
        String worst = null;
        double min = Double.POSITIVE_INFINITY;
        for (String w : known) {
            double s = VectorMath.dot(unit, row(w), mean, 0, dimension);
            if (s < min) {
                min = s;
                worst = w;
            }
        }
        return worst;
    }

    /** For the writer. */
    float[] rawMatrix() {
        return vectors;
    }

    private List<Hit> scoredWords(TopK top) {
        List<Hit> out = new ArrayList<>(top.size());
        for (TopK.Hit h : top.best()) {
            out.add(new Hit(words[h.id()], h.score()));
        }
        return out;
    }
}
