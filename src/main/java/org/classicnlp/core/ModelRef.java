package org.classicnlp.core;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A reference to a saved model: where its bytes are ({@link ModelSource}) and the SHA-256 of those bytes.
 * What a model serialises as (Java serialisation, and so Spark closures and broadcasts): a JVM that reads it
 * back loads the model from the source once and shares it, keyed by the hash ({@link ModelCache}), and
 * checks that the bytes it read have that hash.
 *
 * <p>The hash is computed on first need (serialising the reference, or loading through it), so a shipped
 * model that is only used locally never reads its bytes twice.
 */
public final class ModelRef implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ModelSource source;
    private volatile String sha256;

    private ModelRef(ModelSource source, String sha256) {
        this.source = Objects.requireNonNull(source, "source");
        this.sha256 = sha256;
    }

    /** A reference to {@code source}; its hash is computed from its bytes on first need. */
    public static ModelRef of(ModelSource source) {
        return new ModelRef(source, null);
    }

    /**
     * A reference whose hash the caller already knows (for example the driver that broadcast the bytes);
     * loading checks it.
     */
    public static ModelRef of(ModelSource source, String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits, got '" + sha256 + "'");
        }
        return new ModelRef(source, sha256);
    }

    /** A classpath resource, by absolute name. */
    public static ModelRef resource(String name) {
        return of(ModelSource.resource(name));
    }

    /** A file every JVM that loads the model can read at the same path. */
    public static ModelRef file(Path file) {
        return of(ModelSource.file(file));
    }

    /** The bytes themselves: small models and tests only (every serialised copy carries them). */
    public static ModelRef bytes(String name, byte[] bytes) {
        return new ModelRef(ModelSource.bytes(name, bytes), sha256(bytes));
    }

    public ModelSource source() {
        return source;
    }

    /** The source's name, for messages and format choice. */
    public String name() {
        return source.name();
    }

    /** The SHA-256 of the model's bytes, lowercase hex (reads the source once, on first call). */
    public String sha256() {
        String h = sha256;
        if (h == null) {
            h = sha256(ModelSource.readAll(source));
            sha256 = h;
        }
        return h;
    }

    /**
     * The model's bytes, checked against the hash.
     *
     * @throws ModelFormatException naming the source when the bytes differ from the ones referenced
     */
    public byte[] bytes() {
        byte[] b = ModelSource.readAll(source);
        String actual = sha256(b);
        String expected = sha256;
        if (expected == null) {
            sha256 = actual;
        } else if (!expected.equals(actual)) {
            throw new ModelFormatException(source.name(), "content hash sha256:" + actual.substring(0, 16)
                    + "…, expected sha256:" + expected.substring(0, 16) + "… (the model changed after it was"
                    + " referenced, or this machine has another copy)");
        }
        return b;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Serialised with its hash, so that the receiving JVM keys its cache by content. */
    private void writeObject(ObjectOutputStream out) throws IOException {
        sha256();
        out.defaultWriteObject();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelRef r && r.sha256().equals(sha256());
    }

    @Override
    public int hashCode() {
        return sha256().hashCode();
    }

    @Override
    public String toString() {
        String h = sha256;
        return "ModelRef[" + source.name() + (h == null ? "" : ", sha256:" + h.substring(0, 12)) + "]";
    }
}
