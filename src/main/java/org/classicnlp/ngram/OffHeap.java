package org.classicnlp.ngram;

import java.lang.reflect.Field;

/**
 * Primitive arrays outside the Java heap, for the trainer's working arrays (tens of millions of entries per
 * order), returned to the operating system the moment they are {@linkplain Longs#free() freed}. On the heap
 * the same arrays made G1 (with the default, unbounded-by-the-user heap of a plain {@code java -jar}) grow
 * the heap far beyond what was live: peak RSS was 2-5 GB for an order-5 English build whose arrays peak
 * below 1 GB. Here the process holds what is live and nothing more, whatever the heap settings.
 *
 * <p>Zeroed on allocation. Indexes are checked by assertions only (the test suite runs with them on); the
 * trainer's loops are bounded by the sizes it allocated. Not thread-safe; each array is written by one
 * thread at a time.
 */
final class OffHeap {

    private static final sun.misc.Unsafe U = unsafe();

    private OffHeap() {
    }

    private static sun.misc.Unsafe unsafe() {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("off-heap arrays need sun.misc.Unsafe (module jdk.unsupported): " + e);
        }
    }

    private static long allocate(long bytes) {
        long size = Math.max(8, bytes);
        long a;
        try {
            a = U.allocateMemory(size);
        } catch (OutOfMemoryError e) {
            throw new OutOfMemoryError("cannot allocate " + (size >> 20) + " MB outside the heap for n-gram counting");
        }
        U.setMemory(a, size, (byte) 0);
        return a;
    }

    /** {@code n} longs (or doubles, by their bits). */
    static final class Longs {
        final long length;
        private long address;

        Longs(long n) {
            this.length = n;
            this.address = allocate(8 * n);
        }

        long get(long i) {
            assert address != 0 && i >= 0 && i < length : i + " of " + length;
            return U.getLong(address + (i << 3));
        }

        void set(long i, long v) {
            assert address != 0 && i >= 0 && i < length : i + " of " + length;
            U.putLong(address + (i << 3), v);
        }

        double getDouble(long i) {
            return Double.longBitsToDouble(get(i));
        }

        void addDouble(long i, double v) {
            set(i, Double.doubleToRawLongBits(getDouble(i) + v));
        }

        /** Returns the memory; the array must not be used afterwards. Idempotent. */
        void free() {
            if (address != 0) {
                U.freeMemory(address);
                address = 0;
            }
        }
    }

    /** {@code n} ints (or floats, by their bits). */
    static final class Ints {
        final long length;
        private long address;

        Ints(long n) {
            this.length = n;
            this.address = allocate(4 * n);
        }

        int get(long i) {
            assert address != 0 && i >= 0 && i < length : i + " of " + length;
            return U.getInt(address + (i << 2));
        }

        void set(long i, int v) {
            assert address != 0 && i >= 0 && i < length : i + " of " + length;
            U.putInt(address + (i << 2), v);
        }

        void add(long i, int v) {
            set(i, get(i) + v);
        }

        float getFloat(long i) {
            return Float.intBitsToFloat(get(i));
        }

        void setFloat(long i, float v) {
            set(i, Float.floatToRawIntBits(v));
        }

        void fill(int v) {
            U.setMemory(address, 4 * length, (byte) (v == -1 ? 0xFF : 0));
            if (v != 0 && v != -1) {
                for (long i = 0; i < length; i++) {
                    set(i, v);
                }
            }
        }

        /** Returns the memory; the array must not be used afterwards. Idempotent. */
        void free() {
            if (address != 0) {
                U.freeMemory(address);
                address = 0;
            }
        }
    }

    /** A growing run of bytes (reallocated in place where the allocator can: large blocks are remapped, not copied). */
    static final class Bytes {
        private long address;
        private long capacity;
        private long size;

        Bytes(long capacity) {
            this.capacity = Math.max(64, capacity);
            this.address = allocate(this.capacity);
        }

        long size() {
            return size;
        }

        /** Appends {@code b[off, off+len)}. */
        void append(byte[] b, int off, int len) {
            if (size + len > capacity) {
                long n = Math.max(size + len, 2 * capacity);
                long a = U.reallocateMemory(address, n);
                if (a == 0) {
                    throw new OutOfMemoryError("cannot grow an off-heap buffer to " + (n >> 20) + " MB");
                }
                address = a;
                capacity = n;
            }
            U.copyMemory(b, sun.misc.Unsafe.ARRAY_BYTE_BASE_OFFSET + off, null, address + size, len);
            size += len;
        }

        /** Copies {@code len} bytes from {@code at} to {@code dst[off..]}. */
        void copyTo(long at, byte[] dst, int off, int len) {
            assert address != 0 && at >= 0 && at + len <= size : at + "+" + len + " of " + size;
            U.copyMemory(null, address + at, dst, sun.misc.Unsafe.ARRAY_BYTE_BASE_OFFSET + off, len);
        }

        int getInt(long at) {
            assert address != 0 && at >= 0 && at + 4 <= size;
            return U.getInt(address + at);
        }

        void free() {
            if (address != 0) {
                U.freeMemory(address);
                address = 0;
            }
        }
    }
}
