package org.classicnlp.segment;

import java.util.ArrayList;
import java.util.List;
import org.classicnlp.core.Token;

/** Splits on white space only: for pre-tokenized text (SIGHAN output, normalized corpora). */
public final class WhitespaceTokenizer implements Segmenter {

    public static final WhitespaceTokenizer INSTANCE = new WhitespaceTokenizer();

    private WhitespaceTokenizer() {
    }

    @Override
    public List<Token> segment(String text) {
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                tokens.add(new Token(text.substring(start, i), start, i));
            }
        }
        return tokens;
    }

    @Override
    public List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (Token t : segment(text)) {
            words.add(t.text());
        }
        return words;
    }

    /**
     * White space as Python's {@code str.isspace()} and the regex {@code \s} (so splitting here equals
     * {@code str.split()} and scikit-learn's {@code token_pattern=r"(?u)\S+"}): Java's white space plus the
     * no-break spaces U+00A0, U+2007, U+202F and NEL U+0085.
     */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u0085';
    }
}
