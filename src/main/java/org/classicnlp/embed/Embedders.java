package org.classicnlp.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.ModelFormatException;
import org.classicnlp.tfidf.DefaultIdf;
import org.classicnlp.tfidf.HashedTfidfEmbedder;
import org.classicnlp.tfidf.TfidfModel;
import org.classicnlp.word2vec.DefaultVectors;
import org.classicnlp.word2vec.MeanEmbedder;
import org.classicnlp.word2vec.PackedVectors;
import org.classicnlp.word2vec.WordVectors;

/**
 * Embedders by name: the shipped defaults ({@code w2v-mean-zh}, {@code w2v-sif-en}, {@code tfidf-hash-zh-1024},
 * …, listed by {@link #names()}) and any model file a user trained. The one place the CLI ({@code serve},
 * {@code index build}, {@code faq}, {@code classify}) and library users turn a name into an {@link Embedder}.
 *
 * <table>
 * <caption>Names</caption>
 * <tr><th>name</th><th>embedder</th><th>dimension</th></tr>
 * <tr><td>{@code w2v-mean-zh}, {@code w2v-mean-en}</td><td>mean of the shipped word vectors of the
 *     document's known words ({@link DefaultVectors})</td><td>100</td></tr>
 * <tr><td>{@code w2v-sif-zh}, {@code w2v-sif-en}</td><td>SIF over the shipped vectors: weights
 *     {@code a / (a + p(w))}, {@code a = 1e-3}, {@code p(w)} from the vectors' training counts; the common
 *     component removed is computed from the vectors themselves ({@code PackedVectors.sifComponentOf}), so
 *     no corpus is needed</td><td>100</td></tr>
 * <tr><td>{@code tfidf-hash-zh-N}, {@code tfidf-hash-en-N}</td><td>TF-IDF with the shipped IDF table
 *     ({@link DefaultIdf}), signed feature hashing to {@code N} dense components ({@link HashedTfidfEmbedder});
 *     any {@code N} from 8 to 65,536, {@code N = 1024} listed</td><td>N</td></tr>
 * <tr><td>a file: {@code w2v-packed} model ({@code w2v train --packed})</td><td>mean of its vectors, through
 *     the analysis stored in it</td><td>the vectors'</td></tr>
 * <tr><td>a file: {@code tfidf} model ({@code tfidf fit})</td><td>the model itself (sparse, one component per
 *     vocabulary term)</td><td>vocabulary size</td></tr>
 * <tr><td>a file: word2vec text or binary</td><td>mean of its vectors, through the shipped vectors' analysis
 *     ({@link DefaultVectors#ANALYZER_SPEC}: standard segmenter, width, Traditional→Simplified, lower case,
 *     symbols dropped)</td><td>the vectors'</td></tr>
 * </table>
 *
 * Shipped names take precedence over files of the same name (write {@code ./w2v-mean-zh} for such a file).
 * Word-vector embedders reduce their dimension with {@link Embedder#withDimensions}. Embedders are built
 * once per name and shared (they are immutable and thread-safe); the shipped models load on first use.
 */
public final class Embedders {

    /** The dimension listed for the hashed TF-IDF embedders; any other in range works by name. */
    public static final int LISTED_HASH_DIMENSION = 1024;

    private static final Pattern HASH = Pattern.compile("tfidf-hash-(zh|en)-(\\d{1,9})");
    private static final Pattern HASH_LIKE = Pattern.compile("tfidf-hash-.*");
    private static final Map<String, Embedder> SHIPPED = new ConcurrentHashMap<>();

    private Embedders() {
    }

    /**
     * The embedder named {@code nameOrFile}: a shipped name, or the path of a model file.
     *
     * @throws IllegalArgumentException for a name that is neither, listing the known names; for a
     *                                  {@code tfidf-hash-} name with a bad language or dimension
     * @throws ModelFormatException     for a file that is a model of another kind, or damaged
     */
    public static Embedder byName(String nameOrFile) {
        if (nameOrFile == null || nameOrFile.isEmpty()) {
            throw new IllegalArgumentException("empty embedder name; known: " + String.join(", ", names()));
        }
        Embedder shipped = shipped(nameOrFile);
        if (shipped != null) {
            return shipped;
        }
        Path file = Path.of(nameOrFile);
        if (Files.isRegularFile(file)) {
            return fromFile(file);
        }
        throw new IllegalArgumentException("unknown embedder '" + nameOrFile + "': neither a shipped name nor a file;"
                + " known: " + String.join(", ", names()) + " (tfidf-hash-zh|en-N for any N from "
                + HashedTfidfEmbedder.MIN_DIMENSION + " to " + HashedTfidfEmbedder.MAX_DIMENSION + "), or a model file");
    }

    /** The shipped embedder names, in a stable order. */
    public static List<String> names() {
        return List.of("w2v-mean-zh", "w2v-mean-en", "w2v-sif-zh", "w2v-sif-en",
                "tfidf-hash-zh-" + LISTED_HASH_DIMENSION, "tfidf-hash-en-" + LISTED_HASH_DIMENSION);
    }

    private static Embedder shipped(String name) {
        Embedder e = SHIPPED.get(name);
        if (e != null) {
            return e;
        }
        Embedder made = switch (name) {
            case "w2v-mean-zh" -> DefaultVectors.chinese().meanEmbedder();
            case "w2v-mean-en" -> DefaultVectors.english().meanEmbedder();
            case "w2v-sif-zh" -> DefaultVectors.chinese().sifEmbedder();
            case "w2v-sif-en" -> DefaultVectors.english().sifEmbedder();
            default -> hashed(name);
        };
        if (made == null) {
            return null;
        }
        Embedder prev = SHIPPED.putIfAbsent(name, made);
        return prev != null ? prev : made;
    }

    private static Embedder hashed(String name) {
        Matcher m = HASH.matcher(name);
        if (!m.matches()) {
            if (HASH_LIKE.matcher(name).matches() && !Files.isRegularFile(Path.of(name))) {
                throw new IllegalArgumentException("bad embedder name '" + name + "': expected tfidf-hash-zh-N or"
                        + " tfidf-hash-en-N with N from " + HashedTfidfEmbedder.MIN_DIMENSION + " to "
                        + HashedTfidfEmbedder.MAX_DIMENSION + ", e.g. tfidf-hash-zh-" + LISTED_HASH_DIMENSION);
            }
            return null;
        }
        long n = Long.parseLong(m.group(2));
        if (n < HashedTfidfEmbedder.MIN_DIMENSION || n > HashedTfidfEmbedder.MAX_DIMENSION) {
            throw new IllegalArgumentException("bad embedder name '" + name + "': dimension " + n + " is out of range "
                    + HashedTfidfEmbedder.MIN_DIMENSION + " to " + HashedTfidfEmbedder.MAX_DIMENSION);
        }
        return new HashedTfidfEmbedder(DefaultIdf.byLanguage(m.group(1)), (int) n, name);
    }

    /** A user's model file, by its container kind (see the class comment). */
    private static Embedder fromFile(Path file) {
        String kind = containerKind(file);
        if (kind == null) {
            // not a model container: a word2vec text or binary file (its reader names the problem otherwise)
            WordVectors v = WordVectors.load(file);
            return new MeanEmbedder(v, DefaultVectors.analyzer());
        }
        return switch (kind) {
            case "w2v-packed" -> PackedVectors.load(file).meanEmbedder();
            case "tfidf" -> TfidfModel.load(file);
            default -> throw new ModelFormatException(file.toString(), "is a " + kind + " model, not an embedder;"
                    + " expected a w2v-packed model (w2v train --packed), a tfidf model (tfidf fit) or a word2vec file");
        };
    }

    /** The kind tag of a model container file, or null when the file is not one. */
    static String containerKind(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(13 + 16);
            if (head.length < 14 || !new String(head, 0, 8, StandardCharsets.ISO_8859_1).equals("CNLPMODL")) {
                return null;
            }
            int k = head[12] & 0xff;
            if (k < 1 || 13 + k > head.length) {
                throw new ModelFormatException(file.toString(), "corrupt header: kind tag length " + k + " at byte 12");
            }
            return new String(head, 13, k, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
