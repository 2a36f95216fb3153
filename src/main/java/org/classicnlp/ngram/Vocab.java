package org.classicnlp.ngram;

import java.util.Arrays;

/**
 * Words and their ids (0, 1, 2, ... in order of insertion) in an open-addressing table over one char pool,
 * looked up by char range without making a {@code String} per token. Mutable only while a trainer or
 * reader fills it; a model's vocabulary is never changed afterwards, so reads are thread-safe.
 */
final class Vocab {

    private char[] pool = new char[1 << 12];
    private int poolSize;
    private int[] starts = new int[1 << 10];
    private int[] hashes = new int[1 << 10];
    private int size;
    /** Slots: {@code hash << 32 | (id + 1)}, 0 when empty: the hash is checked without touching the word. */
    private long[] table = new long[1 << 11];
    private int mask = table.length - 1;

    Vocab() {
    }

    int size() {
        return size;
    }

    String word(int id) {
        return new String(pool, starts[id], starts[id + 1] - starts[id]);
    }

    private static int hash(char[] c, int off, int len) {
        int h = 0x9747b28c;
        for (int i = off, e = off + len; i < e; i++) {
            h = 31 * h + c[i];
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    private static int hash(CharSequence s) {
        int h = 0x9747b28c;
        for (int i = 0, e = s.length(); i < e; i++) {
            h = 31 * h + s.charAt(i);
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    private boolean same(int id, char[] c, int off, int len) {
        int s = starts[id];
        if (starts[id + 1] - s != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (pool[s + i] != c[off + i]) {
                return false;
            }
        }
        return true;
    }

    private boolean same(int id, CharSequence w) {
        int s = starts[id];
        int len = w.length();
        if (starts[id + 1] - s != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (pool[s + i] != w.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The id of the word in {@code c[off, off+len)}, or -1. */
    int find(char[] c, int off, int len) {
        int h = hash(c, off, len);
        for (int i = h & mask; ; i = (i + 1) & mask) {
            long e = table[i];
            if (e == 0) {
                return -1;
            }
            if ((int) (e >>> 32) == h && same((int) e - 1, c, off, len)) {
                return (int) e - 1;
            }
        }
    }

    int find(CharSequence w) {
        int h = hash(w);
        for (int i = h & mask; ; i = (i + 1) & mask) {
            long e = table[i];
            if (e == 0) {
                return -1;
            }
            if ((int) (e >>> 32) == h && same((int) e - 1, w)) {
                return (int) e - 1;
            }
        }
    }

    int add(CharSequence w) {
        char[] c = w.toString().toCharArray();
        return add(c, 0, c.length);
    }

    /** The id of the word, adding it when new. */
    int add(char[] c, int off, int len) {
        int h = hash(c, off, len);
        int i = h & mask;
        for (; ; i = (i + 1) & mask) {
            long e = table[i];
            if (e == 0) {
                break;
            }
            if ((int) (e >>> 32) == h && same((int) e - 1, c, off, len)) {
                return (int) e - 1;
            }
        }
        int id = size++;
        if (size + 1 >= starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
            hashes = Arrays.copyOf(hashes, hashes.length * 2);
        }
        if (poolSize + len > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
        }
        System.arraycopy(c, off, pool, poolSize, len);
        starts[id] = poolSize;
        poolSize += len;
        starts[id + 1] = poolSize;
        hashes[id] = h;
        table[i] = entry(h, id);
        if (size * 2 > table.length) {
            rehash();
        }
        return id;
    }

    private static long entry(int h, int id) {
        return ((long) h << 32) | (id + 1L);
    }

    private void rehash() {
        table = new long[table.length * 2];
        mask = table.length - 1;
        for (int id = 0; id < size; id++) {
            int i = hashes[id] & mask;
            while (table[i] != 0) {
                i = (i + 1) & mask;
            }
            table[i] = entry(hashes[id], id);
        }
    }
}
