package org.classicnlp.segment;

import java.io.Serializable;
import java.util.List;
import org.classicnlp.core.ModelCache;
import org.classicnlp.core.Token;

/**
 * A segmenter that serialises as a key and the factory that builds it ({@link Segmenters#shipped}); the
 * segmenter itself is built once per JVM, on first use.
 */
final class ShippedSegmenter implements Segmenter, Serializable {

    private static final long serialVersionUID = 1L;
    private final String key;
    private final ModelCache.Loader<Segmenter> factory;
    private transient volatile Segmenter delegate;

    ShippedSegmenter(String key, ModelCache.Loader<Segmenter> factory) {
        this.key = java.util.Objects.requireNonNull(key, "key");
        this.factory = java.util.Objects.requireNonNull(factory, "factory");
    }

    private Segmenter delegate() {
        Segmenter d = delegate;
        if (d == null) {
            d = ModelCache.get("segmenter", "shipped:" + key, factory);
            delegate = d;
        }
        return d;
    }

    @Override
    public List<Token> segment(String text) {
        return delegate().segment(text);
    }

    @Override
    public int[] spans(String text) {
        return delegate().spans(text);
    }

    @Override
    public List<String> words(String text) {
        return delegate().words(text);
    }

    @Override
    public String toString() {
        return "Segmenters.shipped(" + key + ")";
    }
}
