package org.classicnlp.segment;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.classicnlp.core.Token;

/**
 * A segmenter whose native output is spans over the working arrays of {@link MaxMatch.Work}; its spans,
 * tokens and words of a text are all made here from {@link #spans(MaxMatch.Work, int[])}.
 */
abstract class SpanSegmenter implements Segmenter, java.io.Serializable {

    /** The {@link Segmenters#byName} name this instance was made under, or null for one built from custom parts. */
    private volatile String builtinName;

    /** Marks this instance as the built-in {@code name} (set once, by {@link Segmenters}, before it is shared). */
    SpanSegmenter builtin(String name) {
        this.builtinName = name;
        return this;
    }

    /**
     * A built-in segmenter serialises as its name and resolves, once per JVM, to {@link Segmenters#byName};
     * one built from custom dictionaries or models ships through {@link Segmenters#shipped}.
     */
    Object writeReplace() throws java.io.ObjectStreamException {
        String name = builtinName;
        if (name == null) {
            throw new java.io.NotSerializableException(getClass().getSimpleName() + " built from custom dictionaries"
                    + " or models has no name to ship by; wrap its construction in Segmenters.shipped(key, factory)");
        }
        return new org.classicnlp.core.ModelCache.Proxy("segmenter", name, () -> Segmenters.byName(name));
    }

    /** Working arrays for one text: mixed-text atoms over width-folded text unless a subclass says otherwise. */
    MaxMatch.Work work(String text) {
        return new MaxMatch.Work(text);
    }

    /** Writes the spans of {@code w}'s text into {@code spans} (room for one per char) in text order; returns their count. */
    abstract int spans(MaxMatch.Work w, int[] spans);

    @Override
    public final int[] spans(String text) {
        MaxMatch.Work w = work(text);
        int[] spans = MaxMatch.newSpans(w.n);
        return Arrays.copyOf(spans, 2 * spans(w, spans));
    }

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
