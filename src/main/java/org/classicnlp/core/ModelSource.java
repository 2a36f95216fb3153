package org.classicnlp.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the bytes of a model come from on whichever JVM needs them: a classpath resource (the shipped models,
 * or a user's model inside the job's jar), a file every machine can read (a shared file system, or a file
 * shipped with {@code spark-submit --files}), the bytes themselves (small models only: they travel in every
 * serialised copy), or a source of the caller's own such as a Spark broadcast ({@code
 * org.classicnlp.spark.SparkModels}). Serialised as this small description, never as the bytes it opens
 * (except {@link #bytes}).
 */
public interface ModelSource extends Serializable {

    /** A new stream over the model's bytes; the caller closes it. */
    InputStream open() throws IOException;

    /** What this source is, for messages; its ending ({@code .bin}, {@code .txt}, {@code .gz}) may choose a format. */
    String name();

    /** A classpath resource, by absolute name ({@code /org/classicnlp/models/pos-zh-pd98.bin}). */
    static ModelSource resource(String name) {
        String absolute = name.startsWith("/") ? name : "/" + name;
        return new Resource(absolute);
    }

    /** A file, opened by the same path on every JVM that loads it. */
    static ModelSource file(Path file) {
        return new File(file.toAbsolutePath().toString());
    }

    /** The bytes themselves (copied): each serialised copy carries them, so keep this for small models and tests. */
    static ModelSource bytes(String name, byte[] bytes) {
        return new Bytes(name, bytes.clone());
    }

    /** A classpath resource. */
    record Resource(String name) implements ModelSource {
        @Override
        public InputStream open() throws IOException {
            InputStream in = ModelSource.class.getResourceAsStream(name);
            if (in == null) {
                ClassLoader context = Thread.currentThread().getContextClassLoader();
                in = context == null ? null : context.getResourceAsStream(name.substring(1));
            }
            if (in == null) {
                throw new IOException("classpath resource " + name + " not found on this JVM's classpath");
            }
            return in;
        }
    }

    /** A file path. */
    record File(String name) implements ModelSource {
        @Override
        public InputStream open() throws IOException {
            Path p = Path.of(name);
            if (!Files.isReadable(p)) {
                throw new IOException("model file " + name + " is not readable on this machine (a file source"
                        + " needs the same path on every executor: a shared file system, or use a broadcast)");
            }
            return Files.newInputStream(p);
        }
    }

    /** Bytes held in the source itself. */
    record Bytes(String name, byte[] bytes) implements ModelSource {
        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public String toString() {
            return "Bytes[" + name + ", " + bytes.length + " bytes]";
        }
    }

    /** All of {@code source}'s bytes. */
    static byte[] readAll(ModelSource source) {
        try (InputStream in = source.open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + source.name() + ": " + e.getMessage(), e);
        }
    }
}
