package org.classicnlp.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.classicnlp.core.ModelRef;
import org.classicnlp.core.ModelSource;
import org.classicnlp.tfidf.TfidfModel;
import org.classicnlp.word2vec.Word2VecFormat;
import org.classicnlp.word2vec.WordVectors;

/**
 * Ships a model that exists only on the driver (fitted there, or read from a path the executors cannot see)
 * as a Spark broadcast of its saved bytes. The returned model serialises as a {@link ModelRef} over the
 * broadcast (a few hundred bytes in every task); each executor fetches the bytes once and loads the model
 * once per JVM, keyed by their hash ({@link org.classicnlp.core.ModelCache}).
 *
 * <p>The other way needs no broadcast: a model in the job's jar ({@link ModelRef#resource}) or on a path
 * every executor can read ({@link ModelRef#file}) ships as that reference and is read on the executor.
 */
public final class SparkModels {

    private SparkModels() {
    }

    /** The bytes of a model, broadcast, as a reference; {@code name} names it in messages (and its ending may choose a format). */
    public static ModelRef broadcast(SparkSession spark, String name, byte[] bytes) {
        Broadcast<byte[]> b = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(bytes);
        return ModelRef.of(new BroadcastSource(name, b), ModelRef.sha256(bytes));
    }

    /** {@code model} shipped as a broadcast of its saved bytes; use the returned copy in the job. */
    public static TfidfModel broadcast(SparkSession spark, TfidfModel model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        model.save(out);
        return TfidfModel.load(broadcast(spark, "broadcast.tfidf", out.toByteArray()));
    }

    /** {@code vectors} shipped as a broadcast of their word2vec binary form; use the returned copy in the job. */
    public static WordVectors broadcast(SparkSession spark, WordVectors vectors) {
        try {
            Path tmp = Files.createTempFile("classicnlp-vectors-", ".bin");
            try {
                vectors.save(tmp, Word2VecFormat.BINARY);
                return WordVectors.load(broadcast(spark, "broadcast-vectors.bin", Files.readAllBytes(tmp)));
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the vectors for broadcasting: " + e.getMessage(), e);
        }
    }

    /** Model bytes held in a Spark broadcast: serialises as the broadcast's handle, not the bytes. */
    record BroadcastSource(String name, Broadcast<byte[]> bytes) implements ModelSource {
        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes.value());
        }
    }
}
