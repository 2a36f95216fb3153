package org.classicnlp.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * The shared part of the {@code Dataset<Row>} transformers: read a string column, add one column computed from
 * it, partition by partition. The component (segmenter, analyzer, embedder) travels in the task closure as its
 * small serialised form and resolves on the executor to the one instance of that JVM ({@link
 * org.classicnlp.core.ModelCache}): nothing is loaded per record or per task.
 */
abstract class TextColumns implements Serializable {

    private static final long serialVersionUID = 1L;
    final String inputCol;
    final String outputCol;

    TextColumns(String inputCol, String outputCol) {
        this.inputCol = Objects.requireNonNull(inputCol, "inputCol");
        this.outputCol = Objects.requireNonNull(outputCol, "outputCol");
    }

    /** The type of the added column. */
    abstract DataType outputType();

    /** The per-partition function from a text (null for a null cell) to the added cell's value. */
    abstract Function<String, Object> cell();

    /** {@code rows} with the output column added after the others; null texts give null cells. */
    public Dataset<Row> transform(Dataset<Row> rows) {
        StructType in = rows.schema();
        int col;
        try {
            col = in.fieldIndex(inputCol);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no column '" + inputCol + "' in " + in.simpleString());
        }
        if (java.util.Arrays.asList(in.fieldNames()).contains(outputCol)) {
            throw new IllegalArgumentException("column '" + outputCol + "' exists already in " + in.simpleString());
        }
        StructType out = in.add(outputCol, outputType(), true);
        TextColumns self = this;
        JavaRDD<Row> mapped = rows.javaRDD().mapPartitions(it -> {
            Function<String, Object> f = self.cell();
            return new Iterator<Row>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Row next() {
                    Row r = it.next();
                    Object[] values = new Object[r.length() + 1];
                    for (int i = 0; i < r.length(); i++) {
                        values[i] = r.get(i);
                    }
                    String text = r.isNullAt(col) ? null : r.getString(col);
                    try {
                        values[r.length()] = text == null ? null : f.call(text);
                    } catch (Exception e) {
                        throw new IllegalStateException("column '" + self.inputCol + "': " + e.getMessage(), e);
                    }
                    return RowFactory.create(values);
                }
            };
        });
        return rows.sparkSession().createDataFrame(mapped, out);
    }

    static <T> List<T> list(int n) {
        return new ArrayList<>(n);
    }

    /** An array cell as Spark's row encoder takes it: a Scala sequence. */
    static <T> scala.collection.immutable.Seq<T> seq(List<T> values) {
        return scala.jdk.javaapi.CollectionConverters.asScala(values).toList();
    }
}
