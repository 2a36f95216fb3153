package org.classicnlp.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.classicnlp.core.ShortestDouble;

/**
 * A growable byte buffer that output rows are formatted into on worker threads, then written in one call;
 * much faster than a {@code PrintStream} per row. Numbers use {@link ShortestDouble} (exact round trip,
 * identical on every run).
 */
final class ByteRows {

    private byte[] buf;
    private int size;

    ByteRows(int capacity) {
        buf = new byte[Math.max(64, capacity)];
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    ByteRows put(byte b) {
        ensure(1);
        buf[size++] = b;
        return this;
    }

    ByteRows put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    ByteRows ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** One tsv row {@code id TAB term TAB weight LF}, with a single capacity check. */
    ByteRows tsvRow(byte[] id, org.classicnlp.tfidf.TfidfModel model, int index, double weight) {
        ensure(id.length + model.termUtf8Bound(index) + 40);
        byte[] b = buf;
        int p = size;
        System.arraycopy(id, 0, b, p, id.length);
        p += id.length;
        b[p++] = '\t';
        p = model.termUtf8(index, b, p);
        b[p++] = '\t';
        p = ShortestDouble.write(weight, b, p);
        b[p++] = '\n';
        size = p;
        return this;
    }

    /** The UTF-8 bytes of a model's term, straight from its term table. */
    ByteRows term(org.classicnlp.tfidf.TfidfModel model, int index) {
        ensure(model.termUtf8Bound(index));
        size = model.termUtf8(index, buf, size);
        return this;
    }

    ByteRows number(double v) {
        ensure(32);
        size = ShortestDouble.write(v, buf, size);
        return this;
    }

    ByteRows number(long v) {
        return ascii(Long.toString(v));
    }

    /** {@code s} as a JSON string literal (quotes included), UTF-8. */
    ByteRows jsonString(String s) {
        return put(jsonString(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** Pre-encoded JSON string literal of UTF-8 bytes (quotes included). */
    static byte[] jsonString(byte[] utf8) {
        ByteRows r = new ByteRows(utf8.length + 8);
        r.put((byte) '"');
        for (byte b : utf8) {
            int c = b & 0xff;
            switch (c) {
                case '"' -> r.ascii("\\\"");
                case '\\' -> r.ascii("\\\\");
                case '\n' -> r.ascii("\\n");
                case '\r' -> r.ascii("\\r");
                case '\t' -> r.ascii("\\t");
                default -> {
                    if (c < 0x20) {
                        r.ascii(String.format("\\u%04x", c));
                    } else {
                        r.put(b);
                    }
                }
            }
        }
        r.put((byte) '"');
        return r.toArray();
    }

    int size() {
        return size;
    }

    /** Empties the buffer for reuse, dropping it to {@code max} bytes if it grew beyond. */
    ByteRows reset(int max) {
        size = 0;
        if (buf.length > max) {
            buf = new byte[max];
        }
        return this;
    }

    /** A small pool so batch buffers are reused instead of reallocated (less garbage, smaller heap). */
    static final class Pool {
        private final java.util.concurrent.ConcurrentLinkedQueue<ByteRows> free = new java.util.concurrent.ConcurrentLinkedQueue<>();

        ByteRows take() {
            ByteRows r = free.poll();
            return r != null ? r : new ByteRows(1 << 20);
        }

        void give(ByteRows r) {
            free.add(r.reset(1 << 24));
        }
    }

    byte[] toArray() {
        return Arrays.copyOf(buf, size);
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, size);
    }
}
