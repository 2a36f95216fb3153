package org.classicnlp.core;

import java.util.List;
import java.util.Objects;

/**
 * A segmented (and possibly tagged) sentence from an annotated corpus: {@code text} is the words
 * concatenated without separators, and each token's offsets point into it.
 */
public record Sentence(String id, String text, List<Token> tokens) {

    public Sentence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        tokens = List.copyOf(tokens);
    }

    /** Builds a sentence from its words (and tags, or {@code null}), computing text and offsets. */
    public static Sentence ofWords(String id, List<String> words, List<String> tags) {
        if (tags != null && tags.size() != words.size()) {
            throw new IllegalArgumentException("words and tags differ in length");
        }
        StringBuilder text = new StringBuilder();
        Token[] tokens = new Token[words.size()];
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            int start = text.length();
            text.append(w);
            tokens[i] = new Token(w, start, text.length(), tags == null ? null : tags.get(i));
        }
        return new Sentence(id, text.toString(), List.of(tokens));
    }

    /** The surface forms of the tokens. */
    public List<String> words() {
        return tokens.stream().map(Token::text).toList();
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }
}
