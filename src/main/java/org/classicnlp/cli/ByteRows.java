package org.classicnlp.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.classicnlp.core.ShortestDouble;

/**
 * A growable byte buffer that output rows are formatted into on worker threads, then written in one call;
 * much faster than a {@code PrintStream} per row. Numbers use {@link ShortestDouble} (exact round trip,
 * identical on every run). The bytes live in chunks of {@value #CHUNK} bytes, so growing never copies and
 * no array is large enough for G1 to place it in regions of its own (a "humongous" object): a batch of
 * output costs the heap only what it holds.
 */
final class ByteRows {

    static final int CHUNK = 1 << 18;

    private byte[][] chunks = new byte[4][]; // filled chunks, then spare ones after reset
    private int[] used = new int[4];
    private int filled;   // chunks[0, filled) are full; buf is the one being written
    private byte[] buf;
    private int size;     // bytes used in buf

    ByteRows(int capacity) {
        buf = new byte[Math.max(64, Math.min(CHUNK, capacity))];
    }

    /** Makes room for {@code extra} contiguous bytes in {@code buf}, moving on to a fresh chunk if needed. */
    private void ensure(int extra) {
        if (size + extra <= buf.length) {
            return;
        }
        if (filled + 1 >= chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
            used = Arrays.copyOf(used, used.length * 2);
        }
        chunks[filled] = buf;
        used[filled] = size;
        filled++;
        byte[] spare = chunks[filled];
        chunks[filled] = null;
        buf = spare != null && spare.length >= extra ? spare : new byte[Math.max(CHUNK, extra)];
        size = 0;
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

    /** Empties the buffer for reuse, keeping at most {@code max} bytes of chunks. */
    ByteRows reset(int max) {
        // the chunks become spares in order; the current one goes first
        List<byte[]> keep = new ArrayList<>();
        long kept = 0;
        for (byte[] c : all()) {
            if (c.length == CHUNK && kept + CHUNK <= max) {
                keep.add(c);
                kept += CHUNK;
            }
        }
        Arrays.fill(chunks, null);
        filled = 0;
        size = 0;
        buf = keep.isEmpty() ? new byte[CHUNK] : keep.get(0);
        for (int i = 1; i < keep.size(); i++) {
            chunks[i] = keep.get(i);
        }
        return this;
    }

    /** Every chunk, in order: the filled ones, the current one, then spares. */
    private List<byte[]> all() {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < filled; i++) {
            out.add(chunks[i]);
        }
        out.add(buf);
        for (int i = filled + 1; i < chunks.length; i++) {
            if (chunks[i] != null) {
                out.add(chunks[i]);
            }
        }
        return out;
    }

    /** A small pool so batch buffers are reused instead of reallocated (less garbage, smaller heap). */
    static final class Pool {
        private final java.util.concurrent.ConcurrentLinkedQueue<ByteRows> free = new java.util.concurrent.ConcurrentLinkedQueue<>();

        ByteRows take() {
            ByteRows r = free.poll();
            return r != null ? r : new ByteRows(1 << 20);
        }

        void give(ByteRows r) {
            free.add(r.reset(1 << 20));
        }
    }

    byte[] toArray() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < filled; i++) {
            out.write(chunks[i], 0, used[i]);
        }
        out.write(buf, 0, size);
        return out.toByteArray();
    }

    void writeTo(OutputStream out) throws IOException {
        for (int i = 0; i < filled; i++) {
            out.write(chunks[i], 0, used[i]);
        }
        out.write(buf, 0, size);
    }
}
