package org.classicnlp.spark;

import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.Token;

/**
 * Analyzes (segments and tags) a text column into an {@code array<struct<text string, norm string, tag string,
 * start int, end int>>} column: the tokens {@link Analyzer#analyze(String)} keeps, offsets into the text.
 *
 * <pre>
 * Dataset&lt;Row&gt; tagged = new TagTransformer("text", "tokens", Taggers.chineseAnalyzer(List.of())).transform(df);
 * </pre>
 */
public final class TagTransformer extends TextColumns {

    private static final long serialVersionUID = 1L;
    static final StructType TOKEN = new StructType().add("text", DataTypes.StringType, false)
            .add("norm", DataTypes.StringType, false).add("tag", DataTypes.StringType, true)
            .add("start", DataTypes.IntegerType, false).add("end", DataTypes.IntegerType, false);
    private final Analyzer analyzer;

    /** @param analyzer the chain to run (with a tagger for tags: {@code Taggers.chineseAnalyzer}, {@code Taggers.englishAnalyzer}) */
    public TagTransformer(String inputCol, String outputCol, Analyzer analyzer) {
        super(inputCol, outputCol);
        this.analyzer = analyzer;
    }

    @Override
    DataType outputType() {
        return DataTypes.createArrayType(TOKEN, false);
    }

    @Override
    Function<String, Object> cell() {
        Analyzer a = analyzer;
        return text -> {
            List<Token> tokens = a.analyze(text);
            List<Row> out = list(tokens.size());
            for (Token t : tokens) {
                out.add(RowFactory.create(t.text(), t.norm(), t.tag(), t.start(), t.end()));
            }
            return seq(out);
        };
    }
}
