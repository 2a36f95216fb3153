package org.classicnlp.core;

import java.util.List;
import java.util.Locale;

/**
 * A per-token character normalisation step of an {@link Analyzer}, applied after segmentation, as
 * Lucene's {@code LowerCaseFilter}: tokens keep their original characters and offsets; dictionary and
 * model lookups, and consumers that ask for {@link Token#norm()}, see the normalised form.
 *
 * <p>Every normaliser has a stable {@link #name()} that an {@link AnalyzerSpec} stores, so a saved model
 * rebuilds the same chain. Implementations are immutable and thread-safe.
 */
public interface Normalizer {

    /** The name stored in {@link AnalyzerSpec#normalizers()}. */
    String name();

    /** The normalised form of {@code term}; returns {@code term} itself when nothing changes. */
    String apply(String term);

    /**
     * Whether {@link #apply} maps each {@code char} to exactly one {@code char} (same length, same
     * positions), so it can run in place on a buffer through {@link #applyInPlace}.
     */
    default boolean lengthPreserving() {
        return false;
    }

    /** Normalises {@code chars[from, to)} in place; only for {@link #lengthPreserving()} normalisers. */
    default void applyInPlace(char[] chars, int from, int to) {
        String s = new String(chars, from, to - from);
        String out = apply(s);
        if (out.length() != s.length()) {
            throw new UnsupportedOperationException("normalizer '" + name() + "' changes the text length");
        }
        out.getChars(0, out.length(), chars, from);
    }

    /** Full-width ASCII variants (U+FF01–U+FF5E) to ASCII and the ideographic space to a space. */
    Normalizer WIDTH = new CharMapNormalizer("width") {
        @Override
        protected char map(char c) {
            if (c >= '\uFF01' && c <= '\uFF5E') {
                return (char) (c - 0xFEE0);
            }
            return c == '\u3000' ? ' ' : c;
        }
    };

    /**
     * Lowercase with {@link Locale#ROOT}, as Python's {@code str.lower()} and scikit-learn's
     * {@code lowercase=True}. Not length-preserving in general ({@code İ} becomes two chars).
     */
    Normalizer LOWERCASE = new Normalizer() {
        @Override
        public String name() {
            return "lowercase";
        }

        @Override
        public String apply(String term) {
            return term.toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return name();
        }
    };

    /**
     * Traditional to Simplified Chinese, one character for one character, from HanLP's conversion
     * tables (so offsets and lengths stay). See {@link TraditionalChinese}.
     */
    Normalizer TRADITIONAL_TO_SIMPLIFIED = new CharMapNormalizer("t2s") {
        @Override
        protected char map(char c) {
            return TraditionalChinese.toSimplified(c);
        }
    };

    /** The built-in normalisers' names, in the order the standard analyzer applies them. */
    List<String> NAMES = List.of("width", "t2s", "lowercase");

    /** A built-in normaliser by name: {@code width}, {@code t2s}, {@code lowercase}. */
    static Normalizer byName(String name) {
        return switch (name) {
            case "width" -> WIDTH;
            case "t2s" -> TRADITIONAL_TO_SIMPLIFIED;
            case "lowercase" -> LOWERCASE;
            default -> throw new IllegalArgumentException("unknown normalizer '" + name + "'; expected one of "
                    + NAMES);
        };
    }

    /** A length-preserving normaliser defined by a map from char to char. */
    abstract class CharMapNormalizer implements Normalizer {
        private final String name;

        protected CharMapNormalizer(String name) {
            this.name = name;
        }

        protected abstract char map(char c);

        @Override
        public final String name() {
            return name;
        }

        @Override
        public final boolean lengthPreserving() {
            return true;
        }

        @Override
        public final String apply(String term) {
            for (int i = 0; i < term.length(); i++) {
                char c = term.charAt(i);
                if (map(c) != c) {
                    char[] out = term.toCharArray();
                    applyInPlace(out, i, out.length);
                    return new String(out);
                }
            }
            return term;
        }

        @Override
        public final void applyInPlace(char[] chars, int from, int to) {
            for (int i = from; i < to; i++) {
                chars[i] = map(chars[i]);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
