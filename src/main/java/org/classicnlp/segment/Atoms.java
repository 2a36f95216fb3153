package org.classicnlp.segment;

import java.util.Locale;
import java.util.Set;
import org.classicnlp.core.CharClass;

/**
 * Splits width-folded text into atoms, the units no dictionary match may break: one Han character
 * (a surrogate pair counts as one), an emoji sequence ({@link CharClass#emojiSequenceLength}: a base with
 * skin tone, VS16 and ZWJ joins, a flag, a keycap), or one English-style token found by the rules below.
 * White space and the invisible separators ({@link CharClass#isSeparator}) belong to no atom.
 *
 * <p>English rules: URLs ({@code http://…}, {@code www.…}), e-mail addresses, numbers with decimal
 * points and thousands separators ({@code 2.0}, {@code 3,000}), words of letters and digits joined by
 * inner hyphens, dots or apostrophes ({@code state-of-the-art}, {@code example.com}, {@code O'Neil}),
 * abbreviations ({@code U.S.}, {@code Mr.}), PTB clitics split off ({@code do n't}, {@code it 's}),
 * runs of dots or dashes as one token, every other symbol alone.
 */
final class Atoms {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "corp",
            "no", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "dept", "gen", "gov", "sen", "rep", "rev", "mt", "ft", "approx", "est");
    private static final String[] CLITICS = {"n't", "'s", "'re", "'ve", "'ll", "'d", "'m"};

    private Atoms() {
    }

    /**
     * Fills {@code atomLength[i]} with the atom length at each atom start, 0 inside atoms and -1 at
     * white space, and sets {@code boundary[k]} for every atom start and end (arrays sized n and n+1).
     */
    static void scan(char[] f, int n, int[] atomLength, boolean[] boundary) {
        java.util.Arrays.fill(boundary, 0, n + 1, false);
        int i = 0;
        while (i < n) {
            char c = f[i];
            byte cls = CharClass.of(c);
            int len;
            if (cls == CharClass.SPACE) {
                atomLength[i] = -1;
                boundary[i] = true;
                i++;
                continue;
            }
            int emoji = CharClass.emojiSequenceLength(f, i, n);
            if (emoji > 0) {
                len = emoji;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(f[i + 1])) {
                int cp = Character.toCodePoint(c, f[i + 1]);
                byte k = CharClass.ofCodePoint(cp);
                len = k == CharClass.HAN || k == CharClass.PUNCT || k == CharClass.SPACE ? 2 : english(f, i, n);
            } else if (cls == CharClass.HAN) {
                len = 1;
            } else {
                len = english(f, i, n);
            }
            atomLength[i] = len;
            for (int k = i + 1; k < i + len; k++) {
                atomLength[k] = 0;
            }
            boundary[i] = true;
            boundary[i + len] = true;
            i += len;
        }
        boundary[n] = true;
    }

    /** Length of the English-style token starting at {@code i} (a non-space, non-Han char). */
    static int english(char[] f, int i, int n) {
        char c = f[i];
        if (c < 128) {
            int plain = plainWord(f, i, n);
            if (plain > 0) {
                return plain;
            }
        }
        byte cls = cls(f, i, n);
        if (CharClass.isAlnum(cls)) {
            int url = url(f, i, n);
            if (url > 0) {
                return url;
            }
            int email = email(f, i, n);
            if (email > 0) {
                return email;
            }
            return word(f, i, n);
        }
        if ((c == '\'' || c == '\u2019') && i + 1 < n) {
            int clitic = clitic(f, i, n);
            if (clitic > 0) {
                return clitic;
            }
        }
        if ((c == '-' || c == '+') && i + 1 < n && cls(f, i + 1, n) == CharClass.DIGIT
                && (i == 0 || !CharClass.isAlnum(cls(f, i - 1, n)))) {
            return 1 + word(f, i + 1, n);
        }
        if (c == '.' || c == '-' || c == '\u2014' || c == '\u2026' || c == '\u2500' || c == '~' || c == '=' || c == '*') {
            int j = i + 1;
            while (j < n && f[j] == c) {
                j++;
            }
            return j - i;
        }
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(f[i + 1])) {
            return 2;
        }
        return 1;
    }

    /**
     * The common case in one short loop: a run of ASCII letters and digits ended by the end of the text, white
     * space or a mark that none of the rules joins to the run or reads after it (not {@code . - _ / ' @ % + :},
     * no char above ASCII, a comma only after a letter); the token is then the run itself, exactly as the URL,
     * e-mail, word, clitic and abbreviation rules would find. 0 when those rules must decide. It also keeps
     * the rare paths out of the JIT's hot code.
     */
    private static int plainWord(char[] f, int i, int n) {
        int j = i;
        while (j < n && f[j] < 128 && CharClass.isAlnum(CharClass.of(f[j]))) {
            j++;
        }
        if (j == i || j == n) {
            return j - i;
        }
        char c = f[j];
        if (c >= 128) {
            return 0; // a letter carries the word on, U+2019 may start a clitic, ...
        }
        return switch (c) {
            case '.', '-', '_', '/', '\'', '@', '%', '+', ':' -> 0;
            case ',' -> CharClass.of(f[j - 1]) == CharClass.LETTER ? j - i : 0; // "3,000" joins
            default -> j - i;
        };
    }

    private static byte cls(char[] f, int i, int n) {
        char c = f[i];
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(f[i + 1])) {
            return CharClass.ofCodePoint(Character.toCodePoint(c, f[i + 1]));
        }
        return CharClass.of(c);
    }

    private static boolean alnumAt(char[] f, int i, int n) {
        return i < n && CharClass.isAlnum(cls(f, i, n));
    }

    private static int step(char[] f, int i, int n) {
        return Character.isHighSurrogate(f[i]) && i + 1 < n && Character.isLowSurrogate(f[i + 1]) ? 2 : 1;
    }

    /** A word: alnum run with inner joins; clitics split off; abbreviations keep their dots. */
    private static int word(char[] f, int i, int n) {
        int j = i;
        int lastApostrophe = -1;
        while (j < n) {
            if (alnumAt(f, j, n)) {
                j += step(f, j, n);
                continue;
            }
            char c = f[j];
            boolean prevDigit = j > i && cls(f, j - 1, n) == CharClass.DIGIT;
            if (c == ',' && prevDigit && thousandsGroup(f, j + 1, n)) {
                j++;
                continue;
            }
            if ((c == '.' || c == '-' || c == '_' || c == '/' && prevDigit && j + 1 < n && cls(f, j + 1, n) == CharClass.DIGIT)
                    && alnumAt(f, j + 1, n)) {
                if (c == '.' && !prevDigit && singleLetterBefore(f, i, j)) {
                    break; // "U.S." is handled as an abbreviation below
                }
                j++;
                continue;
            }
            if ((c == '\'' || c == '\u2019') && alnumAt(f, j + 1, n) && cls(f, j - 1, n) == CharClass.LETTER) {
                lastApostrophe = j;
                j++;
                continue;
            }
            break;
        }
        // PTB clitics: "don't" -> "do" + "n't", "it's" -> "it" + "'s".
        // The lowercased word is made only when a rule below can use it (an apostrophe second to last, an
        // inner apostrophe, a dot after): most words need no String at all.
        int len = j - i;
        boolean apostropheBeforeLast = len > 3 && (f[j - 2] == '\'' || f[j - 2] == '\u2019');
        boolean dotAfter = j < n && f[j] == '.';
        if (!apostropheBeforeLast && lastApostrophe <= 0 && !dotAfter) {
            return len;
        }
        String lower = new String(f, i, len).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        if (lower.endsWith("n't") && len > 3 && lower.indexOf('\'') == len - 2) {
            return len - 3;
        }
        if (lastApostrophe > 0 && lower.indexOf('\'') == lastApostrophe - i) {
            String suffix = lower.substring(lastApostrophe - i);
            for (String clitic : CLITICS) {
                if (suffix.equals(clitic)) {
                    return lastApostrophe - i;
                }
            }
        }
        // Abbreviations: "U.S.", "e.g.", "Mr."
        if (j < n && f[j] == '.') {
            if (len == 1 && CharClass.of(f[i]) == CharClass.LETTER) {
                int k = j + 1;
                while (k + 1 < n && CharClass.of(f[k]) == CharClass.LETTER && f[k + 1] == '.') {
                    k += 2;
                }
                if (k > j + 1) {
                    return k - i;
                }
            }
            if (ABBREVIATIONS.contains(lower)) {
                return len + 1;
            }
        }
        return len;
    }

    private static boolean singleLetterBefore(char[] f, int start, int dot) {
        return dot - start == 1 && CharClass.of(f[start]) == CharClass.LETTER;
    }

    private static boolean thousandsGroup(char[] f, int j, int n) {
        for (int k = 0; k < 3; k++) {
            if (j + k >= n || CharClass.of(f[j + k]) != CharClass.DIGIT) {
                return false;
            }
        }
        return j + 3 >= n || CharClass.of(f[j + 3]) != CharClass.DIGIT;
    }

    private static int clitic(char[] f, int i, int n) {
        for (String clitic : CLITICS) {
            if (clitic.charAt(0) != '\'') {
                continue;
            }
            int len = clitic.length();
            if (i + len <= n && regionMatchesIgnoreCase(f, i + 1, clitic, 1, len - 1)
                    && (i + len == n || !CharClass.isAlnum(cls(f, i + len, n)))
                    && i > 0 && CharClass.of(f[i - 1]) == CharClass.LETTER) {
                return len;
            }
        }
        return 0;
    }

    private static boolean regionMatchesIgnoreCase(char[] f, int from, String s, int sFrom, int len) {
        for (int k = 0; k < len; k++) {
            if (Character.toLowerCase(f[from + k]) != s.charAt(sFrom + k)) {
                return false;
            }
        }
        return true;
    }

    private static int url(char[] f, int i, int n) {
        char first = f[i];
        // every prefix starts with h, f or w, and only those letters (either case) lowercase to them
        if (first != 'h' && first != 'H' && first != 'f' && first != 'F' && first != 'w' && first != 'W') {
            return 0;
        }
        int prefix;
        if (startsWith(f, i, n, "http://")) {
            prefix = 7;
        } else if (startsWith(f, i, n, "https://")) {
            prefix = 8;
        } else if (startsWith(f, i, n, "ftp://")) {
            prefix = 6;
        } else if (startsWith(f, i, n, "www.")) {
            prefix = 4;
        } else {
            return 0;
        }
        int j = i + prefix;
        while (j < n && isUrlChar(f[j])) {
            j++;
        }
        // Trailing sentence punctuation is not part of the URL.
        while (j > i + prefix && ".,;:!?)]}'\"".indexOf(f[j - 1]) >= 0) {
            j--;
        }
        return j > i + prefix ? j - i : 0;
    }

    private static boolean isUrlChar(char c) {
        return c < 128 && (asciiAlnum(c) || "-._~:/?#[]@!$&'()*+,;=%".indexOf(c) >= 0);
    }

    /** {@link Character#isLetterOrDigit} for a char below 128 (ASCII has no other letters or digits), without its table walk. */
    private static boolean asciiAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean startsWith(char[] f, int i, int n, String s) {
        return i + s.length() <= n && regionMatchesIgnoreCase(f, i, s, 0, s.length());
    }

    private static int email(char[] f, int i, int n) {
        int j = i;
        while (j < n && f[j] < 128 && (asciiAlnum(f[j]) || "._%+-".indexOf(f[j]) >= 0)) {
            j++;
        }
        if (j == i || j >= n || f[j] != '@') {
            return 0;
        }
        int at = j++;
        while (j < n && f[j] < 128 && (asciiAlnum(f[j]) || f[j] == '-' || f[j] == '.')) {
            j++;
        }
        while (j > at && f[j - 1] == '.') {
            j--;
        }
        int lastDot = -1;
        for (int k = at + 1; k < j; k++) {
            if (f[k] == '.') {
                lastDot = k;
            }
        }
        if (lastDot <= at + 1 || lastDot >= j - 1) {
            return 0;
        }
        return j - i;
    }
}
