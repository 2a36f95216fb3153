package org.classicnlp.lexicon;

/** Character normalizations that keep the text length, so offsets stay valid. */
public final class CharNormalizer {

    private CharNormalizer() {
    }

    /**
     * Full-width ASCII variants (U+FF01–U+FF5E) to ASCII, and the ideographic space to a space. Chinese
     * text mixes {@code １９９８} and {@code 1998}; folding makes them one word for lookups.
     */
    public static char foldWidth(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        return c == '\u3000' ? ' ' : c;
    }

    public static String foldWidth(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (foldWidth(c) != c) {
                char[] out = s.toCharArray();
                foldWidth(out, 0, out.length);
                return new String(out);
            }
        }
        return s;
    }

    /** Folds {@code chars[from, to)} in place. */
    public static void foldWidth(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            chars[i] = foldWidth(chars[i]);
        }
    }
}
