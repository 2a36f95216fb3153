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

    // ------------------------------------------------------------------ query lookups

    /**
     * Query table of a finished vocabulary: slots {@code hash64, id} interleaved, keyed by the 64-bit hash of
     * the word's UTF-8 bytes ({@link #hash64}), so that a lookup touches one cache line and never the word's
     * characters, as KenLM's vocabulary does. Two vocabulary words with one hash are refused when the table
     * is made; a word outside the vocabulary whose hash equals a vocabulary word's (odds about V / 2^64 per
     * lookup) would be taken for it, as in KenLM.
     */
    private long[] hashed;
    private int hashedMask;
    private int hashedSize;

    /** Builds the query table; the vocabulary must not change afterwards. */
    void freeze() {
        if (hashed != null && hashedSize == size) {
            return;
        }
        hashedSize = size;
        int cap = Integer.highestOneBit(Math.max(4, size * 2)) * 2;
        long[] t = new long[2 * cap];
        int m = cap - 1;
        for (int id = 0; id < size; id++) {
            long h = hash64(pool, starts[id], starts[id + 1] - starts[id]);
            int i = (int) (h >>> 40) & m;
            while (t[2 * i + 1] != 0) {
                if (t[2 * i] == h) {
                    throw new IllegalStateException("the vocabulary words '" + word((int) t[2 * i + 1] - 1) + "' and '"
                            + word(id) + "' have the same 64-bit hash");
                }
                i = (i + 1) & m;
            }
            t[2 * i] = h;
            t[2 * i + 1] = id + 1L;
        }
        hashedMask = m;
        hashed = t;
    }

    /** The id of the word whose {@link #hash64} is {@code h}, or -1 (after {@link #freeze}). */
    int findHashed(long h) {
        long[] t = hashed;
        int m = hashedMask;
        for (int i = (int) (h >>> 40) & m; ; i = (i + 1) & m) {
            long id = t[2 * i + 1];
            if (id == 0) {
                return -1;
            }
            if (t[2 * i] == h) {
                return (int) id - 1;
            }
        }
    }

    private static final long H_MUL = 0x9E3779B97F4A7C15L;

    private static long finish(long h, int len) {
        h ^= len;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    /** 64-bit hash of the UTF-8 bytes {@code b[off, off+len)}. */
    static long hash64(byte[] b, int off, int len) {
        long h = 0x27BB2EE687B0B0FDL;
        for (int i = off, e = off + len; i < e; i++) {
            h = (h ^ (b[i] & 0xff)) * H_MUL;
        }
        return finish(h, len);
    }

    /** {@link #hash64(byte[], int, int)} of the UTF-8 encoding of {@code c[off, off+len)}, without encoding it. */
    static long hash64(char[] c, int off, int len) {
        long h = 0x27BB2EE687B0B0FDL;
        int bytes = 0;
        for (int i = off, e = off + len; i < e; i++) {
            int ch = c[i];
            if (ch < 0x80) {
                h = (h ^ ch) * H_MUL;
                bytes++;
            } else if (ch < 0x800) {
                h = (h ^ (0xC0 | (ch >>> 6))) * H_MUL;
                h = (h ^ (0x80 | (ch & 0x3F))) * H_MUL;
                bytes += 2;
            } else if (Character.isHighSurrogate((char) ch) && i + 1 < e && Character.isLowSurrogate(c[i + 1])) {
                int cp = Character.toCodePoint((char) ch, c[++i]);
                h = (h ^ (0xF0 | (cp >>> 18))) * H_MUL;
                h = (h ^ (0x80 | ((cp >>> 12) & 0x3F))) * H_MUL;
                h = (h ^ (0x80 | ((cp >>> 6) & 0x3F))) * H_MUL;
                h = (h ^ (0x80 | (cp & 0x3F))) * H_MUL;
                bytes += 4;
            } else {
                // a lone surrogate hashes as its three-byte form: it matches no valid UTF-8 input
                h = (h ^ (0xE0 | (ch >>> 12))) * H_MUL;
                h = (h ^ (0x80 | ((ch >>> 6) & 0x3F))) * H_MUL;
                h = (h ^ (0x80 | (ch & 0x3F))) * H_MUL;
                bytes += 3;
            }
        }
        return finish(h, bytes);
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
