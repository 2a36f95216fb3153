package org.classicnlp.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The one definition of white space and of the coarse character classes that every segmenter,
 * tokenizer, corpus reader and dictionary loader uses.
 *
 * <h2>White space</h2>
 * {@link #isWhitespace(int)} is Python's {@code str.isspace()} (and the {@code (?u)\s} of Python's
 * {@code re}): Java's {@link Character#isWhitespace(int)} plus the no-break spaces U+00A0, U+2007,
 * U+202F and NEL U+0085. Splitting on it equals Python's {@code str.split()} and scikit-learn's
 * {@code token_pattern=r"(?u)\S+"}, which TF-IDF's parity with scikit-learn relies on. The ideographic
 * space U+3000 is white space under this definition. The whitespace tokenizer, the SIGHAN reader and the
 * dictionary loaders split on exactly this.
 *
 * <p>{@link #isSeparator(int)} adds the two invisible separators that carry no text, ZERO WIDTH SPACE
 * U+200B and ZERO WIDTH NO-BREAK SPACE / byte-order mark U+FEFF: the Chinese segmenters never make a token
 * of them (Chinese text uses U+200B to mark optional breaks, and U+FEFF turns up at line starts). They are
 * not white space for the whitespace tokenizer, so that it stays identical to {@code str.split()}. ZERO
 * WIDTH JOINER U+200D is neither: inside an emoji sequence it is part of the token.
 *
 * <h2>Classes</h2>
 * {@link #HAN} covers CJK ideographs (all extensions), {@code 〇} and {@code ○} (zero in Chinese dates),
 * kana, Hangul, Bopomofo, Yi and Tangut: scripts that dictionaries segment character by character.
 * {@link #LETTER} is every other letter and the combining marks, {@link #DIGIT} the decimal digits,
 * {@link #SPACE} the {@linkplain #isSeparator separators}, {@link #PUNCT} everything else (punctuation,
 * symbols, emoji, controls, unpaired surrogates).
 *
 * <h2>Emoji</h2>
 * {@link #emojiSequenceLength} finds the emoji sequences that stay one token: a pictographic base with its
 * variation selector U+FE0F, skin-tone modifiers U+1F3FB–U+1F3FF and tag characters (subdivision flags),
 * joined by ZWJ U+200D to further such elements; regional-indicator pairs (flags); keycaps ({@code 0-9 # *},
 * optional U+FE0F, U+20E3).
 */
public final class CharClass {

    public static final byte SPACE = 0;
    public static final byte HAN = 1;
    public static final byte LETTER = 2;
    public static final byte DIGIT = 3;
    public static final byte PUNCT = 4;

    /**
     * The BMP's classes in blocks of 256 chars, each classified on first use: a text touches a few blocks, and
     * classifying all 65,536 chars up front cost every process tens of milliseconds at start. A block is
     * published through a final field, so a thread that sees it sees it filled (two threads may both fill
     * one; they write the same values).
     */
    private static final Block[] BLOCKS = new Block[256];

    private static final class Block {
        final byte[] classes = new byte[256];

        Block(int first) {
            for (int k = 0; k < 256; k++) {
                classes[k] = classify(first + k);
            }
        }
    }

    private static byte[] block(int hi) {
        Block b = BLOCKS[hi];
        if (b == null) {
            b = new Block(hi << 8);
            BLOCKS[hi] = b;
        }
        return b.classes;
    }

    private CharClass() {
    }

    /** White space as Python's {@code str.isspace()}; see the class comment. */
    public static boolean isWhitespace(int cp) {
        return Character.isWhitespace(cp) || cp == 0x00A0 || cp == 0x2007 || cp == 0x202F || cp == 0x0085;
    }

    /** White space, or one of the invisible separators U+200B and U+FEFF: never part of a segmenter's token. */
    public static boolean isSeparator(int cp) {
        return isWhitespace(cp) || cp == 0x200B || cp == 0xFEFF;
    }

    /** The class of a BMP char (a surrogate is {@link #PUNCT}; see {@link #ofCodePoint}). */
    public static byte of(char c) {
        return block(c >>> 8)[c & 0xFF];
    }

    public static byte ofCodePoint(int cp) {
        return cp < 1 << 16 ? block(cp >>> 8)[cp & 0xFF] : classify(cp);
    }

    public static boolean isAlnum(byte cls) {
        return cls == LETTER || cls == DIGIT;
    }

    private static byte classify(int cp) {
        if (isSeparator(cp)) {
            return SPACE;
        }
        if (cp == 0x3007 || cp == 0x25CB) {
            return HAN;
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            return PUNCT;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        switch (script) {
            case HAN, HIRAGANA, KATAKANA, HANGUL, BOPOMOFO, YI, TANGUT:
                return Character.isLetter(cp) ? HAN : PUNCT;
            default:
                break;
        }
        if (Character.isDigit(cp)) {
            return DIGIT;
        }
        if (cp == 0xFE0F || cp == 0xFE0E) {
            return PUNCT; // variation selectors belong to the emoji or symbol before them, not to words
        }
        if (Character.isLetter(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
            return LETTER;
        }
        return PUNCT;
    }

    /**
     * The tokens of {@code s} split on {@linkplain #isWhitespace white space}, as Python's {@code str.split()},
     * as boundaries {@code [start0, end0, start1, end1, ...]}: the one white-space split of the library
     * (the whitespace tokenizer, SIGHAN lines, pre-tokenized Word2Vec input).
     */
    public static int[] whitespaceSpans(CharSequence s) {
        // Two passes (count, then fill) so the result is the only array made: this runs once per document
        // on the TF-IDF and Word2Vec hot paths.
        int n = s.length();
        int count = 0;
        boolean inToken = false;
        for (int i = 0; i < n; i++) {
            boolean space = isWhitespace(s.charAt(i));
            if (!space && !inToken) {
                count++;
            }
            inToken = !space;
        }
        int[] out = new int[2 * count];
        int k = 0;
        int i = 0;
        while (k < out.length) {
            while (isWhitespace(s.charAt(i))) {
                i++;
            }
            out[k++] = i;
            while (i < n && !isWhitespace(s.charAt(i))) {
                i++;
            }
            out[k++] = i;
        }
        return out;
    }

    /** Splits {@code s} on {@linkplain #isWhitespace white space} as Python's {@code str.split()}. */
    public static List<String> splitWhitespace(CharSequence s) {
        int[] spans = whitespaceSpans(s);
        String[] out = new String[spans.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.subSequence(spans[2 * i], spans[2 * i + 1]).toString();
        }
        return java.util.Arrays.asList(out);
    }

    /** {@code s} without leading and trailing {@linkplain #isWhitespace white space}, as Python's {@code str.strip()}. */
    public static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isWhitespace(s.charAt(from))) {
            from++;
        }
        while (to > from && isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    // ---- emoji ----------------------------------------------------------------------------------

    /**
     * Extended_Pictographic code points (Unicode emoji-data), as sorted inclusive ranges: the bases an
     * emoji sequence may start with and that may follow a ZWJ.
     */
    private static final int[] PICTOGRAPHIC = {
        0x00A9, 0x00A9, 0x00AE, 0x00AE, 0x203C, 0x203C, 0x2049, 0x2049, 0x2122, 0x2122, 0x2139, 0x2139,
        0x2194, 0x2199, 0x21A9, 0x21AA, 0x231A, 0x231B, 0x2328, 0x2328, 0x2388, 0x2388, 0x23CF, 0x23CF,
        0x23E9, 0x23F3, 0x23F8, 0x23FA, 0x24C2, 0x24C2, 0x25AA, 0x25AB, 0x25B6, 0x25B6, 0x25C0, 0x25C0,
        0x25FB, 0x25FE, 0x2600, 0x2605, 0x2607, 0x2612, 0x2614, 0x2685, 0x2690, 0x2705, 0x2708, 0x2712,
        0x2714, 0x2714, 0x2716, 0x2716, 0x271D, 0x271D, 0x2721, 0x2721, 0x2728, 0x2728, 0x2733, 0x2734,
        0x2744, 0x2744, 0x2747, 0x2747, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757,
        0x2763, 0x2767, 0x2795, 0x2797, 0x27A1, 0x27A1, 0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2934, 0x2935,
        0x2B05, 0x2B07, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55, 0x3030, 0x3030, 0x303D, 0x303D,
        0x3297, 0x3297, 0x3299, 0x3299, 0x1F000, 0x1F0FF, 0x1F10D, 0x1F10F, 0x1F12F, 0x1F12F,
        0x1F16C, 0x1F171, 0x1F17E, 0x1F17F, 0x1F18E, 0x1F18E, 0x1F191, 0x1F19A, 0x1F1AD, 0x1F1E5,
        0x1F201, 0x1F20F, 0x1F21A, 0x1F21A, 0x1F22F, 0x1F22F, 0x1F232, 0x1F23A, 0x1F23C, 0x1F23F,
        0x1F249, 0x1F3FA, 0x1F400, 0x1F53D, 0x1F546, 0x1F64F, 0x1F680, 0x1F6FF, 0x1F774, 0x1F77F,
        0x1F7D5, 0x1F7FF, 0x1F80C, 0x1F80F, 0x1F848, 0x1F84F, 0x1F85A, 0x1F85F, 0x1F888, 0x1F88F,
        0x1F8AE, 0x1F8FF, 0x1F90C, 0x1F93A, 0x1F93C, 0x1F945, 0x1F947, 0x1FAFF, 0x1FC00, 0x1FFFD,
    };

    /** Whether {@code cp} is Extended_Pictographic (a possible emoji base). */
    public static boolean isPictographic(int cp) {
        if (cp < 0x00A9) {
            return false;
        }
        int lo = 0;
        int hi = PICTOGRAPHIC.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cp < PICTOGRAPHIC[2 * mid]) {
                hi = mid - 1;
            } else if (cp > PICTOGRAPHIC[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static boolean isSkinTone(int cp) {
        return cp >= 0x1F3FB && cp <= 0x1F3FF;
    }

    private static boolean isTag(int cp) {
        return cp >= 0xE0020 && cp <= 0xE007F;
    }

    private static int codePointAt(char[] s, int i, int n) {
        char c = s[i];
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s[i + 1])) {
            return Character.toCodePoint(c, s[i + 1]);
        }
        return c;
    }

    /**
     * The length in chars of the emoji sequence starting at {@code s[i]} (a base with modifiers, ZWJ
     * joins, a flag or a keycap; see the class comment), or 0 when none starts there or the sequence is one
     * code point with nothing attached (callers then treat it as any other symbol).
     */
    public static int emojiSequenceLength(char[] s, int i, int n) {
        char c = s[i];
        // Fast exit for the common case: ASCII letters, Han, most punctuation.
        if (c < 0x00A9 && c != '#' && c != '*' && (c < '0' || c > '9')) {
            return 0;
        }
        if (c >= 0x3400 && c < 0xD800 || c >= 0xE000 && c < 0xFE00) {
            return 0;
        }
        if (c == '#' || c == '*' || c >= '0' && c <= '9') {
            int j = i + 1;
            if (j < n && s[j] == '\uFE0F') {
                j++;
            }
            return j < n && s[j] == '\u20E3' ? j + 1 - i : 0;
        }
        if (Character.isHighSurrogate(c) && (c < '\uD83C' || c > '\uD83E')) {
            return 0; // supplementary emoji live in U+1F000–U+1FFFF
        }
        int cp = codePointAt(s, i, n);
        int len = Character.charCount(cp);
        if (isRegionalIndicator(cp)) {
            if (i + len < n) {
                int next = codePointAt(s, i + len, n);
                if (isRegionalIndicator(next)) {
                    return len + Character.charCount(next);
                }
            }
            return 0;
        }
        if (!isPictographic(cp)) {
            return 0;
        }
        int j = i + len;
        while (true) {
            j = modifiers(s, j, n);
            if (j + 1 < n && s[j] == '\u200D') {
                int next = codePointAt(s, j + 1, n);
                if (isPictographic(next)) {
                    j += 1 + Character.charCount(next);
                    continue;
                }
            }
            break;
        }
        return j - i > len ? j - i : 0;
    }

    /** Skips the variation selector, skin tones, keycap mark and tag characters attached to an emoji. */
    private static int modifiers(char[] s, int j, int n) {
        while (j < n) {
            char c = s[j];
            if (c == '\uFE0F' || c == '\uFE0E' || c == '\u20E3') {
                j++;
                continue;
            }
            if (Character.isHighSurrogate(c)) {
                int cp = codePointAt(s, j, n);
                if (isSkinTone(cp) || isTag(cp)) {
                    j += 2;
                    continue;
                }
            }
            break;
        }
        return j;
    }
}
