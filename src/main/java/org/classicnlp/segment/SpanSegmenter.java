package org.classicnlp.segment;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.classicnlp.core.Token;

/** A segmenter whose native output is spans; its tokens and words are made from them. */
abstract class SpanSegmenter implements Segmenter {

    @Override
    public abstract int[] spans(String text);

    @Override
    public List<Token> segment(String text) {
        int[] spans = spans(text);
        return MaxMatch.tokens(text, spans, spans.length / 2);
    }

    /** Straight from the spans: no tokens made on the way. */
    @Override
    public List<String> words(String text) {
        int[] spans = spans(text);
        String[] out = new String[spans.length / 2];
        for (int k = 0; k < out.length; k++) {
            out[k] = text.substring(spans[2 * k], spans[2 * k + 1]);
        }
        return Collections.unmodifiableList(Arrays.asList(out));
    }
}
