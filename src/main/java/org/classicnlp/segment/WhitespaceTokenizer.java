package org.classicnlp.segment;

import java.util.ArrayList;
import java.util.List;
import org.classicnlp.core.CharClass;
import org.classicnlp.core.Token;

/**
 * Splits on {@linkplain CharClass#isWhitespace white space} only, exactly as Python's {@code str.split()}:
 * for pre-tokenized text (SIGHAN output, normalized corpora).
 */
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

    /** White space as this tokenizer splits on it: {@link CharClass#isWhitespace}, the one definition. */
    public static boolean isSpace(char c) {
        return CharClass.isWhitespace(c);
    }
}
