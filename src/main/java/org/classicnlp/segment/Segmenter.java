package org.classicnlp.segment;

import java.util.List;
import org.classicnlp.core.Token;

/**
 * Text to tokens. Every token's offsets point into the given text ({@code text.substring(start, end)}
 * equals the token); white space is never a token. Implementations are immutable and thread-safe.
 */
public interface Segmenter {

    List<Token> segment(String text);

    /**
     * The token boundaries of {@link #segment(String)} as {@code [start0, end0, start1, end1, ...]}, for
     * callers that only copy characters out (the CLI): segmenters override it to skip making tokens.
     */
    default int[] spans(String text) {
        List<Token> tokens = segment(text);
        int[] out = new int[2 * tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            out[2 * i] = tokens.get(i).start();
            out[2 * i + 1] = tokens.get(i).end();
        }
        return out;
    }

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
