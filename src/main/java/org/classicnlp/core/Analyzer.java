package org.classicnlp.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.classicnlp.segment.Segmenter;
import org.classicnlp.segment.Segmenters;

/**
 * The one analysis chain from text to the tokens every consumer (TF-IDF, embedders, Word2Vec, taggers,
 * n-gram models) counts:
 *
 * <ol>
 * <li>a {@link Segmenter} cuts the original text into tokens;</li>
 * <li>per-token {@link Normalizer}s (width folding, Traditional→Simplified, lowercase) give each token its
 * {@link Token#norm()}, as Lucene's {@code LowerCaseFilter}: the token keeps its original characters and
 * offsets;</li>
 * <li>an optional tagger sets {@link Token#tag()};</li>
 * <li>token filters drop stop words (compared on the normalised form), terms shorter than a minimum
 * length, symbol-only terms, and, when a tag set is given, tokens whose tag is not in it.</li>
 * </ol>
 *
 * <p>It describes itself as an {@link AnalyzerSpec} that models store in their files; {@link #of(AnalyzerSpec)}
 * rebuilds the same chain. Immutable and thread-safe.
 *
 * <p>This is the one class in {@code core} that reaches into {@code segment}: it resolves segmenter names.
 */
public final class Analyzer implements java.io.Serializable {

    private final AnalyzerSpec spec;
    private final Segmenter segmenter;
    private final Normalizer[] normalizers;
    private final boolean lengthPreserving;
    private final CharRegionSet stopWords;
    private final UnaryOperator<List<Token>> tagger;
    private final java.util.Set<String> tags;

    private Analyzer(AnalyzerSpec spec, Segmenter segmenter, UnaryOperator<List<Token>> tagger) {
        this.spec = spec;
        this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
        this.normalizers = new Normalizer[spec.normalizers().size()];
        boolean preserving = true;
        for (int i = 0; i < normalizers.length; i++) {
            normalizers[i] = Normalizer.byName(spec.normalizers().get(i));
            preserving &= normalizers[i].lengthPreserving();
        }
        this.lengthPreserving = preserving;
        this.stopWords = new CharRegionSet(spec.stopWords());
        this.tagger = tagger;
        this.tags = java.util.Set.copyOf(spec.tags());
        if (!tags.isEmpty() && tagger == null) {
            throw new IllegalArgumentException("the analyzer keeps only tags " + spec.tags()
                    + " but has no tagger to set them; add one with Analyzer.builder(spec).tagger(...)");
        }
    }

    private static final class StandardHolder {
        static final Analyzer INSTANCE = of(standardSpec());
    }

    /**
     * The default chain: {@link Segmenters#standard()}, then width folding, Traditional→Simplified and
     * lowercase; no filters. Shared.
     */
    public static Analyzer standard() {
        return StandardHolder.INSTANCE;
    }

    /** The spec of {@link #standard()}. */
    public static AnalyzerSpec standardSpec() {
        return AnalyzerSpec.of("standard").withNormalizers(List.of("width", "t2s", "lowercase"));
    }

    /**
     * The analyzer behind the CLI's {@code --tokenizer NAME [--lowercase]}: {@code default} (also
     * {@code standard}) is the standard segmenter with width and Traditional→Simplified folding;
     * {@code whitespace} and {@code english} (or any other built-in segmenter name) take the tokens as the
     * segmenter gives them; {@code lowercase} appends the lowercase normaliser.
     */
    public static Analyzer forTokenizer(String name, boolean lowercase) {
        return of(tokenizerSpec(name, lowercase));
    }

    /** The spec of {@link #forTokenizer}. */
    public static AnalyzerSpec tokenizerSpec(String name, boolean lowercase) {
        boolean standard = name.equals("default") || name.equals("standard");
        List<String> normalizers = new ArrayList<>(standard ? List.of("width", "t2s") : List.of());
        if (lowercase) {
            normalizers.add("lowercase");
        }
        return AnalyzerSpec.of(standard ? "standard" : name).withNormalizers(normalizers);
    }

    /** Pre-tokenized text (split on white space as it is), no normalisation: tokens as given. */
    public static Analyzer whitespace() {
        return of(AnalyzerSpec.of("whitespace"));
    }

    /**
     * The analyzer a spec describes, with a built-in segmenter ({@link Segmenters#byName}).
     *
     * @throws IllegalArgumentException naming the segmenter when the spec names one this build does not
     *                                  have (a custom one: use {@link #of(AnalyzerSpec, Segmenter)})
     */
    public static Analyzer of(AnalyzerSpec spec) {
        Segmenter seg;
        try {
            seg = Segmenters.byName(spec.segmenter());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot rebuild the analyzer: " + e.getMessage()
                    + "; a custom segmenter must be passed with Analyzer.of(spec, segmenter)", e);
        }
        return new Analyzer(spec, seg, null);
    }

    /** The analyzer a spec describes, over the caller's segmenter (the spec's name is kept as given). */
    public static Analyzer of(AnalyzerSpec spec, Segmenter segmenter) {
        return new Analyzer(spec, segmenter, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from {@code spec}. */
    public static Builder builder(AnalyzerSpec spec) {
        Builder b = new Builder();
        b.spec = spec;
        return b;
    }

    public AnalyzerSpec spec() {
        return spec;
    }

    public Segmenter segmenter() {
        return segmenter;
    }

    /** Whether a tagger stage is present. */
    public boolean tags() {
        return tagger != null;
    }

    /** The kept tokens of {@code text}, offsets into {@code text}, each with its normalised form. */
    public List<Token> analyze(String text) {
        List<Token> tokens;
        if (tagger == null) {
            int[] spans = segmenter.spans(text);
            tokens = new ArrayList<>(spans.length / 2);
            for (int i = 0; i < spans.length; i += 2) {
                String surface = text.substring(spans[i], spans[i + 1]);
                String norm = normalize(surface);
                if (keep(norm)) {
                    tokens.add(new Token(surface, spans[i], spans[i + 1], null, norm));
                }
            }
            return tokens;
        }
        List<Token> segmented = segmenter.segment(text);
        List<Token> normalized = new ArrayList<>(segmented.size());
        for (Token t : segmented) {
            normalized.add(t.withNorm(normalize(t.text())));
        }
        List<Token> tagged = tagger.apply(normalized);
        tokens = new ArrayList<>(tagged.size());
        for (Token t : tagged) {
            if (keep(t.norm()) && (tags.isEmpty() || (t.tag() != null && tags.contains(t.tag())))) {
                tokens.add(t);
            }
        }
        return tokens;
    }

    public List<Token> analyze(Document document) {
        return analyze(document.text());
    }

    /** The normalised forms of the kept tokens of {@code text}: what TF-IDF and word vectors count. */
    public List<String> terms(String text) {
        TermBuffer buf = new TermBuffer();
        analyze(text, buf);
        String[] out = new String[buf.count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = buf.term(i);
        }
        return List.of(out);
    }

    /**
     * Fills {@code out} with the normalised kept terms of {@code text} without making a {@code String} or
     * {@link Token} per term where the normalisers allow it (the TF-IDF and Word2Vec hot paths).
     *
     * @return the number of terms
     */
    public int analyze(String text, TermBuffer out) {
        out.clear();
        if (tagger != null) {
            for (Token t : analyze(text)) {
                append(out, t.norm(), t.start(), t.end());
            }
            return out.count;
        }
        int[] spans = segmenter.spans(text);
        for (int i = 0; i < spans.length; i += 2) {
            int s = spans[i];
            int e = spans[i + 1];
            int len = e - s;
            if (lengthPreserving) {
                out.ensureChars(len);
                text.getChars(s, e, out.chars, out.length);
                for (Normalizer n : normalizers) {
                    n.applyInPlace(out.chars, out.length, out.length + len);
                }
                if (keep(out.chars, out.length, len)) {
                    out.commit(len, s, e);
                }
            } else if (lowercaseIsAscii(text, s, e)) {
                // Lowercase on ASCII keeps the length: fold in place (the common English case).
                out.ensureChars(len);
                text.getChars(s, e, out.chars, out.length);
                for (Normalizer n : normalizers) {
                    if (n == Normalizer.LOWERCASE) {
                        asciiLower(out.chars, out.length, out.length + len);
                    } else {
                        n.applyInPlace(out.chars, out.length, out.length + len);
                    }
                }
                if (keep(out.chars, out.length, len)) {
                    out.commit(len, s, e);
                }
            } else {
                String norm = normalize(text.substring(s, e));
                out.ensureChars(norm.length());
                norm.getChars(0, norm.length(), out.chars, out.length);
                if (keep(out.chars, out.length, norm.length())) {
                    out.commit(norm.length(), s, e);
                }
            }
        }
        return out.count;
    }

    private boolean lowercaseIsAscii(String text, int s, int e) {
        for (Normalizer n : normalizers) {
            if (!n.lengthPreserving() && n != Normalizer.LOWERCASE) {
                return false;
            }
        }
        for (int i = s; i < e; i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static void asciiLower(char[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (c[i] >= 'A' && c[i] <= 'Z') {
                c[i] += 'a' - 'A';
            }
        }
    }

    private static void append(TermBuffer out, String term, int s, int e) {
        out.ensureChars(term.length());
        term.getChars(0, term.length(), out.chars, out.length);
        out.commit(term.length(), s, e);
    }

    private String normalize(String surface) {
        String t = surface;
        for (Normalizer n : normalizers) {
            t = n.apply(t);
        }
        return t;
    }

    private boolean keep(String norm) {
        return keep(norm.toCharArray(), 0, norm.length());
    }

    private boolean keep(char[] c, int off, int len) {
        if (len == 0) {
            return false;
        }
        if (spec.minLength() > 1 && Character.codePointCount(c, off, len) < spec.minLength()) {
            return false;
        }
        if (spec.dropSymbols() && !hasWordChar(c, off, len)) {
            return false;
        }
        return stopWords.isEmpty() || !stopWords.contains(c, off, len);
    }

    private static boolean hasWordChar(char[] c, int off, int len) {
        for (int i = off; i < off + len; ) {
            int cp = Character.codePointAt(c, i, off + len);
            if (Character.isLetterOrDigit(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    @Override
    public String toString() {
        return "Analyzer" + spec;
    }

    /**
     * Serialised as its spec, its segmenter and its tagger, each of which ships by name or model reference
     * (a built-in segmenter as its name, a shipped or referenced tagger as its {@link ModelRef}), so the
     * receiving JVM loads each model once ({@link ModelCache}) and rebuilds this cheap chain around them.
     */
    private Object writeReplace() throws java.io.NotSerializableException {
        if (!(segmenter instanceof java.io.Serializable)) {
            throw new java.io.NotSerializableException("the analyzer's segmenter " + segmenter.getClass().getName()
                    + " is not serialisable; use a built-in one or wrap it in Segmenters.shipped(key, factory)");
        }
        if (tagger != null && !(tagger instanceof java.io.Serializable)) {
            throw new java.io.NotSerializableException("the analyzer's tagger " + tagger.getClass().getName()
                    + " is not serialisable; use a shipped tagger or one loaded with Taggers.load(ModelRef)");
        }
        return new Shipped(spec, segmenter, tagger);
    }

    private record Shipped(AnalyzerSpec spec, Segmenter segmenter, UnaryOperator<List<Token>> tagger)
            implements java.io.Serializable {
        private Object readResolve() {
            return new Analyzer(spec, segmenter, tagger);
        }
    }

    /** Builds an {@link Analyzer}; every setter changes one field of the {@link AnalyzerSpec}. */
    public static final class Builder {
        private AnalyzerSpec spec = AnalyzerSpec.of("standard");
        private Segmenter segmenter;
        private UnaryOperator<List<Token>> tagger;

        private Builder() {
        }

        /** A built-in segmenter by name ({@link Segmenters#byName}); default {@code standard}. */
        public Builder segmenter(String name) {
            Segmenters.byName(name); // fail now on an unknown name
            spec = spec.withSegmenter(name.toLowerCase(Locale.ROOT));
            segmenter = null;
            return this;
        }

        /** A custom segmenter, stored in specs as {@code name}. */
        public Builder segmenter(String name, Segmenter custom) {
            spec = spec.withSegmenter(name);
            segmenter = Objects.requireNonNull(custom, "segmenter");
            return this;
        }

        /** Normalisers by name, in order ({@link Normalizer#NAMES}). */
        public Builder normalizers(String... names) {
            for (String n : names) {
                Normalizer.byName(n);
            }
            spec = spec.withNormalizers(List.of(names));
            return this;
        }

        /** Adds or removes {@code lowercase} at the end of the normalisers. */
        public Builder lowercase(boolean lowercase) {
            List<String> names = new ArrayList<>(spec.normalizers());
            names.remove("lowercase");
            if (lowercase) {
                names.add("lowercase");
            }
            spec = spec.withNormalizers(names);
            return this;
        }

        /** Stop words, compared with the normalised form of each token. */
        public Builder stopWords(Collection<String> words) {
            spec = spec.withStopWords(List.copyOf(words));
            return this;
        }

        /** Drops terms shorter than {@code codePoints}; 0 or 1 keeps all. */
        public Builder minLength(int codePoints) {
            spec = spec.withMinLength(codePoints);
            return this;
        }

        /** Drops terms with no letter, digit or Han character (punctuation, symbols). */
        public Builder dropSymbols(boolean drop) {
            spec = spec.withDropSymbols(drop);
            return this;
        }

        /** Keeps only tokens whose tag is listed (needs a tagger); empty keeps all. */
        public Builder tags(Collection<String> allowed) {
            spec = spec.withTags(List.copyOf(allowed));
            return this;
        }

        /** The tagger stage: tokens (normalised) in, the same tokens with tags out. */
        public Builder tagger(UnaryOperator<List<Token>> tagger) {
            this.tagger = tagger;
            return this;
        }

        public Analyzer build() {
            Segmenter seg = segmenter != null ? segmenter : Segmenters.byName(spec.segmenter());
            return new Analyzer(spec, seg, tagger);
        }
    }

    /** Strings looked up by a region of a {@code char[]}, without making a String per lookup. */
    private static final class CharRegionSet {
        private final String[] table;
        private final int mask;
        private final int size;

        CharRegionSet(List<String> words) {
            int cap = Integer.highestOneBit(Math.max(4, words.size() * 2) - 1) << 1;
            table = new String[cap];
            mask = cap - 1;
            int n = 0;
            for (String w : words) {
                int h = w.hashCode() & mask;
                while (table[h] != null && !table[h].equals(w)) {
                    h = (h + 1) & mask;
                }
                if (table[h] == null) {
                    table[h] = w;
                    n++;
                }
            }
            size = n;
        }

        boolean isEmpty() {
            return size == 0;
        }

        boolean contains(char[] c, int off, int len) {
            int h = 0;
            for (int i = off; i < off + len; i++) {
                h = 31 * h + c[i];
            }
            for (int k = h & mask; table[k] != null; k = (k + 1) & mask) {
                String w = table[k];
                if (w.length() == len && regionEquals(w, c, off, len)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean regionEquals(String w, char[] c, int off, int len) {
            for (int i = 0; i < len; i++) {
                if (w.charAt(i) != c[off + i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
