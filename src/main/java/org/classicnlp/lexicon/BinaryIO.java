package org.classicnlp.lexicon;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Bulk reads and writes of primitive arrays in big-endian order, for fast model loading. */
final class BinaryIO {

    private BinaryIO() {
    }

    static void writeInts(DataOutputStream out, int[] a) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(a.length * 4);
        b.asIntBuffer().put(a);
        out.writeInt(a.length);
        out.write(b.array());
    }

    static void writeLongs(DataOutputStream out, long[] a) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(a.length * 8);
        b.asLongBuffer().put(a);
        out.writeInt(a.length);
        out.write(b.array());
    }

    static void writeChars(DataOutputStream out, char[] a) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(a.length * 2);
        b.asCharBuffer().put(a);
        out.writeInt(a.length);
        out.write(b.array());
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static int[] readInts(ByteBuffer in) {
        int[] a = new int[length(in, 4)];
        in.asIntBuffer().get(a);
        in.position(in.position() + a.length * 4);
        return a;
    }

    static long[] readLongs(ByteBuffer in) {
        long[] a = new long[length(in, 8)];
        in.asLongBuffer().get(a);
        in.position(in.position() + a.length * 8);
        return a;
    }

    static char[] readChars(ByteBuffer in) {
        char[] a = new char[length(in, 2)];
        in.asCharBuffer().get(a);
        in.position(in.position() + a.length * 2);
        return a;
    }

    static String readString(ByteBuffer in) {
        int n = length(in, 1);
        String s = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }

    private static int length(ByteBuffer in, int width) {
        int n = in.getInt();
        if (n < 0 || (long) n * width > in.remaining()) {
            throw new java.nio.BufferUnderflowException();
        }
        return n;
    }
}
