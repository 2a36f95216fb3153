package org.classicnlp.segment;

import org.classicnlp.core.ModelFormatException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * The container shared by the statistical segmenter models. Layout (big-endian, {@link DataOutputStream}):
 *
 * <pre>
 * bytes 0-7   magic "CNLPSEGM"
 * bytes 8-11  int format version (currently 1)
 * byte  12    kind: 1 = HMM ({@link HmmModel}), 2 = hybrid ({@link HybridModel}: HMM + word counts)
 * bytes 13-   gzip stream of the body, which ends with the int 0x454E4421 ("END!")
 * </pre>
 *
 * The body layouts are documented on {@link HmmModel} and {@link HybridModel}. gzip's CRC and the end
 * marker catch truncated and corrupted files.
 */
final class ModelFiles {

    static final byte[] MAGIC = "CNLPSEGM".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final byte KIND_HMM = 1;
    static final byte KIND_HYBRID = 2;
    static final int END_MARKER = 0x454E4421;

    private ModelFiles() {
    }

    static String kindName(int kind) {
        return switch (kind) {
            case KIND_HMM -> "hmm";
            case KIND_HYBRID -> "hybrid";
            default -> "unknown kind " + kind;
        };
    }

    /** Writes header and a gzip body; {@code body} writes the body without the end marker. */
    static void write(Path file, byte kind, BodyWriter body) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                DataOutputStream header = new DataOutputStream(raw);
                header.write(MAGIC);
                header.writeInt(VERSION);
                header.writeByte(kind);
                header.flush();
                GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
                DataOutputStream out = new DataOutputStream(gz);
                body.write(out);
                out.writeInt(END_MARKER);
                out.flush();
                gz.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model " + file + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    interface BodyWriter {
        void write(DataOutputStream out) throws IOException;
    }

    @FunctionalInterface
    interface BodyReader<T> {
        T read(DataInputStream in, int kind) throws IOException;
    }

    static <T> T read(Path file, BodyReader<T> body) {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("model file not found: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open model " + file + ": " + e.getMessage(), e);
        }
        return read(in, file.toString(), body);
    }

    /** Reads a model from a stream (closed here); {@code source} names it in error messages. */
    static <T> T read(InputStream stream, String source, BodyReader<T> body) {
        try (InputStream raw = new BufferedInputStream(stream, 1 << 16)) {
            DataInputStream header = new DataInputStream(raw);
            byte[] magic = new byte[MAGIC.length];
            int got = header.readNBytes(magic, 0, magic.length);
            if (got < magic.length || !java.util.Arrays.equals(magic, MAGIC)) {
                throw new ModelFormatException(source, "not a ClassicNLP segmenter model: expected the magic bytes"
                        + " \"CNLPSEGM\" at byte 0" + (got < magic.length ? " but the file has only " + got + " bytes"
                        : ", found " + printable(magic)));
            }
            int version;
            int kind;
            try {
                version = header.readInt();
                kind = header.readUnsignedByte();
            } catch (EOFException e) {
                throw new ModelFormatException(source, "truncated header: expected version and kind at bytes 8-12", e);
            }
            if (version != VERSION) {
                throw new ModelFormatException(source, "unsupported model format version " + version
                        + " at byte 8; this build reads version " + VERSION);
            }
            if (kind != KIND_HMM && kind != KIND_HYBRID) {
                throw new ModelFormatException(source, "unknown model kind " + kind + " at byte 12; expected 1 (hmm) or 2 (hybrid)");
            }
            DataInputStream in;
            try {
                in = new DataInputStream(new GZIPInputStream(raw, 1 << 16));
            } catch (EOFException e) {
                throw new ModelFormatException(source, "truncated: the compressed body expected at byte 13 is missing", e);
            } catch (ZipException e) {
                throw new ModelFormatException(source, "corrupt: expected a gzip body at byte 13 (" + e.getMessage() + ")", e);
            }
            T value;
            try {
                value = body.read(in, kind);
                int end = in.readInt();
                if (end != END_MARKER) {
                    throw new ModelFormatException(source, "corrupt body: expected the end marker \"END!\" after the "
                            + ModelFiles.kindName(kind) + " sections, found 0x" + Integer.toHexString(end));
                }
                // Reading past the marker makes gzip check its trailer (CRC and length).
                if (in.read() != -1) {
                    throw new ModelFormatException(source, "corrupt body: unexpected data after the end marker");
                }
            } catch (EOFException e) {
                throw new ModelFormatException(source, "truncated: the " + kindName(kind)
                        + " model body ends early (the file was cut off or is incomplete)", e);
            } catch (ZipException e) {
                throw new ModelFormatException(source, "corrupt compressed body (" + e.getMessage() + ")", e);
            }
            return value;
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            if (e instanceof EOFException || e.getCause() instanceof EOFException) {
                throw new ModelFormatException(source, "truncated model file", e);
            }
            throw new UncheckedIOException("cannot read model " + source + ": " + e.getMessage(), e);
        }
    }

    /** Throws a format error naming the section unless {@code ok}. */
    static void check(boolean ok, String source, String what) {
        if (!ok) {
            throw new ModelFormatException(source, "corrupt body: " + what);
        }
    }

    private static String printable(byte[] bytes) {
        StringBuilder sb = new StringBuilder("0x");
        for (byte b : bytes) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }
}
