package org.classicnlp.word2vec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.AnalyzerSpec;
import org.classicnlp.core.ModelContainer;
import org.classicnlp.core.ModelFormatException;

/**
 * Word vectors stored compactly in the {@link ModelContainer}: each value quantised to {@code bits} (4-8) bits
 * with one scale per row, together with the analysis the vectors were trained through, the words' corpus
 * counts (for SIF weights) and the SIF common component. The shipped default vectors are files of this kind
 * ({@link DefaultVectors}); {@link #pack} and {@link #save} write them from any word vectors.
 *
 * <p>Quantisation is symmetric per row: {@code q = round(x / s)} clipped to {@code [-qmax, qmax]},
 * {@code qmax = 2^(bits-1) - 1}, {@code s = max|x| / qmax}, stored as {@code q + qmax} in {@code bits} bits.
 * One scale per row rather than per dimension, because rows differ in length (rare words have short
 * vectors) and cosine similarity needs each row's direction, not a shared range. Loading multiplies back,
 * so every query of {@link WordVectors} works unchanged; the loss is measured in bench/w2v_defaults.sh and
 * bounded in the tests.
 *
 * <h2>File format</h2>
 * Container kind {@code w2v-packed}, version 1, gzip body, the analyzer spec in the header. Body,
 * big-endian:
 * <pre>
 * bits          int      4..8
 * dimension     int
 * words n       int
 * corpusTokens  long     tokens of the training corpus (the SIF probabilities' denominator)
 * component     float × dimension   the SIF common component (unit length, or zeros)
 * per word      UTF (DataOutput.writeUTF) word, long count          in file order (descending count)
 * per word      float scale
 * codes         ceil(n × dimension × bits / 8) bytes, row-major, most significant bit first
 * </pre>
 */
public record PackedVectors(WordVectors vectors, int bits, AnalyzerSpec spec, long corpusTokens, float[] sifComponent) {

    static final ModelContainer.Kind KIND = new ModelContainer.Kind("w2v-packed", 1);

    public PackedVectors {
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(spec, "spec");
        checkBits(bits);
        if (!vectors.hasCounts()) {
            throw new IllegalArgumentException("packed vectors need word counts (for SIF weights); these have none");
        }
        if (corpusTokens <= 0) {
            throw new IllegalArgumentException("corpusTokens must be > 0, got " + corpusTokens);
        }
        sifComponent = sifComponent == null ? new float[vectors.dimension()] : sifComponent.clone();
        if (sifComponent.length != vectors.dimension()) {
            throw new IllegalArgumentException("SIF component of dimension " + sifComponent.length + ", vectors have "
                    + vectors.dimension());
        }
    }

    @Override
    public float[] sifComponent() {
        return sifComponent.clone();
    }

    /**
     * The {@code words} most frequent words of {@code full} (its first rows: word2vec files are in descending
     * count), quantised to {@code bits}, with the SIF component computed from their counts
     * ({@link #sifComponentOf}).
     *
     * @param corpusTokens tokens of the training corpus; 0 = the sum of all of {@code full}'s counts
     */
    public static PackedVectors pack(WordVectors full, int words, int bits, AnalyzerSpec spec, long corpusTokens) {
        checkBits(bits);
        if (!full.hasCounts()) {
            throw new IllegalArgumentException("the vectors have no word counts (a word2vec file written without"
                    + " them?); packing needs them for SIF weights");
        }
        int n = Math.min(words <= 0 ? full.size() : words, full.size());
        long total = corpusTokens;
        if (total <= 0) {
            for (int i = 0; i < full.size(); i++) {
                total += full.count(full.word(i));
            }
        }
        int dim = full.dimension();
        String[] w = new String[n];
        long[] counts = new long[n];
        float[] values = new float[n * dim];
        float[] raw = full.rawMatrix();
        float[] scales = new float[n];
        byte[] codes = new byte[(int) (((long) n * dim * bits + 7) / 8)];
        quantize(raw, n, dim, bits, scales, codes);
        dequantize(codes, scales, n, dim, bits, values);
        for (int i = 0; i < n; i++) {
            w[i] = full.word(i);
            counts[i] = full.count(w[i]);
        }
        WordVectors q = WordVectors.ofTrained(w, values, dim, counts);
        return new PackedVectors(q, bits, spec, total, sifComponentOf(q, total, SifEmbedder.DEFAULT_A));
    }

    /**
     * The common component of the shipped SIF embedders, chosen without a corpus of documents: the first
     * principal direction (uncentred) of the SIF-weighted word vectors, each weighted by how often it occurs,
     * {@code M = Σ p(w) (a / (a + p(w)))² v_w v_wᵀ}. This is the second moment of a single weighted token
     * vector drawn from the training corpus; the paper estimates the same direction from sentence means
     * of a corpus, which for long enough sentences is dominated by the same frequent-word directions.
     */
    static float[] sifComponentOf(WordVectors v, long corpusTokens, double a) {
        int dim = v.dimension();
        double[] m = new double[dim * dim];
        float[] raw = v.rawMatrix();
        for (int i = 0; i < v.size(); i++) {
            double p = v.count(v.word(i)) / (double) corpusTokens;
            double wt = a / (a + p);
            double scale = p * wt * wt;
            int o = i * dim;
            for (int r = 0; r < dim; r++) {
                double x = scale * raw[o + r];
                for (int c = 0; c < dim; c++) {
                    m[r * dim + c] += x * raw[o + c];
                }
            }
        }
        return SifEmbedder.firstComponent(m, dim);
    }

    static void checkBits(int bits) {
        if (bits < 4 || bits > 8) {
            throw new IllegalArgumentException("bits must be 4 to 8, got " + bits);
        }
    }

    static void quantize(float[] raw, int n, int dim, int bits, float[] scales, byte[] codes) {
        int qmax = (1 << (bits - 1)) - 1;
        long bit = 0;
        for (int i = 0; i < n; i++) {
            int o = i * dim;
            float max = 0;
            for (int c = 0; c < dim; c++) {
                max = Math.max(max, Math.abs(raw[o + c]));
            }
            float s = max == 0 ? 1f : max / qmax;
            scales[i] = s;
            for (int c = 0; c < dim; c++) {
                int q = Math.round(raw[o + c] / s);
                q = Math.max(-qmax, Math.min(qmax, q)) + qmax;
                bit = putBits(codes, bit, q, bits);
            }
        }
    }

    static void dequantize(byte[] codes, float[] scales, int n, int dim, int bits, float[] out) {
        int qmax = (1 << (bits - 1)) - 1;
        long bit = 0;
        for (int i = 0; i < n; i++) {
            float s = scales[i];
            int o = i * dim;
            for (int c = 0; c < dim; c++) {
                int q = getBits(codes, bit, bits);
                bit += bits;
                out[o + c] = (q - qmax) * s;
            }
        }
    }

    private static long putBits(byte[] codes, long bit, int value, int bits) {
        for (int k = bits - 1; k >= 0; k--, bit++) {
            if (((value >>> k) & 1) != 0) {
                codes[(int) (bit >>> 3)] |= (byte) (0x80 >>> (bit & 7));
            }
        }
        return bit;
    }

    private static int getBits(byte[] codes, long bit, int bits) {
        int v = 0;
        for (int k = 0; k < bits; k++, bit++) {
            v = (v << 1) | ((codes[(int) (bit >>> 3)] >>> (7 - (bit & 7))) & 1);
        }
        return v;
    }

    /** Writes the vectors at {@link #bits} bits per value. */
    public void save(Path file) {
        int n = vectors.size();
        int dim = vectors.dimension();
        float[] scales = new float[n];
        byte[] codes = new byte[(int) (((long) n * dim * bits + 7) / 8)];
        // the vectors are already dequantised when packed: quantising them again at the same bits is exact
        quantize(vectors.rawMatrix(), n, dim, bits, scales, codes);
        ModelContainer.save(file, KIND, spec, ModelContainer.Compression.GZIP, out -> {
            out.writeInt(bits);
            out.writeInt(dim);
            out.writeInt(n);
            out.writeLong(corpusTokens);
            for (float f : sifComponent) {
                out.writeFloat(f);
            }
            for (int i = 0; i < n; i++) {
                String w = vectors.word(i);
                out.writeUTF(w);
                out.writeLong(vectors.count(w));
            }
            for (float s : scales) {
                out.writeFloat(s);
            }
            out.write(codes);
        });
    }

    /** Reads a file written by {@link #save}. */
    public static PackedVectors load(Path file) {
        return ModelContainer.load(file, PackedVectors::readBody, KIND);
    }

    /** As {@link #load(Path)}, from a stream (closed here) named {@code source}. */
    public static PackedVectors load(InputStream in, String source) {
        return ModelContainer.load(in, source, PackedVectors::readBody, KIND);
    }

    private static PackedVectors readBody(ModelContainer.Body body) throws IOException {
        AnalyzerSpec spec = body.spec().orElseThrow(() -> new ModelFormatException(body.source(),
                "the w2v-packed header has no analyzer spec (flags byte), expected the analysis of the training text"));
        DataInputStream in = body.in();
        body.section("the shape");
        int bits = in.readInt();
        int dim = in.readInt();
        int n = in.readInt();
        body.check(bits >= 4 && bits <= 8, "bits " + bits + ", expected 4 to 8");
        body.check(dim > 0 && dim <= 100_000 && n > 0 && (long) n * dim < Integer.MAX_VALUE - 8,
                "shape " + n + " words × " + dim + ", expected words > 0, 0 < dimension <= 100,000");
        long corpusTokens = in.readLong();
        body.check(corpusTokens > 0, "corpus tokens " + corpusTokens + ", expected > 0");
        body.section("the SIF component");
        float[] component = new float[dim];
        for (int c = 0; c < dim; c++) {
            component[c] = in.readFloat();
        }
        body.section("the words");
        body.count(n, 2 + 8 + 4, "word");   // its UTF length, count and scale at least
        String[] words = new String[n];
        long[] counts = new long[n];
        for (int i = 0; i < n; i++) {
            body.section("word", i, n);
            words[i] = in.readUTF();
            counts[i] = in.readLong();
            if (counts[i] <= 0) {
                throw body.error("count " + counts[i] + " of '" + words[i] + "', expected > 0");
            }
        }
        body.section("the row scales");
        float[] scales = new float[n];
        for (int i = 0; i < n; i++) {
            scales[i] = in.readFloat();
            if (!(scales[i] > 0) || Float.isInfinite(scales[i])) {
                throw body.error("scale " + scales[i] + " of row " + i + ", expected a positive finite number");
            }
        }
        body.section("the codes");
        byte[] codes = new byte[body.count(((long) n * dim * bits + 7) / 8, 1, "code byte")];
        in.readFully(codes);
        float[] values = new float[n * dim];
        dequantize(codes, scales, n, dim, bits, values);
        WordVectors v;
        try {
            v = WordVectors.ofTrained(words, values, dim, counts);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(body.source(), e.getMessage());
        }
        return new PackedVectors(v, bits, spec, corpusTokens, component);
    }

    /** The analyzer the vectors were trained through (rebuilt from the stored spec). */
    public Analyzer analyzer() {
        return Analyzer.of(spec);
    }

    /** Mean of the known words' vectors. */
    public MeanEmbedder meanEmbedder() {
        return new MeanEmbedder(vectors, analyzer());
    }

    /** SIF over the stored counts and common component ({@link #sifComponentOf}). */
    public SifEmbedder sifEmbedder() {
        return SifEmbedder.ofCounts(vectors, analyzer(), corpusTokens, SifEmbedder.DEFAULT_A, sifComponent);
    }

    @Override
    public String toString() {
        return "PackedVectors(" + vectors.size() + " words × " + vectors.dimension() + ", " + bits + " bits, " + spec + ")";
    }
}
