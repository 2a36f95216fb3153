package org.classicnlp.lexicon;

import java.util.Arrays;

/**
 * An immutable character trie over word keys, compact and fast: the root's children sit in a direct
 * 64K table, deeper transitions in one open-addressing hash table keyed by (node, char). Each node
 * holds the id of the word ending there, or -1.
 */
final class CharTrie {

    private static final int ROOT = 0;

    private final int[] rootChildren;
    private final long[] keys;
    private final int[] targets;
    private final int mask;
    private final int[] nodeWord;

    private CharTrie(int[] rootChildren, long[] keys, int[] targets, int[] nodeWord) {
        this.rootChildren = rootChildren;
        this.keys = keys;
        this.targets = targets;
        this.mask = keys.length - 1;
        this.nodeWord = nodeWord;
    }

    /** The node reached from {@code node} by {@code c}, or -1. */
    int child(int node, char c) {
        if (node == ROOT) {
            return rootChildren[c];
        }
        long key = ((long) node << 16) | c;
        int slot = hash(key) & mask;
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return targets[slot];
            }
            if (k == -1L) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
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

    /** Builds a trie; keys are inserted with their word ids. */
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
            // The builder is discarded after build(), so its arrays are handed over without copying.
            return new CharTrie(rootChildren, keys, targets, Arrays.copyOf(nodeWord, nodes));
        }
    }
}
