package org.classicnlp.classify;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Document;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.FeatureVector;
import org.classicnlp.core.Hit;
import org.classicnlp.core.ModelContainer;
import org.classicnlp.core.SparseVector;
import org.classicnlp.embed.Embedders;
import org.classicnlp.tfidf.TfidfModel;

/**
 * A fitted text classifier: features from a TF-IDF model fitted with it, or from a named embedder, and one
 * linear score per label, {@code score(label) = b[label] + w[label] · x}. Naive Bayes is linear in this
 * form too (log prior plus the log feature probabilities), so all three algorithms share the model and its
 * file. Immutable and thread-safe. Saved in the core container, kind {@code classifier} (see {@link #save}).
 */
public final class LinearClassifier {

    static final ModelContainer.Kind KIND = new ModelContainer.Kind("classifier", 1);
    /** Weights converted per bulk read or write (4 MB of bytes). */
    private static final int WEIGHT_CHUNK = 1 << 20;

    private final Algorithm algorithm;
    private final String[] labels;
    private final TfidfModel tfidf;
    private final String embedderName;
    private final Embedder embedder;
    private final int dimension;
    /** Feature-major: weights[j * labels + c]. */
    private final float[] weights;
    private final double[] bias;

    LinearClassifier(Algorithm algorithm, String[] labels, TfidfModel tfidf, String embedderName, Embedder embedder,
            float[] weights, double[] bias) {
        this.algorithm = algorithm;
        this.labels = labels;
        this.tfidf = tfidf;
        this.embedderName = embedderName;
        this.embedder = tfidf != null ? tfidf : Objects.requireNonNull(embedder, "embedder");
        this.dimension = this.embedder.dimension();
        if (weights.length != (long) dimension * labels.length || bias.length != labels.length) {
            throw new IllegalArgumentException("weights for " + weights.length + " values, expected "
                    + dimension + " × " + labels.length);
        }
        this.weights = weights;
        this.bias = bias;
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    /** The labels, sorted (their order in {@link #scores}'s ties). */
    public List<String> labels() {
        return List.of(labels);
    }

    /** The features: the TF-IDF model, or the embedder. */
    public Embedder features() {
        return embedder;
    }

    /** The label with the highest score. */
    public String predict(String text) {
        double[] s = rawScores(embedder.embed(text));
        int best = 0;
        for (int c = 1; c < s.length; c++) {
            if (s[c] > s[best]) {
                best = c;
            }
        }
        return labels[best];
    }

    /** Every label with its linear score, best first (naive Bayes: the joint log probability). */
    public List<Hit> scores(String text) {
        double[] s = rawScores(embedder.embed(text));
        List<Hit> out = new ArrayList<>(labels.length);
        for (int c = 0; c < labels.length; c++) {
            out.add(new Hit(labels[c], s[c]));
        }
        out.sort((a, b) -> Double.compare(b.score(), a.score()));
        return out;
    }

    double[] rawScores(FeatureVector x) {
        int k = labels.length;
        double[] s = bias.clone();
        if (x instanceof SparseVector sv) {
            for (int i = 0; i < sv.size(); i++) {
                int o = sv.indexAt(i) * k;
                double v = sv.valueAt(i);
                for (int c = 0; c < k; c++) {
                    s[c] += v * weights[o + c];
                }
            }
        } else {
            float[] d = x.toFloatArray();
            for (int j = 0; j < d.length; j++) {
                if (d[j] != 0) {
                    int o = j * k;
                    for (int c = 0; c < k; c++) {
                        s[c] += d[j] * weights[o + c];
                    }
                }
            }
        }
        return s;
    }

    /**
     * Predicts every document of {@code corpus} (label in its {@code label} metadata field) and scores the
     * predictions, on {@code threads} threads.
     */
    public Evaluation evaluate(Corpus<Document> corpus, int threads) {
        List<String> gold = new ArrayList<>();
        List<String> predicted = ClassifierTrainer.mapLabelled(corpus, threads, d -> predict(d.text()), gold);
        return Evaluation.of(gold, predicted);
    }

    // ------------------------------------------------------------------ persistence

    /**
     * Body: UTF algorithm, int labels, labels × UTF, byte features (0 = TF-IDF model nested as its own
     * container bytes: int length and bytes; 1 = embedder name, UTF), int dimension, dimension × labels
     * float weights (feature-major), labels × double bias.
     */
    public void save(Path file) {
        byte[] nested = null;
        if (tfidf != null) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            tfidf.save(bytes);
            nested = bytes.toByteArray();
        }
        final byte[] tfidfBytes = nested;
        // uncompressed: the TF-IDF part is gzipped already, and the float weights barely compress (gzip cost
        // more time than reading the larger file)
        ModelContainer.save(file, KIND, null, ModelContainer.Compression.NONE, out -> {
            out.writeUTF(algorithm.id());
            out.writeInt(labels.length);
            for (String l : labels) {
                out.writeUTF(l);
            }
            if (tfidfBytes != null) {
                out.writeByte(0);
                out.writeInt(tfidfBytes.length);
                out.write(tfidfBytes);
            } else {
                out.writeByte(1);
                out.writeUTF(embedderName);
            }
            out.writeInt(dimension);
            // bulk conversions of up to WEIGHT_CHUNK floats (big-endian, as DataOutput writes them), not a
            // buffer per feature
            byte[] buf = new byte[Math.min(weights.length, WEIGHT_CHUNK) * 4];
            for (int from = 0; from < weights.length; from += WEIGHT_CHUNK) {
                int m = Math.min(WEIGHT_CHUNK, weights.length - from);
                java.nio.ByteBuffer.wrap(buf).asFloatBuffer().put(weights, from, m);
                out.write(buf, 0, m * 4);
            }
            for (double b : bias) {
                out.writeDouble(b);
            }
        });
    }

    /** Loads a model; an embedder named in it is resolved by {@link Embedders#byName}. */
    public static LinearClassifier load(Path file) {
        return load(file, Embedders::byName);
    }

    /** Loads a model; {@code embedders} turns a saved embedder name into the embedder. */
    public static LinearClassifier load(Path file, Function<String, Embedder> embedders) {
        return ModelContainer.load(file, body -> {
            var in = body.in();
            Algorithm algo;
            try {
                algo = Algorithm.of(in.readUTF());
            } catch (IllegalArgumentException e) {
                throw body.error(e.getMessage());
            }
            int k = in.readInt();
            body.check(k >= 2 && k <= 1_000_000, "invalid label count " + k);
            String[] labels = new String[k];
            for (int c = 0; c < k; c++) {
                labels[c] = in.readUTF();
            }
            int kind = in.readUnsignedByte();
            TfidfModel tfidf = null;
            String name = null;
            Embedder embedder = null;
            body.section("features");
            if (kind == 0) {
                int n = in.readInt();
                body.check(n > 0, "invalid TF-IDF part length " + n);
                byte[] b = new byte[n];
                in.readFully(b);
                tfidf = TfidfModel.load(new ByteArrayInputStream(b), file + " (TF-IDF part)");
            } else if (kind == 1) {
                name = in.readUTF();
                try {
                    embedder = embedders.apply(name);
                } catch (IllegalArgumentException e) {
                    throw body.error("embedder '" + name + "': " + e.getMessage());
                }
            } else {
                throw body.error("unknown feature kind " + kind + ", expected 0 (TF-IDF) or 1 (embedder)");
            }
            int dim = in.readInt();
            int expected = tfidf != null ? tfidf.dimension() : embedder.dimension();
            body.check(dim == expected, "weights for dimension " + dim + ", the features have " + expected);
            body.section("weights");
            float[] w = new float[body.count((long) dim * k, 4, "weight")];
            byte[] buf = new byte[Math.min(w.length, WEIGHT_CHUNK) * 4];
            for (int from = 0; from < w.length; from += WEIGHT_CHUNK) {
                int m = Math.min(WEIGHT_CHUNK, w.length - from);
                in.readFully(buf, 0, m * 4);
                java.nio.ByteBuffer.wrap(buf, 0, m * 4).asFloatBuffer().get(w, from, m);
            }
            double[] bias = new double[k];
            for (int c = 0; c < k; c++) {
                bias[c] = in.readDouble();
            }
            return new LinearClassifier(algo, labels, tfidf, name, embedder, w, bias);
        }, KIND);
    }

}
