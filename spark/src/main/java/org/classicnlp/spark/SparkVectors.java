package org.classicnlp.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.classicnlp.word2vec.WordVectors;

/**
 * Word vectors trained elsewhere, as {@link WordVectors}: from Spark MLlib's {@code Word2VecModel} (the
 * DataFrame API's and the RDD API's), from any DataFrame of words and vectors, or from a word2vec text or
 * binary file on any path Spark reads (HDFS, S3). The results are on the driver; ship them to a job with
 * {@link SparkModels#broadcast(SparkSession, WordVectors)} (the file loader does so already).
 */
public final class SparkVectors {

    private SparkVectors() {
    }

    /** The vectors of a DataFrame-API {@code Word2VecModel} ({@code getVectors()}: word, vector), words in code-unit order. */
    public static WordVectors fromWord2VecModel(org.apache.spark.ml.feature.Word2VecModel model) {
        return fromDataFrame(model.getVectors(), "word", "vector");
    }

    /** The vectors of an RDD-API {@code Word2VecModel}, words in code-unit order. */
    public static WordVectors fromWord2VecModel(org.apache.spark.mllib.feature.Word2VecModel model) {
        List<String> words = new ArrayList<>();
        scala.collection.Iterator<scala.Tuple2<String, float[]>> it = model.getVectors().iterator();
        List<scala.Tuple2<String, float[]>> rows = new ArrayList<>();
        while (it.hasNext()) {
            rows.add(it.next());
        }
        rows.sort(Comparator.comparing(scala.Tuple2::_1));
        int dim = rows.isEmpty() ? 0 : rows.get(0)._2().length;
        float[] m = new float[rows.size() * dim];
        for (int i = 0; i < rows.size(); i++) {
            words.add(rows.get(i)._1());
            System.arraycopy(rows.get(i)._2(), 0, m, i * dim, dim);
        }
        return WordVectors.of(words, m, dim, null);
    }

    /**
     * The vectors of a DataFrame with a string column of words and a column of vectors (a Spark ML {@code
     * Vector}, {@code array<float>} or {@code array<double>}), collected to the driver, words in code-unit order.
     *
     * @throws IllegalArgumentException when the vectors differ in length, naming the word
     */
    public static WordVectors fromDataFrame(Dataset<Row> vectors, String wordCol, String vectorCol) {
        List<Row> rows = new ArrayList<>(vectors.select(wordCol, vectorCol).collectAsList());
        rows.sort(Comparator.comparing(r -> r.getString(0)));
        List<String> words = new ArrayList<>(rows.size());
        int dim = -1;
        float[] m = null;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double[] v = values(r.get(1));
            if (dim < 0) {
                dim = v.length;
                m = new float[rows.size() * dim];
            } else if (v.length != dim) {
                throw new IllegalArgumentException("word '" + r.getString(0) + "' has a vector of " + v.length
                        + " values, expected " + dim + " as the first word's");
            }
            words.add(r.getString(0));
            for (int c = 0; c < dim; c++) {
                m[i * dim + c] = (float) v[c];
            }
        }
        if (dim <= 0) {
            throw new IllegalArgumentException("no vectors in column '" + vectorCol + "'");
        }
        return WordVectors.of(words, m, dim, null);
    }

    private static double[] values(Object cell) {
        if (cell instanceof Vector v) {
            return v.toArray();
        }
        if (cell instanceof scala.collection.Seq<?> s) {
            double[] d = new double[s.length()];
            for (int i = 0; i < d.length; i++) {
                d[i] = ((Number) s.apply(i)).doubleValue();
            }
            return d;
        }
        if (cell instanceof List<?> l) {
            double[] d = new double[l.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = ((Number) l.get(i)).doubleValue();
            }
            return d;
        }
        throw new IllegalArgumentException("vector cell of type " + (cell == null ? "null" : cell.getClass().getName())
                + ", expected a Spark ML Vector, array<float> or array<double>");
    }

    /**
     * A word2vec text or binary file (format by the name's ending or the content, as {@link WordVectors#load}
     * chooses) from any path Spark reads, broadcast to the executors.
     */
    public static WordVectors load(SparkSession spark, String path) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
        byte[] bytes;
        try {
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (InputStream in = fs.open(p)) {
                bytes = in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word vectors " + path + ": " + e.getMessage(), e);
        }
        return WordVectors.load(SparkModels.broadcast(spark, p.getName(), bytes));
    }
}
