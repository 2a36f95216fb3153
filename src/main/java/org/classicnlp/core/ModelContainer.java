package org.classicnlp.core;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * The one file container of every model the library saves (HMM, hybrid, lexicon image, TF-IDF, SIF, and
 * later tagger and n-gram models). Layout, big-endian ({@link DataOutputStream}):
 *
 * <pre>
 * offset  size      field
 * 0       8         magic "CNLPMODL"
 * 8       4         int container version (currently 1)
 * 12      1         kind tag length k (1-16)
 * 13      k         kind tag, ASCII [a-z0-9-]: "hmm", "hybrid", "lexicon", "tfidf", "sif", ...
 * 13+k    4         int format version of the kind's body
 * 17+k    1         flags: bit 0 = an AnalyzerSpec follows, bit 1 = the body is gzip-compressed
 *         ...       the {@link AnalyzerSpec} ({@link AnalyzerSpec#write}), when flagged
 * h       8         long body length n (bytes as stored)
 * h+8     n         body, as stored (laid out by the kind; documented on its class)
 * h+8+n   4         CRC-32 of every byte before it (header, spec and stored body)
 * </pre>
 *
 * Loading reads the whole stored body, checks the length and the checksum before the kind's reader sees
 * a byte, so a truncated or damaged file never reaches a parser. The body is gzip-compressed for the small
 * models; the lexicon image is stored plain, because it is read at every CLI cold start.
 *
 * <p>Every problem is a {@link ModelFormatException} whose message names the file, the byte (or the body
 * byte and section) and what was expected: empty file, foreign file (with a guess at what it is), other
 * container version, other kind ("is a tfidf model, expected hmm"), other format version, truncated
 * header or body, checksum mismatch, bytes after the checksum.
 */
public final class ModelContainer {

    static final byte[] MAGIC = "CNLPMODL".getBytes(StandardCharsets.US_ASCII);
    /** Version of the container layout above; a kind's body has its own {@link Kind#version()}. */
    public static final int VERSION = 1;
    static final int FLAG_SPEC = 1;
    static final int FLAG_GZIP = 2;
    private static final int MAX_TAG = 16;
    /** Bodies up to this size are read into one array sized by the header; larger ones in chunks. */
    private static final int DIRECT_READ_LIMIT = 1 << 26;

    private ModelContainer() {
    }

    /** A model kind and the body format version this build writes and reads. */
    public record Kind(String tag, int version) {
        public Kind {
            Objects.requireNonNull(tag, "tag");
            if (tag.isEmpty() || tag.length() > MAX_TAG || !tagChars(tag)) {
                throw new IllegalArgumentException("kind tag must be 1-" + MAX_TAG + " chars of [a-z0-9-], got '"
                        + tag + "'");
            }
        }

        @Override
        public String toString() {
            return tag + " v" + version;
        }
    }

    /** How the body is stored. */
    public enum Compression {
        NONE,
        GZIP
    }

    @FunctionalInterface
    public interface BodyWriter {
        void write(DataOutputStream out) throws IOException;
    }

    @FunctionalInterface
    public interface BodyReader<T> {
        /** Reads the whole body; reading past its end or leaving bytes unread is reported as damage. */
        T read(Body body) throws IOException;
    }

    // ------------------------------------------------------------------ writing

    /**
     * Writes a model file: the body goes to memory first (for its length and checksum), then header, body
     * and checksum go to a temporary sibling of {@code file} that is moved over {@code file}, so a crash
     * never leaves half a model under the final name.
     *
     * @param spec the analysis chain the model was fitted with, or null for models that do not analyse
     */
    public static void save(Path file, Kind kind, AnalyzerSpec spec, Compression compression, BodyWriter body) {
        AtomicFile.writeVia(file, kind.tag() + " model", tmp -> {
            if (compression == Compression.NONE) {
                writeStreaming(tmp, kind, spec, body);
            } else {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    write(out, kind, spec, compression, body);
                }
            }
        });
    }

    /** Writes a model to a stream (not closed). */
    public static void write(OutputStream target, Kind kind, AnalyzerSpec spec, Compression compression,
            BodyWriter body) throws IOException {
        ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream(1 << 16);
        if (compression == Compression.GZIP) {
            GZIPOutputStream gz = new GZIPOutputStream(bodyBytes, 1 << 16);
            DataOutputStream out = new DataOutputStream(gz);
            body.write(out);
            out.flush();
            gz.finish();
        } else {
            DataOutputStream out = new DataOutputStream(bodyBytes);
            body.write(out);
            out.flush();
        }
        CRC32 crc = new CRC32();
        byte[] head = header(kind, spec, compression, bodyBytes.size());
        crc.update(head);
        byte[] stored = bodyBytes.toByteArray();
        crc.update(stored);
        target.write(head);
        target.write(stored);
        new DataOutputStream(target).writeInt((int) crc.getValue());
        target.flush();
    }

    /**
     * Bytes before the body in a plain file that {@link #save} writes: a body that wants its sections aligned
     * in the file (to use them in place from {@link #map}) pads relative to this.
     */
    public static int headerLength(Kind kind, AnalyzerSpec spec) {
        try {
            return header(kind, spec, Compression.NONE, 0).length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header bytes, ending with the body length. */
    private static byte[] header(Kind kind, AnalyzerSpec spec, Compression compression, long bodyLength)
            throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream(256);
        DataOutputStream h = new DataOutputStream(header);
        h.write(MAGIC);
        h.writeInt(VERSION);
        byte[] tag = kind.tag().getBytes(StandardCharsets.US_ASCII);
        h.writeByte(tag.length);
        h.write(tag);
        h.writeInt(kind.version());
        h.writeByte((spec != null ? FLAG_SPEC : 0) | (compression == Compression.GZIP ? FLAG_GZIP : 0));
        if (spec != null) {
            spec.write(h);
        }
        h.writeLong(bodyLength);
        h.flush();
        return header.toByteArray();
    }

    /**
     * A plain (uncompressed) model file written without holding the body in memory, for bodies of hundreds
     * of megabytes (n-gram tables): header with a provisional length, body streamed, length patched, then
     * the checksum computed by reading the file back. Same bytes as {@link #write}.
     */
    private static void writeStreaming(Path file, Kind kind, AnalyzerSpec spec, BodyWriter body) throws IOException {
        byte[] head = header(kind, spec, Compression.NONE, 0);
        long length;
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.READ)) {
            OutputStream os = java.nio.channels.Channels.newOutputStream(ch);
            java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(os, 1 << 16);
            buffered.write(head);
            DataOutputStream out = new DataOutputStream(buffered);
            body.write(out);
            out.flush();
            length = ch.position() - head.length;
            byte[] fixed = header(kind, spec, Compression.NONE, length);
            ch.write(java.nio.ByteBuffer.wrap(fixed), 0);
            CRC32 crc = new CRC32();
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 20);
            long pos = 0;
            long end = head.length + length;
            while (pos < end) {
                buf.clear();
                buf.limit((int) Math.min(buf.capacity(), end - pos));
                int n = ch.read(buf, pos);
                if (n < 0) {
                    throw new IOException("file shrank while its checksum was computed");
                }
                buf.flip();
                crc.update(buf);
                pos += n;
            }
            java.nio.ByteBuffer c = java.nio.ByteBuffer.allocate(4);
            c.putInt((int) crc.getValue()).flip();
            ch.write(c, end);
        }
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads a model file of one of the {@code accepted} kinds.
     *
     * @throws ModelFormatException naming the file when it is not such a model or is damaged
     * @throws UncheckedIOException when the file is missing or cannot be read
     */
    public static <T> T load(Path file, BodyReader<T> reader, Kind... accepted) {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("model file not found: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open model " + file + ": " + e.getMessage(), e);
        }
        return load(in, file.toString(), reader, accepted);
    }

    /** Reads a model from a stream (closed here); {@code source} names it in messages. */
    public static <T> T load(InputStream stream, String source, BodyReader<T> reader, Kind... accepted) {
        if (accepted.length == 0) {
            throw new IllegalArgumentException("no accepted kinds");
        }
        try (InputStream raw = stream instanceof BufferedInputStream || stream instanceof ByteArrayInputStream
                ? stream : new BufferedInputStream(stream, 1 << 16)) {
            return read(raw, source, reader, accepted, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + source + ": " + e.getMessage(), e);
        }
    }

    /** @param mapped the whole file mapped, which {@code raw} reads (the body is then used in place), or null */
    private static <T> T read(InputStream raw, String source, BodyReader<T> reader, Kind[] accepted,
            ByteBuffer mapped) throws IOException {
        Header header = new Header(raw, source, accepted);
        byte[] magic = header.bytes(MAGIC.length, null);
        if (magic.length == 0) {
            throw new ModelFormatException(source, "empty file (0 bytes); expected a ClassicNLP " + expected(accepted)
                    + " model starting with the magic bytes \"CNLPMODL\" at byte 0");
        }
        if (magic.length < MAGIC.length && Arrays.equals(magic, Arrays.copyOf(MAGIC, magic.length))) {
            throw new ModelFormatException(source, "truncated: the file ends at byte " + magic.length
                    + ", inside the magic bytes \"CNLPMODL\" of a " + expected(accepted) + " model");
        }
        if (magic.length < MAGIC.length || !Arrays.equals(magic, MAGIC)) {
            byte[] prefix = Arrays.copyOf(magic, magic.length);
            byte[] more = raw.readNBytes(56);
            byte[] sample = new byte[prefix.length + more.length];
            System.arraycopy(prefix, 0, sample, 0, prefix.length);
            System.arraycopy(more, 0, sample, prefix.length, more.length);
            throw new ModelFormatException(source, "not a ClassicNLP model: expected the magic bytes \"CNLPMODL\" at"
                    + " byte 0 of a " + expected(accepted) + " model, found " + describe(sample));
        }
        int version = header.readInt("the container version");
        if (version != VERSION) {
            throw new ModelFormatException(source, "unsupported model container version " + version
                    + " at byte 8; this build reads version " + VERSION);
        }
        int tagLength = header.readUnsignedByte("the kind tag length");
        if (tagLength == 0 || tagLength > MAX_TAG) {
            throw new ModelFormatException(source, "corrupt header: kind tag length " + tagLength
                    + " at byte 12, expected 1-" + MAX_TAG);
        }
        byte[] tagBytes = header.bytes(tagLength, "the kind tag");
        String tag = new String(tagBytes, StandardCharsets.US_ASCII);
        if (!tagChars(tag)) {
            throw new ModelFormatException(source, "corrupt header: kind tag " + hex(tagBytes, MAX_TAG)
                    + " at byte 13 is not ASCII [a-z0-9-]");
        }
        Kind kind = null;
        for (Kind k : accepted) {
            if (k.tag().equals(tag)) {
                kind = k;
            }
        }
        if (kind == null) {
            throw new ModelFormatException(source, "is a " + tag + " model (kind tag at byte 13), expected "
                    + expected(accepted));
        }
        long versionAt = header.position;
        int formatVersion = header.readInt("the format version");
        if (formatVersion != kind.version()) {
            throw new ModelFormatException(source, "unsupported " + tag + " format version " + formatVersion
                    + " at byte " + versionAt + "; this build reads version " + kind.version());
        }
        long flagsAt = header.position;
        int flags = header.readUnsignedByte("the flags");
        if ((flags & ~(FLAG_SPEC | FLAG_GZIP)) != 0) {
            throw new ModelFormatException(source, "corrupt header: flags 0x" + Integer.toHexString(flags)
                    + " at byte " + flagsAt + ", expected only bits 0 (analyzer spec) and 1 (gzip)");
        }
        AnalyzerSpec spec = null;
        if ((flags & FLAG_SPEC) != 0) {
            header.what = "the analyzer spec";
            long specAt = header.position;
            try {
                spec = AnalyzerSpec.read(header.data, source);
            } catch (EOFException e) {
                throw header.truncated(e);
            } catch (java.io.UTFDataFormatException | ModelFormatException e) {
                String why = e instanceof ModelFormatException m ? m.getMessage().substring(source.length() + 2)
                        : "malformed string (" + e.getMessage() + ")";
                throw new ModelFormatException(source, "corrupt header: the analyzer spec from byte " + specAt
                        + ", read up to byte " + header.position + ": " + why, e);
            }
        }
        long lengthAt = header.position;
        long length = header.readLong("the body length");
        long bodyAt = header.position;
        if (length < 0 || length > Integer.MAX_VALUE - 16) {
            throw new ModelFormatException(source, "corrupt header: body length " + length + " at byte " + lengthAt
                    + ", expected 0 to " + (Integer.MAX_VALUE - 16));
        }
        byte[] head = header.copy.toByteArray();
        boolean gzip = (flags & FLAG_GZIP) != 0;
        if (mapped != null && !gzip) {
            long available = Math.max(0, mapped.limit() - bodyAt);
            if (available < length) {
                throw new ModelFormatException(source, "truncated: the header announces a " + tag + " body of " + length
                        + " bytes from byte " + bodyAt + " to " + (bodyAt + length) + ", but the file ends at byte "
                        + (bodyAt + available));
            }
            ByteBuffer stored = mapped.slice((int) bodyAt, (int) length);
            long crcAt = bodyAt + length;
            int left = (int) (mapped.limit() - crcAt);
            if (left < 4) {
                throw new ModelFormatException(source, "truncated: the file ends at byte " + (crcAt + left)
                        + ", inside the 4-byte checksum expected at byte " + crcAt);
            }
            if (left > 4) {
                throw new ModelFormatException(source, "unexpected data after the checksum at byte " + (crcAt + 4)
                        + " (the file should end there)");
            }
            CRC32 crc = new CRC32();
            crc.update(head);
            crc.update(stored.duplicate());
            checkCrc(source, crcAt, mapped.getInt((int) crcAt), (int) crc.getValue());
            return readBody(reader, new Body(source, kind, spec, stored, bodyAt), tag);
        }
        byte[] stored = readBody(raw, (int) length);
        if (stored.length < length) {
            throw new ModelFormatException(source, "truncated: the header announces a " + tag + " body of " + length
                    + " bytes from byte " + bodyAt + " to " + (bodyAt + length) + ", but the file ends at byte "
                    + (bodyAt + stored.length));
        }
        long crcAt = bodyAt + length;
        byte[] crcBytes = raw.readNBytes(4);
        if (crcBytes.length < 4) {
            throw new ModelFormatException(source, "truncated: the file ends at byte " + (crcAt + crcBytes.length)
                    + ", inside the 4-byte checksum expected at byte " + crcAt);
        }
        if (raw.read() != -1) {
            throw new ModelFormatException(source, "unexpected data after the checksum at byte " + (crcAt + 4)
                    + " (the file should end there)");
        }
        CRC32 crc = new CRC32();
        crc.update(head);
        crc.update(stored);
        checkCrc(source, crcAt, ByteBuffer.wrap(crcBytes).getInt(), (int) crc.getValue());
        byte[] bodyBytes = stored;
        if (gzip) {
            try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(stored), 1 << 16)) {
                bodyBytes = gz.readAllBytes();
            } catch (ZipException | EOFException e) {
                throw new ModelFormatException(source, "corrupt: the gzip " + tag + " body at byte " + bodyAt
                        + " does not decompress (" + e.getMessage() + ")", e);
            }
        }
        return readBody(reader, new Body(source, kind, spec, bodyBytes, gzip ? -1 : bodyAt), tag);
    }

    private static void checkCrc(String source, long crcAt, int storedCrc, int expectedCrc) {
        if (storedCrc != expectedCrc) {
            throw new ModelFormatException(source, String.format("checksum mismatch: the CRC-32 at byte %d is"
                    + " %08x, but bytes 0-%d give %08x (the file is damaged)", crcAt, storedCrc, crcAt - 1, expectedCrc));
        }
    }

    private static <T> T readBody(BodyReader<T> reader, Body body, String tag) throws IOException {
        T value;
        try {
            value = reader.read(body);
        } catch (EOFException | BufferUnderflowException e) {
            throw body.error("the body ends early (expected more bytes)");
        } catch (java.io.UTFDataFormatException e) {
            throw body.error("malformed string (" + e.getMessage() + ")");
        }
        long left = body.remaining();
        if (left != 0) {
            throw body.error(left + " unread bytes after " + body.sectionText() + " (the " + tag
                    + " body should end there)");
        }
        return value;
    }

    private static byte[] readBody(InputStream in, int length) throws IOException {
        // a large length is trusted only when the source says it has that many bytes (a file does):
        // then one array and one read, instead of readNBytes's chunks and copy
        if (length <= DIRECT_READ_LIMIT || in.available() >= length) {
            byte[] b = new byte[length];
            int got = in.readNBytes(b, 0, length);
            return got == length ? b : Arrays.copyOf(b, got);
        }
        return in.readNBytes(length);
    }

    /** The header bytes, read with a running position and kept for the checksum. */
    private static final class Header {
        final String source;
        final Kind[] accepted;
        final ByteArrayOutputStream copy = new ByteArrayOutputStream(256);
        final DataInputStream data;
        long position;
        String what = "the header";

        Header(InputStream raw, String source, Kind[] accepted) {
            this.source = source;
            this.accepted = accepted;
            this.data = new DataInputStream(new InputStream() {
                @Override
                public int read() throws IOException {
                    int b = raw.read();
                    if (b >= 0) {
                        copy.write(b);
                        position++;
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = raw.read(b, off, len);
                    if (n > 0) {
                        copy.write(b, off, n);
                        position += n;
                    }
                    return n;
                }
            });
        }

        /** Up to {@code n} bytes; when {@code what} is set, fewer is a truncation error. */
        byte[] bytes(int n, String what) throws IOException {
            byte[] b = data.readNBytes(n);
            if (what != null && b.length < n) {
                this.what = what;
                throw truncated(null);
            }
            return b;
        }

        int readInt(String what) throws IOException {
            this.what = what;
            try {
                return data.readInt();
            } catch (EOFException e) {
                throw truncated(e);
            }
        }

        long readLong(String what) throws IOException {
            this.what = what;
            try {
                return data.readLong();
            } catch (EOFException e) {
                throw truncated(e);
            }
        }

        int readUnsignedByte(String what) throws IOException {
            this.what = what;
            try {
                return data.readUnsignedByte();
            } catch (EOFException e) {
                throw truncated(e);
            }
        }

        ModelFormatException truncated(Throwable cause) {
            return new ModelFormatException(source, "truncated header: the file ends at byte " + position
                    + " while reading " + what + " of a " + expected(accepted) + " model", cause);
        }
    }

    /**
     * The checked, decompressed body of a model file, with the header fields. Read it either as a stream
     * ({@link #in()}) or as a buffer ({@link #buffer()}, for bulk array reads), not both; name each section
     * ({@link #section}) before reading it so that errors can say where they happened.
     */
    public static final class Body {
        private final String source;
        private final Kind kind;
        private final AnalyzerSpec spec;
        private final ByteBuffer bytes;
        private final long fileOffset;
        private BufferStream stream;
        private DataInputStream in;
        private ByteBuffer buffer;
        private String section = "the start of the body";
        private long index = -1;
        private long count;

        Body(String source, Kind kind, AnalyzerSpec spec, byte[] bytes, long fileOffset) {
            this(source, kind, spec, ByteBuffer.wrap(bytes), fileOffset);
        }

        Body(String source, Kind kind, AnalyzerSpec spec, ByteBuffer bytes, long fileOffset) {
            this.source = source;
            this.kind = kind;
            this.spec = spec;
            this.bytes = bytes;
            this.fileOffset = fileOffset;
        }

        /** Whether the body is the file mapped into memory ({@link #map}): buffers taken from it stay valid while in use. */
        public boolean mapped() {
            return bytes.isDirect();
        }

        /** The file or resource name, for messages. */
        public String source() {
            return source;
        }

        /** The kind found in the header (one of those accepted). */
        public String kind() {
            return kind.tag();
        }

        /** The analyzer spec stored in the header, if any. */
        public Optional<AnalyzerSpec> spec() {
            return Optional.ofNullable(spec);
        }

        /** The body as a big-endian stream. */
        public DataInputStream in() {
            if (buffer != null) {
                throw new IllegalStateException("body already read as a buffer");
            }
            if (in == null) {
                stream = new BufferStream(bytes.duplicate());
                in = new DataInputStream(stream);
            }
            return in;
        }

        /**
         * The body as a big-endian buffer over the bytes (not a copy; position 0 is the body's first byte). It
         * is backed by an array when the body was read, and is the mapped file when loaded by {@link #map}.
         */
        public ByteBuffer buffer() {
            if (in != null) {
                throw new IllegalStateException("body already read as a stream");
            }
            if (buffer == null) {
                buffer = bytes.duplicate().order(java.nio.ByteOrder.BIG_ENDIAN);
            }
            return buffer;
        }

        /** Byte offset of the body in the file (plain bodies), or -1 (decompressed). */
        public long fileOffset() {
            return fileOffset;
        }

        /** Names the part about to be read ("the word table") for error messages. */
        public void section(String name) {
            this.section = name;
            this.index = -1;
        }

        /**
         * Names record {@code index} (0-based) of {@code count} about to be read ("word record 17 of 300");
         * the text is made only for an error, so calling this per record costs nothing.
         */
        public void section(String name, long index, long count) {
            this.section = name;
            this.index = index;
            this.count = count;
        }

        private String sectionText() {
            return index < 0 ? section : section + " " + index + " of " + count;
        }

        /** Bytes of the body read so far. */
        public long position() {
            if (buffer != null) {
                return buffer.position();
            }
            return stream == null ? 0 : stream.b.position();
        }

        /** Bytes of the body not read yet. */
        public long remaining() {
            return bytes.limit() - position();
        }

        /**
         * {@code n}, a count just read from the body, checked against what the rest of the body can hold: at
         * least {@code bytesEach} bytes each (0 for items that may be empty). A count read from a file sizes an
         * allocation only through this check, so that a small damaged file cannot ask for gigabytes.
         *
         * @throws ModelFormatException for a negative count, or one the remaining bytes cannot hold
         */
        public int count(long n, long bytesEach, String what) {
            long left = remaining();
            if (n < 0 || n > Integer.MAX_VALUE - 8 || (bytesEach > 0 && n > left / bytesEach)) {
                throw error("invalid " + what + " count " + n + ": expected 0 to "
                        + (bytesEach > 0 ? Math.min(Integer.MAX_VALUE - 8, left / bytesEach) + " (" + left
                        + " bytes remain, at least " + bytesEach + " bytes per " + what + ")" : Integer.MAX_VALUE - 8));
            }
            return (int) n;
        }

        /** A format error at the current position: file, body byte (and file byte when stored plain), message. */
        public ModelFormatException error(String message) {
            long at = position();
            String where = fileOffset >= 0 ? "byte " + (fileOffset + at) + " (" + kind.tag() + " body byte " + at + ")"
                    : kind.tag() + " body byte " + at + " (decompressed)";
            return new ModelFormatException(source, "corrupt " + kind.tag() + " body at " + where + ", in "
                    + sectionText() + ": " + message);
        }

        /**
         * Throws {@link #error} unless {@code ok}. The message is built before the call: in loops over
         * records, test and call {@link #error} instead.
         */
        public void check(boolean ok, String message) {
            if (!ok) {
                throw error(message);
            }
        }
    }

    /** An input stream over a byte buffer (its position is the stream's). */
    private static final class BufferStream extends InputStream {
        final ByteBuffer b;

        BufferStream(ByteBuffer b) {
            this.b = b;
        }

        @Override
        public int read() {
            return b.hasRemaining() ? b.get() & 0xff : -1;
        }

        @Override
        public int read(byte[] dst, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!b.hasRemaining()) {
                return -1;
            }
            int n = Math.min(len, b.remaining());
            b.get(dst, off, n);
            return n;
        }

        @Override
        public long skip(long n) {
            int k = (int) Math.max(0, Math.min(n, b.remaining()));
            b.position(b.position() + k);
            return k;
        }

        @Override
        public int available() {
            return b.remaining();
        }
    }

    // ------------------------------------------------------------------ mapping

    /**
     * As {@link #load(Path, BodyReader, Kind...)}, but a plain body is not read: the file is mapped into
     * memory read-only and the reader gets the mapped bytes ({@link Body#buffer()}), so that a model of
     * hundreds of megabytes can use its tables in place (the pages are the operating system's file cache,
     * shared between processes). The same checks, in the same order: header, length, and the CRC-32,
     * computed over the mapping before the reader sees a byte. A gzip body is read and decompressed as by
     * {@code load}. The mapping lives as long as buffers taken from it are reachable.
     */
    public static <T> T map(Path file, BodyReader<T> reader, Kind... accepted) {
        if (accepted.length == 0) {
            throw new IllegalArgumentException("no accepted kinds");
        }
        String source = file.toString();
        java.nio.MappedByteBuffer all;
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                // beyond one mapping; the body length check below names the limit
                return load(file, reader, accepted);
            }
            all = ch.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("model file not found: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open model " + file + ": " + e.getMessage(), e);
        }
        // the header is parsed by the stream reader; when the body is plain, hand over the mapped bytes
        try {
            return read(new BufferStream(all.duplicate()), source, reader, accepted, all);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + source + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ helpers

    // Plain loops, no streams or lambdas: the lexicon image is loaded at every CLI cold start, where
    // each first use of a lambda or stream costs milliseconds of bootstrap.
    private static boolean tagChars(String tag) {
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static String expected(Kind[] accepted) {
        StringBuilder sb = new StringBuilder();
        for (Kind k : accepted) {
            sb.append(sb.length() > 0 ? " or " : "").append(k.tag());
        }
        return sb.toString();
    }

    /**
     * What the first bytes of a foreign file look like, for messages: a known format's name where it can
     * be told (older ClassicNLP formats, gzip, word2vec text) and the bytes themselves.
     */
    public static String describe(byte[] start) {
        String ascii = new String(start, 0, Math.min(8, start.length), StandardCharsets.ISO_8859_1);
        String what;
        if (ascii.equals("CNLPSEGM")) {
            what = "a segmenter model in the format before the model container; retrain it with train-segmenter";
        } else if (ascii.equals("CNLP-LEX")) {
            what = "a lexicon image in the format before the model container; rebuild it";
        } else if (ascii.equals("CNLPTFID")) {
            what = "a TF-IDF model in the format before the model container; fit it again";
        } else if (start.length >= 2 && (start[0] & 0xff) == 0x1f && (start[1] & 0xff) == 0x8b) {
            what = "a gzip file";
        } else {
            String text = utf8Prefix(start);
            if (text == null) {
                what = "binary data";
            } else if (text.matches("(?s)\\s*\\d+\\s+\\d+\\s*(\\n.*)?")) {
                what = "a word2vec text file (header 'COUNT DIMENSION'): load it with WordVectors.load";
            } else {
                what = "a text file";
            }
        }
        String text = utf8Prefix(start);
        return hex(start, 8) + (text != null && !text.isEmpty() ? " '" + abbreviate(text) + "'" : "")
                + ", which looks like " + what;
    }

    /** The bytes as text when they look like UTF-8 text (a cut multi-byte char at the end allowed), else null. */
    private static String utf8Prefix(byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8);
        int bad = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\uFFFD') {
                bad++;
            } else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                return null;
            }
        }
        if (bad > 1) {
            return null;
        }
        int cut = s.indexOf('\uFFFD');
        return cut >= 0 ? s.substring(0, cut) : s;
    }

    private static String abbreviate(String s) {
        String line = s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return line.length() > 40 ? line.substring(0, 40) + "…" : line;
    }

    private static String hex(byte[] b, int max) {
        StringBuilder sb = new StringBuilder("0x");
        for (int i = 0; i < Math.min(max, b.length); i++) {
            sb.append(String.format("%02x", b[i] & 0xff));
        }
        return b.length > max ? sb + "…" : sb.toString();
    }
}
