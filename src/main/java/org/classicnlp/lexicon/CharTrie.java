package org.classicnlp.lexicon;

import java.util.Arrays;

/**
 * An immutable character trie over word keys, compact and cache-friendly: the root's children sit in a
 * direct 64K table; every other node's children are one sorted run in a shared {@code char[]} (CSR
 * layout), searched linearly when short and by bisection when long. Each node holds the id of the word
 * ending there, or -1. Lookups touch a few small arrays instead of a large hash table, which is what
 * makes max-match fast.
 */
final class CharTrie {

    private static final int ROOT = 0;
    private static final int LINEAR_SEARCH_MAX = 8;

    private final int[] rootChildren;
    private final int[] childStart;
    private final char[] childChar;
    private final int[] childNode;
    private final int[] nodeWord;

    private CharTrie(int[] rootChildren, int[] childStart, char[] childChar, int[] childNode, int[] nodeWord) {
        this.rootChildren = rootChildren;
        this.childStart = childStart;
        this.childChar = childChar;
        this.childNode = childNode;
        this.nodeWord = nodeWord;
    }

    /** The node reached from {@code node} by {@code c}, or -1. */
    int child(int node, char c) {
        if (node == ROOT) {
            return rootChildren[c];
        }
        int lo = childStart[node];
        int hi = childStart[node + 1];
        if (hi - lo <= LINEAR_SEARCH_MAX) {
            for (int i = lo; i < hi; i++) {
                if (childChar[i] == c) {
                    return childNode[i];
                }
            }
            return -1;
        }
        hi--;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char m = childChar[mid];
            if (m < c) {
                lo = mid + 1;
            } else if (m > c) {
                hi = mid - 1;
            } else {
                return childNode[mid];
            }
        }
        return -1;
    }

    /** The id of the word that ends at {@code node}, or -1. */
    int wordAt(int node) {
        return nodeWord[node];
    }

    int root() {
        return ROOT;
    }

    /** Id of the word spelled exactly by {@code key}, or -1. */
    int get(CharSequence key) {
        int node = ROOT;
        for (int i = 0; i < key.length() && node >= 0; i++) {
            node = child(node, key.charAt(i));
        }
        return node >= 0 ? nodeWord[node] : -1;
    }

    int nodeCount() {
        return nodeWord.length;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    /** Builds a trie incrementally in a hash table keyed by (node, char); {@link #build} lays it out as CSR. */
    static final class Builder {
        private final int[] rootChildren = new int[1 << 16];
        private long[] keys;
        private int[] targets;
        private int size;
        private int[] nodeWord;
        private int nodes = 1;

        Builder(int expectedNodes) {
            int cap = Integer.highestOneBit(Math.max(expectedNodes, 1 << 10)) * 4;
            keys = new long[cap];
            targets = new int[cap];
            nodeWord = new int[Math.max(expectedNodes, 1 << 10)];
            Arrays.fill(rootChildren, -1);
            Arrays.fill(keys, -1L);
            Arrays.fill(nodeWord, -1);
        }

        /**
         * Inserts {@code key[0, len)} (read backwards when {@code reversed}) with {@code wordId} unless the key
         * is present; returns the id now stored for the key.
         */
        int putIfAbsent(char[] key, int len, boolean reversed, int wordId) {
            int node = ROOT;
            for (int i = 0; i < len; i++) {
                node = childOrCreate(node, key[reversed ? len - 1 - i : i]);
            }
            if (nodeWord[node] < 0) {
                nodeWord[node] = wordId;
            }
            return nodeWord[node];
        }

        private int childOrCreate(int node, char c) {
            if (node == ROOT) {
                int t = rootChildren[c];
                if (t < 0) {
                    t = newNode();
                    rootChildren[c] = t;
                }
                return t;
            }
            if ((size + 1) * 2 > keys.length) {
                rehash();
            }
            long key = ((long) node << 16) | c;
            int m = keys.length - 1;
            int slot = hash(key) & m;
            while (keys[slot] != -1L) {
                if (keys[slot] == key) {
                    return targets[slot];
                }
                slot = (slot + 1) & m;
            }
            int t = newNode();
            keys[slot] = key;
            targets[slot] = t;
            size++;
            return t;
        }

        private int newNode() {
            if (nodes == nodeWord.length) {
                int old = nodeWord.length;
                nodeWord = Arrays.copyOf(nodeWord, old * 2);
                Arrays.fill(nodeWord, old, nodeWord.length, -1);
            }
            return nodes++;
        }

        private void rehash() {
            long[] oldKeys = keys;
            int[] oldTargets = targets;
            keys = new long[oldKeys.length * 2];
            targets = new int[oldKeys.length * 2];
            Arrays.fill(keys, -1L);
            int m = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != -1L) {
                    int slot = hash(oldKeys[i]) & m;
                    while (keys[slot] != -1L) {
                        slot = (slot + 1) & m;
                    }
                    keys[slot] = oldKeys[i];
                    targets[slot] = oldTargets[i];
                }
            }
        }

        CharTrie build() {
            int nodeCount = nodes;
            // Count children per node, then place edges by parent (counting sort) and sort each run by char.
            int[] start = new int[nodeCount + 1];
            for (long k : keys) {
                if (k != -1L) {
                    start[(int) (k >>> 16) + 1]++;
                }
            }
            for (int i = 0; i < nodeCount; i++) {
                start[i + 1] += start[i];
            }
            char[] chars = new char[size];
            int[] targetsOut = new int[size];
            int[] fill = java.util.Arrays.copyOf(start, nodeCount);
            for (int slot = 0; slot < keys.length; slot++) {
                long k = keys[slot];
                if (k != -1L) {
                    int p = fill[(int) (k >>> 16)]++;
                    chars[p] = (char) k;
                    targetsOut[p] = targets[slot];
                }
            }
            for (int node = 0; node < nodeCount; node++) {
                sortRun(chars, targetsOut, start[node], start[node + 1]);
            }
            return new CharTrie(rootChildren, start, chars, targetsOut, Arrays.copyOf(nodeWord, nodeCount));
        }

        private static void sortRun(char[] chars, int[] targets, int from, int to) {
            if (to - from <= 16) {
                for (int i = from + 1; i < to; i++) {
                    char c = chars[i];
                    int t = targets[i];
                    int j = i - 1;
                    while (j >= from && chars[j] > c) {
                        chars[j + 1] = chars[j];
                        targets[j + 1] = targets[j];
                        j--;
                    }
                    chars[j + 1] = c;
                    targets[j + 1] = t;
                }
                return;
            }
            long[] packed = new long[to - from];
            for (int i = from; i < to; i++) {
                packed[i - from] = ((long) chars[i] << 32) | (targets[i] & 0xFFFFFFFFL);
            }
            Arrays.sort(packed);
            for (int i = from; i < to; i++) {
                chars[i] = (char) (packed[i - from] >>> 32);
                targets[i] = (int) packed[i - from];
            }
        }
    }
}
