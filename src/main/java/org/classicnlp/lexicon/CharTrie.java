package org.classicnlp.lexicon;

import java.util.Arrays;

/**
 * An immutable character trie over word keys, laid out for fast longest-match walks. Every transition
 * is one {@code long} "edge" packing the target node, the id of the word ending there (+1, or 0) and the
 * char. The root's edges sit in a direct 64K table; every other node's edges form a small open-addressing
 * hash table of power-of-two size inside one shared array (per-node offsets in {@code childStart}). A
 * walk step is thus one or two reads of one array, with the word id already in hand.
 */
final class CharTrie {

    private static final int ROOT = 0;
    private static final int NODE_BITS = 24;
    private static final long NODE_MASK = (1L << NODE_BITS) - 1;
    /** Node ids and word ids must fit the packed edge. */
    static final int MAX_NODES = 1 << NODE_BITS;

    private final long[] rootEdges;
    private final int[] childStart;
    private final long[] edges;

    private CharTrie(long[] rootEdges, int[] childStart, long[] edges) {
        this.rootEdges = rootEdges;
        this.childStart = childStart;
        this.edges = edges;
    }

    static long pack(int node, int wordId, char c) {
        return ((long) (wordId + 1) << (16 + NODE_BITS)) | ((long) node << 16) | c;
    }

    /** The target node of an edge. */
    static int node(long edge) {
        return (int) ((edge >>> 16) & NODE_MASK);
    }

    /** The id of the word ending at an edge's target, or -1. */
    static int word(long edge) {
        return (int) (edge >>> (16 + NODE_BITS)) - 1;
    }

    private static int slot(char c, int mask) {
        return ((c * 0x9E3779B1) >>> 16) & mask;
    }

    /** The edge from {@code node} by {@code c}, or 0 when there is none. */
    long edge(int node, char c) {
        if (node == ROOT) {
            return rootEdges[c];
        }
        int lo = childStart[node];
        int mask = childStart[node + 1] - lo - 1;
        if (mask < 0) {
            return 0;
        }
        int h = slot(c, mask);
        while (true) {
            long e = edges[lo + h];
            if (e == 0 || (char) e == c) {
                return e;
            }
            h = (h + 1) & mask;
        }
    }

    int root() {
        return ROOT;
    }

    /** Id of the word spelled exactly by {@code key}, or -1. */
    int get(CharSequence key) {
        int node = ROOT;
        long e = 0;
        for (int i = 0; i < key.length(); i++) {
            e = edge(node, key.charAt(i));
            if (e == 0) {
                return -1;
            }
            node = node(e);
        }
        return key.length() == 0 ? -1 : word(e);
    }

    int nodeCount() {
        return childStart.length - 1;
    }

    void write(java.io.DataOutputStream out) throws java.io.IOException {
        BinaryIO.writeLongs(out, rootEdges);
        BinaryIO.writeInts(out, childStart);
        BinaryIO.writeLongs(out, edges);
    }

    /** Reads what {@link #write} wrote; checks the shape so that a damaged file cannot mislead lookups. */
    static CharTrie read(java.nio.ByteBuffer in, int words) {
        long[] root = BinaryIO.readLongs(in);
        int[] start = BinaryIO.readInts(in);
        long[] edges = BinaryIO.readLongs(in);
        int nodes = start.length - 1;
        boolean ok = root.length == 1 << 16 && nodes >= 1 && start[0] == 0 && start[nodes] == edges.length;
        for (int i = 0; ok && i < nodes; i++) {
            int size = start[i + 1] - start[i];
            ok = size == 0 || size >= 2 && (size & (size - 1)) == 0;
        }
        for (int i = 0; ok && i < edges.length + root.length; i++) {
            long e = i < root.length ? root[i] : edges[i - root.length];
            ok = e == 0 || node(e) > 0 && node(e) < nodes && word(e) < words;
        }
        if (!ok) {
            throw new IllegalArgumentException("inconsistent trie arrays");
        }
        return new CharTrie(root, start, edges);
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
            if (nodeCount > MAX_NODES) {
                throw new IllegalStateException("dictionary too large: " + nodeCount + " trie nodes, at most " + MAX_NODES);
            }
            // Children per node; each table has twice as many slots (a power of two), so probes always end.
            int[] children = new int[nodeCount];
            for (long k : keys) {
                if (k != -1L) {
                    children[(int) (k >>> 16)]++;
                }
            }
            int[] start = new int[nodeCount + 1];
            for (int i = 0; i < nodeCount; i++) {
                int c = children[i];
                int size = c == 0 ? 0 : Integer.highestOneBit(2 * c - 1) << 1;
                start[i + 1] = start[i] + size;
            }
            long[] edges = new long[start[nodeCount]];
            long[] rootEdges = new long[1 << 16];
            for (int c = 0; c < rootChildren.length; c++) {
                int t = rootChildren[c];
                if (t >= 0) {
                    rootEdges[c] = pack(t, nodeWord[t], (char) c);
                }
            }
            for (int slot = 0; slot < keys.length; slot++) {
                long k = keys[slot];
                if (k != -1L) {
                    int parent = (int) (k >>> 16);
                    char c = (char) k;
                    int t = targets[slot];
                    int lo = start[parent];
                    int mask = start[parent + 1] - lo - 1;
                    int h = slot(c, mask);
                    while (edges[lo + h] != 0) {
                        h = (h + 1) & mask;
                    }
                    edges[lo + h] = pack(t, nodeWord[t], c);
                }
            }
            return new CharTrie(rootEdges, start, edges);
        }
    }
}
