package org.classicnlp.tfidf;

import java.util.Arrays;

/**
 * Terms to dense ids (0, 1, 2, ... in insertion order), looked up by a region of a {@code char[]} so the
 * hot path never allocates a {@code String} for a term already present.
 *
 * <p>Layout, chosen to touch as little memory per lookup as possible (large vocabularies do not fit in
 * cache, so each lookup costs its cache misses): an open-addressing {@code long[]} of slots, each holding
 * the term's 32-bit hash and its offset in one shared {@code char[]} pool, where the term is stored as
 * [length (2 chars), id (2 chars), characters]. A hit reads one slot and one pool run; no {@code String}
 * objects are kept. Not thread-safe for writing: each worker owns its own table, a fitted model's table
 * is only read.
 */
final class TermTable {

    private static final int HEADER = 4;

    private long[] slots; // 0 = empty, else (hash << 32) | (pool offset + 1)
    private int mask;
    private char[] pool;
    private int poolSize;
    private int[] offsets; // by id
    private int size;

    TermTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        slots = new long[cap];
        mask = cap - 1;
        pool = new char[Math.max(64, expected * 12)];
        offsets = new int[Math.max(16, expected)];
    }

    int size() {
        return size;
    }

    /** The term with this id (a new String each call). */
    String term(int id) {
        int off = offsets[id];
        return new String(pool, off + HEADER, length(off));
    }

    /** Writes the term's UTF-8 bytes into {@code out} at {@code pos} (room for 3 bytes per char); returns the end. */
    int utf8(int id, byte[] out, int pos) {
        int off = offsets[id];
        int end = off + HEADER + length(off);
        for (int i = off + HEADER; i < end; i++) {
            char c = pool[i];
            if (c < 0x80) {
                out[pos++] = (byte) c;
            } else if (c < 0x800) {
                out[pos++] = (byte) (0xC0 | (c >> 6));
                out[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(pool[i + 1])) {
                int cp = Character.toCodePoint(c, pool[++i]);
                out[pos++] = (byte) (0xF0 | (cp >> 18));
                out[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[pos++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                if (Character.isSurrogate(c)) {
                    c = '?'; // a lone surrogate has no UTF-8 form (String.getBytes writes '?' too)
                }
                if (c < 0x80) {
                    out[pos++] = (byte) c;
                } else {
                    out[pos++] = (byte) (0xE0 | (c >> 12));
                    out[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    out[pos++] = (byte) (0x80 | (c & 0x3F));
                }
            }
        }
        return pos;
    }

    /** Length of the term with this id, in chars. */
    int termLength(int id) {
        return length(offsets[id]);
    }

    private int length(int off) {
        return pool[off] | (pool[off + 1] << 16);
    }

    private int idAt(int off) {
        return pool[off + 2] | (pool[off + 3] << 16);
    }

    /** The id of the term {@code buf[off, off+len)}, or -1. */
    int find(char[] buf, int off, int len) {
        int h = hash(buf, off, len);
        for (int p = h & mask;; p = (p + 1) & mask) {
            long s = slots[p];
            if (s == 0) {
                return -1;
            }
            if ((int) (s >>> 32) == h) {
                int at = (int) s - 1;
                if (regionEquals(at, buf, off, len)) {
                    return idAt(at);
                }
            }
        }
    }

    /** The id of the term, added if absent. */
    int add(char[] buf, int off, int len) {
        int h = hash(buf, off, len);
        int p = h & mask;
        for (;; p = (p + 1) & mask) {
            long s = slots[p];
            if (s == 0) {
                break;
            }
            if ((int) (s >>> 32) == h) {
                int at = (int) s - 1;
                if (regionEquals(at, buf, off, len)) {
                    return idAt(at);
                }
            }
        }
        return insert(p, h, buf, off, len);
    }

    /** The id of {@code term}, added if absent. */
    int add(String term) {
        char[] c = term.toCharArray();
        return add(c, 0, c.length);
    }

    /** The id of {@code term}, or -1. */
    int find(String term) {
        char[] c = term.toCharArray();
        return find(c, 0, c.length);
    }

    /** Adds the term with id {@code id} of {@code other}; returns its id here. */
    int addFrom(TermTable other, int id) {
        int off = other.offsets[id];
        return add(other.pool, off + HEADER, other.length(off));
    }

    /**
     * The ids sorted by term in Unicode code-point order (Python's string order; differs from UTF-16 order
     * only for surrogates against U+E000..U+FFFF). A merge sort over the pool: no Strings are created.
     */
    int[] idsInCodePointOrder() {
        int[] a = new int[size];
        for (int i = 0; i < size; i++) {
            a[i] = i;
        }
        int[] tmp = new int[size];
        mergeSort(a, tmp, 0, size);
        return a;
    }

    private void mergeSort(int[] a, int[] tmp, int from, int to) {
        if (to - from <= 24) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid);
        mergeSort(a, tmp, mid, to);
        if (compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            a[k++] = compare(tmp[i], tmp[j]) <= 0 ? tmp[i++] : tmp[j++];
        }
        while (i < mid) {
            a[k++] = tmp[i++];
        }
        while (j < to) {
            a[k++] = tmp[j++];
        }
    }

    /** Compares the terms of two ids by code point. */
    int compare(int idA, int idB) {
        int oa = offsets[idA];
        int ob = offsets[idB];
        int la = length(oa);
        int lb = length(ob);
        char[] p = pool;
        int n = Math.min(la, lb);
        for (int i = 0; i < n; i++) {
            char x = p[oa + HEADER + i];
            char y = p[ob + HEADER + i];
            if (x != y) {
                return TfidfVectorizer.codePointRank(x) - TfidfVectorizer.codePointRank(y);
            }
        }
        return la - lb;
    }

    /**
     * Keeps only the terms {@code ids[0, n)} (ids of this table), renumbered 0 .. n-1 in that order. Turns
     * a fit's table of every term seen into the model's vocabulary in place: the slot array is reused
     * (unless far too large) and the pool rebuilt at its exact size, so no second full table is built
     * alongside the first.
     */
    void retainInOrder(int[] ids, int n) {
        long chars = 0;
        for (int k = 0; k < n; k++) {
            chars += HEADER + termLength(ids[k]);
        }
        char[] oldPool = pool;
        int[] oldOffsets = offsets;
        pool = new char[(int) Math.min(Integer.MAX_VALUE - 16, Math.max(64, chars))];
        offsets = new int[Math.max(16, n)];
        poolSize = 0;
        size = 0;
        int cap = Integer.highestOneBit(Math.max(16, n * 2) - 1) << 1;
        if (slots.length > cap) {
            slots = new long[cap];
            mask = cap - 1;
        } else {
            Arrays.fill(slots, 0);
        }
        for (int k = 0; k < n; k++) {
            int off = oldOffsets[ids[k]];
            int len = oldPool[off] | (oldPool[off + 1] << 16);
            add(oldPool, off + HEADER, len);
        }
    }

    /** Removes every term, keeping the allocated capacity. */
    void clear() {
        Arrays.fill(slots, 0);
        poolSize = 0;
        size = 0;
    }

    private int insert(int p, int h, char[] buf, int off, int len) {
        int need = HEADER + len;
        if (poolSize + need > pool.length) {
            long cap = Math.max((long) pool.length * 2, (long) poolSize + need);
            if (cap > Integer.MAX_VALUE - 16) {
                cap = Integer.MAX_VALUE - 16;
                if (poolSize + need > cap) {
                    throw new IllegalStateException("vocabulary too large: more than " + cap + " characters of terms");
                }
            }
            pool = Arrays.copyOf(pool, (int) cap);
        }
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, size + (size >> 1) + 16);
        }
        int id = size++;
        int at = poolSize;
        pool[at] = (char) len;
        pool[at + 1] = (char) (len >>> 16);
        pool[at + 2] = (char) id;
        pool[at + 3] = (char) (id >>> 16);
        System.arraycopy(buf, off, pool, at + HEADER, len);
        poolSize += need;
        offsets[id] = at;
        slots[p] = ((long) h << 32) | (at + 1L);
        if (size * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        int cap = slots.length * 2;
        long[] fresh = new long[cap];
        int m = cap - 1;
        for (long s : slots) {
            if (s != 0) {
                int p = (int) (s >>> 32) & m;
                while (fresh[p] != 0) {
                    p = (p + 1) & m;
                }
                fresh[p] = s;
            }
        }
        slots = fresh;
        mask = m;
    }

    private boolean regionEquals(int at, char[] buf, int off, int len) {
        if (length(at) != len) {
            return false;
        }
        char[] p = pool;
        int base = at + HEADER;
        for (int i = 0; i < len; i++) { // terms are short: a plain loop beats the vectorized mismatch
            if (p[base + i] != buf[off + i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(char[] buf, int off, int len) {
        int h = 0;
        for (int i = off, end = off + len; i < end; i++) {
            h = 31 * h + buf[i];
        }
        h *= 0x9E3779B9;
        return h ^ (h >>> 15);
    }
}
