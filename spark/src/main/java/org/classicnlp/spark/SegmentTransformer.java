package org.classicnlp.spark;

import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.classicnlp.segment.Segmenter;
import org.classicnlp.segment.Segmenters;

/**
 * Segments a text column into an {@code array<string>} column of words: the words {@code segment} prints for
 * each line (surface forms, white space never a word).
 *
 * <pre>
 * Dataset&lt;Row&gt; words = new SegmentTransformer("text", "words", Segmenters.standard()).transform(df);
 * </pre>
 */
public final class SegmentTransformer extends TextColumns {

    private static final long serialVersionUID = 1L;
    private final Segmenter segmenter;

    /**
     * @param segmenter a built-in segmenter ({@link Segmenters#byName}), or one made by {@link
     *                  Segmenters#shipped}; either ships as a name and loads once per executor JVM
     */
    public SegmentTransformer(String inputCol, String outputCol, Segmenter segmenter) {
        super(inputCol, outputCol);
        this.segmenter = segmenter;
    }

    /** The standard segmenter ({@link Segmenters#standard()}), reading {@code text} into {@code words}. */
    public SegmentTransformer() {
        this("text", "words", Segmenters.standard());
    }

    @Override
    DataType outputType() {
        return DataTypes.createArrayType(DataTypes.StringType, false);
    }

    @Override
    Function<String, Object> cell() {
        Segmenter s = segmenter;
        return text -> {
            List<String> w = s.words(text);
            return seq(w);
        };
    }
}
