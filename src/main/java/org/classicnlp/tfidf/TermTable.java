package org.classicnlp.tfidf;

import java.util.Arrays;

/**
 * Terms to dense ids (0, 1, 2, ... in insertion order), looked up by a region of a {@code char[]} so the
 * hot path never allocates a {@code String} for a term already present. Open addressing with linear
 * probing over an {@code int[]} of ids; not thread-safe for writing (each worker owns its own table, the
 * fitted model's table is only read).
 */
final class TermTable {

    private String[] terms;
    private int[] hashes;
    private int[] slots; // id + 1, 0 = empty
    private int mask;
    private int size;

    TermTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        slots = new int[cap];
        mask = cap - 1;
        terms = new String[Math.max(16, expected)];
        hashes = new int[terms.length];
    }

    int size() {
        return size;
    }

    String term(int id) {
        return terms[id];
    }

    /** The id of the term {@code buf[off, off+len)}, or -1. */
    int find(char[] buf, int off, int len) {
        int h = hash(buf, off, len);
        for (int p = h & mask;; p = (p + 1) & mask) {
            int s = slots[p];
            if (s == 0) {
                return -1;
            }
            if (hashes[s - 1] == h && regionEquals(terms[s - 1], buf, off, len)) {
                return s - 1;
            }
        }
    }

    /** The id of the term, added if absent. */
    int add(char[] buf, int off, int len) {
        int h = hash(buf, off, len);
        int p = h & mask;
        for (;; p = (p + 1) & mask) {
            int s = slots[p];
            if (s == 0) {
                break;
            }
            if (hashes[s - 1] == h && regionEquals(terms[s - 1], buf, off, len)) {
                return s - 1;
            }
        }
        return insert(p, new String(buf, off, len), h);
    }

    /** The id of {@code term}, added if absent. */
    int add(String term) {
        int h = hash(term);
        int p = h & mask;
        for (;; p = (p + 1) & mask) {
            int s = slots[p];
            if (s == 0) {
                break;
            }
            if (hashes[s - 1] == h && terms[s - 1].equals(term)) {
                return s - 1;
            }
        }
        return insert(p, term, h);
    }

    /** The id of {@code term}, or -1. */
    int find(String term) {
        int h = hash(term);
        for (int p = h & mask;; p = (p + 1) & mask) {
            int s = slots[p];
            if (s == 0) {
                return -1;
            }
            if (hashes[s - 1] == h && terms[s - 1].equals(term)) {
                return s - 1;
            }
        }
    }

    /** Removes every term, keeping the allocated capacity. */
    void clear() {
        Arrays.fill(slots, 0);
        Arrays.fill(terms, 0, size, null);
        size = 0;
    }

    private int insert(int p, String term, int h) {
        if (size == terms.length) {
            int n = terms.length + (terms.length >> 1) + 16;
            terms = Arrays.copyOf(terms, n);
            hashes = Arrays.copyOf(hashes, n);
        }
        int id = size++;
        terms[id] = term;
        hashes[id] = h;
        slots[p] = id + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        int cap = slots.length * 2;
        int[] fresh = new int[cap];
        int m = cap - 1;
        for (int id = 0; id < size; id++) {
            int p = hashes[id] & m;
            while (fresh[p] != 0) {
                p = (p + 1) & m;
            }
            fresh[p] = id + 1;
        }
        slots = fresh;
        mask = m;
    }

    private static boolean regionEquals(String s, char[] buf, int off, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != buf[off + i]) {
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
        return mix(h);
    }

    private static int hash(String s) {
        return mix(s.hashCode());
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 15);
    }
}
