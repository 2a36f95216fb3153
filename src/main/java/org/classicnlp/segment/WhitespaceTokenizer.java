package org.classicnlp.segment;

import java.util.List;
import org.classicnlp.core.CharClass;
import org.classicnlp.core.Token;

/**
 * Splits on {@linkplain CharClass#isWhitespace white space} only, exactly as Python's {@code str.split()}:
 * for pre-tokenized text (SIGHAN output, normalized corpora).
 */
public final class WhitespaceTokenizer implements Segmenter, java.io.Serializable {

    public static final WhitespaceTokenizer INSTANCE = new WhitespaceTokenizer();

    private WhitespaceTokenizer() {
    }

    /** Stateless: a deserialised copy is the one instance. */
    private Object readResolve() {
        return INSTANCE;
    }

    @Override
    public List<Token> segment(String text) {
        int[] spans = spans(text);
        Token[] tokens = new Token[spans.length / 2];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = Token.of(text, spans[2 * i], spans[2 * i + 1]);
        }
        return List.of(tokens);
    }

    /** Straight from the characters: no token objects (the TF-IDF and Word2Vec hot paths call this). */
    @Override
    public int[] spans(String text) {
        return CharClass.whitespaceSpans(text);
    }

    @Override
    public List<String> words(String text) {
        return CharClass.splitWhitespace(text);
    }

    /** White space as this tokenizer splits on it: {@link CharClass#isWhitespace}, the one definition. */
    public static boolean isSpace(char c) {
        return CharClass.isWhitespace(c);
    }
}
