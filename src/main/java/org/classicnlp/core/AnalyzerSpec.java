package org.classicnlp.core;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What an {@link Analyzer} does, as a small value that every model which analyses text stores in its
 * file, so loading rebuilds the same chain ({@link Analyzer#of(AnalyzerSpec)}).
 *
 * @param segmenter   the segmenter's name: {@code standard}, {@code hybrid}, {@code hmm}, {@code fmm},
 *                    {@code bmm}, {@code bimm}, {@code whitespace}, {@code english}, or a name of the
 *                    caller's own for a custom segmenter (then passed to {@link Analyzer#of(AnalyzerSpec,
 *                    org.classicnlp.segment.Segmenter)} on load)
 * @param normalizers per-token normaliser names in the order applied ({@link Normalizer#NAMES})
 * @param stopWords   normalised forms removed after normalisation, sorted
 * @param minLength   tokens whose normalised form is shorter (in code points) are removed; 0 keeps all
 * @param dropSymbols whether tokens with no letter, digit or Han character are removed
 * @param tags        the tag filter slot: when non-empty, tokens whose tag is not listed are removed
 *                    (a tagger sets the tags); sorted
 */
public record AnalyzerSpec(String segmenter, List<String> normalizers, List<String> stopWords, int minLength,
        boolean dropSymbols, List<String> tags) implements java.io.Serializable {

    /** Format version of {@link #write}; bumped when fields are added. */
    static final int VERSION = 1;

    public AnalyzerSpec {
        Objects.requireNonNull(segmenter, "segmenter");
        if (segmenter.isEmpty()) {
            throw new IllegalArgumentException("segmenter name is empty");
        }
        normalizers = List.copyOf(normalizers == null ? List.of() : normalizers);
        stopWords = List.copyOf(new TreeSet<>(stopWords == null ? List.of() : stopWords));
        tags = List.copyOf(new TreeSet<>(tags == null ? List.of() : tags));
        if (minLength < 0) {
            throw new IllegalArgumentException("minLength must be >= 0, got " + minLength);
        }
    }

    /** Only a segmenter, no normalisation or filtering. */
    public static AnalyzerSpec of(String segmenter) {
        return new AnalyzerSpec(segmenter, List.of(), List.of(), 0, false, List.of());
    }

    public AnalyzerSpec withSegmenter(String name) {
        return new AnalyzerSpec(name, normalizers, stopWords, minLength, dropSymbols, tags);
    }

    public AnalyzerSpec withNormalizers(List<String> names) {
        return new AnalyzerSpec(segmenter, names, stopWords, minLength, dropSymbols, tags);
    }

    public AnalyzerSpec withStopWords(List<String> words) {
        return new AnalyzerSpec(segmenter, normalizers, words, minLength, dropSymbols, tags);
    }

    public AnalyzerSpec withMinLength(int min) {
        return new AnalyzerSpec(segmenter, normalizers, stopWords, min, dropSymbols, tags);
    }

    public AnalyzerSpec withDropSymbols(boolean drop) {
        return new AnalyzerSpec(segmenter, normalizers, stopWords, minLength, drop, tags);
    }

    public AnalyzerSpec withTags(List<String> allowed) {
        return new AnalyzerSpec(segmenter, normalizers, stopWords, minLength, dropSymbols, allowed);
    }

    /** Whether {@code lowercase} is among the normalisers. */
    public boolean lowercases() {
        return normalizers.contains("lowercase");
    }

    /** Writes this spec (version, then fields) in {@link DataOutput}'s modified UTF-8. */
    public void write(DataOutput out) throws IOException {
        out.writeInt(VERSION);
        out.writeUTF(segmenter);
        writeList(out, normalizers);
        writeList(out, stopWords);
        out.writeInt(minLength);
        out.writeBoolean(dropSymbols);
        writeList(out, tags);
    }

    /**
     * Reads a spec written by {@link #write}.
     *
     * @throws ModelFormatException naming {@code source} when the bytes are no spec of a known version
     */
    public static AnalyzerSpec read(DataInput in, String source) throws IOException {
        int version = in.readInt();
        if (version != VERSION) {
            throw new ModelFormatException(source, "unsupported analyzer spec version " + version
                    + "; this build reads version " + VERSION);
        }
        String segmenter = in.readUTF();
        List<String> normalizers = readList(in, source, "normalizers");
        for (String n : normalizers) {
            if (!Normalizer.NAMES.contains(n)) { // the chain could not be rebuilt: the file is damaged, not misused
                throw new ModelFormatException(source, "bad analyzer spec: unknown normalizer '" + n
                        + "'; expected one of " + Normalizer.NAMES);
            }
        }
        List<String> stopWords = readList(in, source, "stop words");
        int minLength = in.readInt();
        boolean dropSymbols = in.readBoolean();
        List<String> tags = readList(in, source, "tags");
        try {
            return new AnalyzerSpec(segmenter, normalizers, stopWords, minLength, dropSymbols, tags);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(source, "bad analyzer spec: " + e.getMessage());
        }
    }

    private static void writeList(DataOutput out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    private static List<String> readList(DataInput in, String source, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 10_000_000) {
            throw new ModelFormatException(source, "bad analyzer spec: " + what + " count " + n);
        }
        List<String> out = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            out.add(in.readUTF());
        }
        return out;
    }
}
