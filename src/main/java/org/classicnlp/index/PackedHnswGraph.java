package org.classicnlp.index;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.util.hnsw.HnswGraph;
import org.classicnlp.core.ModelContainer;

/**
 * A read-only HNSW graph in flat arrays, as saved with a {@link VectorIndex}: per level the sorted node
 * numbers (level 0 holds every node) and the neighbour lists in one array with offsets. Lucene's graph
 * searcher walks it through {@link #view()}, one cursor per search, so searches run concurrently.
 */
final class PackedHnswGraph {

    private final int size;
    private final int entryNode;
    /** nodes[level]: sorted node numbers on the level; nodes[0] is null (all of 0..size-1). */
    private final int[][] nodes;
    private final int[][] offsets;
    private final int[][] neighbors;

    private PackedHnswGraph(int size, int entryNode, int[][] nodes, int[][] offsets, int[][] neighbors) {
        this.size = size;
        this.entryNode = entryNode;
        this.nodes = nodes;
        this.offsets = offsets;
        this.neighbors = neighbors;
    }

    /** Copies any Lucene graph over {@code size} nodes (the caller holds it still). */
    static PackedHnswGraph pack(HnswGraph graph, int size) {
        if (graph instanceof View v) {
            return v.owner();
        }
        try {
            int levels = graph.numLevels();
            int[][] nodes = new int[levels][];
            int[][] offsets = new int[levels][];
            int[][] neighbors = new int[levels][];
            for (int level = 0; level < levels; level++) {
                int[] onLevel;
                if (level == 0) {
                    onLevel = new int[size];
                    Arrays.setAll(onLevel, i -> i);
                } else {
                    onLevel = HnswGraph.NodesIterator.getSortedNodes(graph.getNodesOnLevel(level));
                    nodes[level] = onLevel;
                }
                int[] off = new int[onLevel.length + 1];
                int[] nb = new int[Math.max(16, onLevel.length * 8)];
                int count = 0;
                for (int i = 0; i < onLevel.length; i++) {
                    graph.seek(level, onLevel[i]);
                    for (int t = graph.nextNeighbor(); t != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                            t = graph.nextNeighbor()) {
                        if (count == nb.length) {
                            nb = Arrays.copyOf(nb, nb.length * 2);
                        }
                        nb[count++] = t;
                    }
                    off[i + 1] = count;
                }
                offsets[level] = off;
                neighbors[level] = Arrays.copyOf(nb, count);
            }
            return new PackedHnswGraph(size, graph.entryNode(), nodes, offsets, neighbors);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Layout: int levels, int entry node; per level: (level > 0) int count and count sorted node numbers;
     * then per node int degree and its neighbours.
     */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(nodes.length);
        out.writeInt(entryNode);
        for (int level = 0; level < nodes.length; level++) {
            if (level > 0) {
                out.writeInt(nodes[level].length);
                for (int x : nodes[level]) {
                    out.writeInt(x);
                }
            }
            int[] off = offsets[level];
            for (int i = 0; i + 1 < off.length; i++) {
                out.writeInt(off[i + 1] - off[i]);
                for (int j = off[i]; j < off[i + 1]; j++) {
                    out.writeInt(neighbors[level][j]);
                }
            }
        }
    }

    static PackedHnswGraph read(ModelContainer.Body body, int size) throws IOException {
        DataInputStream in = body.in();
        int levels = in.readInt();
        int entry = in.readInt();
        body.check(levels >= 1 && levels <= 64, "invalid HNSW level count " + levels);
        body.check(entry >= 0 && entry < size, "HNSW entry node " + entry + " outside 0.." + (size - 1));
        int[][] nodes = new int[levels][];
        int[][] offsets = new int[levels][];
        int[][] neighbors = new int[levels][];
        for (int level = 0; level < levels; level++) {
            body.section("hnsw level", level, levels);
            int count = size;
            if (level > 0) {
                count = in.readInt();
                body.check(count >= 1 && count <= size, "invalid node count " + count + " on level " + level);
                nodes[level] = new int[count];
                for (int i = 0; i < count; i++) {
                    int x = in.readInt();
                    body.check(x >= 0 && x < size && (i == 0 || x > nodes[level][i - 1]),
                            "node numbers on level " + level + " must be increasing and < " + size);
                    nodes[level][i] = x;
                }
            }
            int[] off = new int[count + 1];
            int[] nb = new int[Math.max(16, count * 8)];
            int total = 0;
            for (int i = 0; i < count; i++) {
                int degree = in.readInt();
                body.check(degree >= 0 && degree <= size, "invalid degree " + degree);
                if (total + degree > nb.length) {
                    nb = Arrays.copyOf(nb, Math.max(nb.length * 2, total + degree));
                }
                for (int j = 0; j < degree; j++) {
                    int t = in.readInt();
                    body.check(t >= 0 && t < size, "neighbour " + t + " outside 0.." + (size - 1));
                    nb[total++] = t;
                }
                off[i + 1] = total;
            }
            offsets[level] = off;
            neighbors[level] = Arrays.copyOf(nb, total);
        }
        return new PackedHnswGraph(size, entry, nodes, offsets, neighbors);
    }

    /** A cursor over this graph for one search (Lucene's {@code seek}/{@code nextNeighbor} are stateful). */
    HnswGraph view() {
        return new View();
    }

    private final class View extends HnswGraph {
        private int pos;
        private int end;
        private int[] nb;

        PackedHnswGraph owner() {
            return PackedHnswGraph.this;
        }

        @Override
        public void seek(int level, int target) {
            int i = level == 0 ? target : Arrays.binarySearch(nodes[level], target);
            if (i < 0) {
                throw new IllegalArgumentException("node " + target + " is not on level " + level);
            }
            nb = neighbors[level];
            pos = offsets[level][i];
            end = offsets[level][i + 1];
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public int nextNeighbor() {
            return pos < end ? nb[pos++] : org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
        }

        @Override
        public int numLevels() {
            return nodes.length;
        }

        @Override
        public int entryNode() {
            return entryNode;
        }

        @Override
        public NodesIterator getNodesOnLevel(int level) {
            if (level == 0) {
                return new ArrayNodesIterator(size);
            }
            return new ArrayNodesIterator(nodes[level], nodes[level].length);
        }
    }
}
