package org.classicnlp.segment;

/**
 * Coarse character classes for segmentation, looked up in a table for the BMP. Han covers CJK
 * ideographs (all extensions), {@code 〇} and {@code ○} (used as zero in Chinese dates), kana and
 * Hangul: scripts that dictionaries segment character by character.
 */
final class CharClass {

    static final byte SPACE = 0;
    static final byte HAN = 1;
    static final byte LETTER = 2;
    static final byte DIGIT = 3;
    static final byte PUNCT = 4;

    private static final byte[] BMP = new byte[1 << 16];

    static {
        for (int c = 0; c < BMP.length; c++) {
            BMP[c] = classify(c);
        }
    }

    private CharClass() {
    }

    static byte of(char c) {
        return BMP[c];
    }

    static byte ofCodePoint(int cp) {
        return cp < BMP.length ? BMP[cp] : classify(cp);
    }

    private static byte classify(int cp) {
        if (Character.isWhitespace(cp) || cp == 0x00A0 || cp == 0x3000 || cp == 0xFEFF || cp == 0x200B) {
            return SPACE;
        }
        if (cp == 0x3007 || cp == 0x25CB) {
            return HAN;
        }
        if (Character.isSurrogate((char) Math.min(cp, 0xFFFF)) && cp <= 0xFFFF) {
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
        if (Character.isLetter(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
            return LETTER;
        }
        return PUNCT;
    }

    static boolean isAlnum(byte cls) {
        return cls == LETTER || cls == DIGIT;
    }
}
