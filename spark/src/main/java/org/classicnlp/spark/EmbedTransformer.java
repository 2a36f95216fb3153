package org.classicnlp.spark;

import org.apache.spark.api.java.function.Function;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.types.DataType;
import org.classicnlp.core.DenseVector;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.FeatureVector;
import org.classicnlp.core.SparseVector;

/**
 * Embeds a text column into a Spark ML {@code Vector} column (dense for word-vector embedders, sparse for
 * TF-IDF), ready for MLlib. The embedder ships as its configuration plus model references: {@code
 * MeanEmbedder}, {@code SifEmbedder}, {@code TfidfWeightedEmbedder} over vectors loaded through a {@code
 * ModelRef} or {@link SparkModels#broadcast}, or a {@code TfidfModel} itself.
 */
public final class EmbedTransformer extends TextColumns {

    private static final long serialVersionUID = 1L;
    private final Embedder embedder;

    public EmbedTransformer(String inputCol, String outputCol, Embedder embedder) {
        super(inputCol, outputCol);
        this.embedder = embedder;
    }

    @Override
    DataType outputType() {
        return SQLDataTypes.VectorType();
    }

    @Override
    Function<String, Object> cell() {
        Embedder e = embedder;
        return text -> toSpark(e.embed(text));
    }

    /** A ClassicNLP vector as a Spark ML vector (values as doubles). */
    public static org.apache.spark.ml.linalg.Vector toSpark(FeatureVector v) {
        if (v instanceof SparseVector s) {
            return Vectors.sparse(s.dimension(), s.indices(), s.values());
        }
        float[] f = ((DenseVector) v).toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return Vectors.dense(d);
    }
}
