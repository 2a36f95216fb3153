package org.classicnlp.segment;

import java.util.List;
import org.classicnlp.core.Token;

/**
 * Text to tokens. Every token's offsets point into the given text ({@code text.substring(start, end)}
 * equals the token); white space is never a token. Implementations are immutable and thread-safe.
 */
public interface Segmenter {

    List<Token> segment(String text);

    /** The surface forms of {@link #segment(String)}. */
    default List<String> words(String text) {
        List<Token> tokens = segment(text);
        String[] out = new String[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = tokens.get(i).text();
        }
        return List.of(out);
    }
}
