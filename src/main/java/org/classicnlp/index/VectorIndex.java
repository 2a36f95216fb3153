package org.classicnlp.index;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import org.apache.lucene.codecs.hnsw.DefaultFlatVectorScorer;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.hnsw.HnswGraph;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.InitializedHnswGraphBuilder;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomAccessVectorValues;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;
import org.classicnlp.core.Hit;
import org.classicnlp.core.ModelContainer;
import org.classicnlp.core.TopK;
import org.classicnlp.core.VectorMath;

/**
 * Nearest-neighbour search over vectors with string ids, all rows in one contiguous row-major
 * {@code float[]} matrix.
 *
 * <p><b>Exact</b> search scans the matrix with the core kernels ({@link VectorMath#dot}, {@link TopK}).
 * <b>Approximate</b> search (when built with {@link HnswParams}) walks an HNSW graph built and searched by
 * Lucene's {@code org.apache.lucene.util.hnsw} (Lucene 9.12: maintained, Apache-2.0, no dependencies, the
 * HNSW that Lucene, Elasticsearch and OpenSearch ship); the graph reads the vectors from this index's own
 * matrix, and the candidates it returns are re-scored with the exact kernel, so both modes give the same
 * score for the same (query, row).
 *
 * <p>Scores (higher is better in every metric): {@link Metric#COSINE} the cosine (rows and query are unit
 * normalised); {@link Metric#DOT} the dot product; {@link Metric#L2} the negated Euclidean distance.
 * Ties rank the earlier-added row first.
 *
 * <p>Thread-safe: searches run concurrently; {@link #add} takes a write lock.
 * Saved in the core model container, kind {@code vindex} version 1 (see {@link #save}).
 */
public final class VectorIndex {

    /** The similarity a search ranks by. */
    public enum Metric {
        COSINE(VectorSimilarityFunction.DOT_PRODUCT),
        DOT(VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT),
        L2(VectorSimilarityFunction.EUCLIDEAN);

        final VectorSimilarityFunction lucene;

        Metric(VectorSimilarityFunction lucene) {
            this.lucene = lucene;
        }

        /** {@code cosine}, {@code dot} or {@code l2}. */
        public static Metric of(String name) {
            for (Metric m : values()) {
                if (m.name().equalsIgnoreCase(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown metric '" + name + "'; expected cosine, dot or l2");
        }
    }

    /**
     * HNSW parameters.
     *
     * @param maxConn   neighbours per node (Lucene's {@code M}, default 16)
     * @param beamWidth candidates kept while inserting ({@code efConstruction}, default 100)
     * @param efSearch  candidates kept while searching (at least k is used; default 100)
     * @param seed      seed of the level draw (graphs are reproducible for one insertion order)
     */
    public record HnswParams(int maxConn, int beamWidth, int efSearch, long seed) {
        public HnswParams {
            if (maxConn < 2 || maxConn > 512 || beamWidth < 1 || efSearch < 1) {
                throw new IllegalArgumentException("invalid HNSW parameters " + maxConn + "/" + beamWidth + "/"
                        + efSearch + ": need 2 <= maxConn <= 512, beamWidth >= 1, efSearch >= 1");
            }
        }

        public static HnswParams defaults() {
            return new HnswParams(16, 100, 100, 42);
        }

        public HnswParams withEfSearch(int ef) {
            return new HnswParams(maxConn, beamWidth, ef, seed);
        }
    }

    static final ModelContainer.Kind KIND = new ModelContainer.Kind("vindex", 1);

    private final int dimension;
    private final Metric metric;
    private final HnswParams hnsw;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Integer> rowOf = new HashMap<>();
    private String[] ids;
    private float[] matrix;
    private int size;
    /** The builder's on-heap graph (null until something is added to a new or loaded index). */
    private OnHeapHnswGraph graph;
    /** The graph read from a file, searched until the first {@link #add}. */
    private PackedHnswGraph packed;
    private HnswGraphBuilder builder;

    /** A view over a caller's unit rows ({@link #ofUnitRows}): no id map, no {@link #add}. */
    private final boolean view;

    private VectorIndex(int dimension, Metric metric, HnswParams hnsw, String[] ids, float[] matrix, int size) {
        this(dimension, metric, hnsw, ids, matrix, size, false);
    }

    private VectorIndex(int dimension, Metric metric, HnswParams hnsw, String[] ids, float[] matrix, int size,
            boolean view) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be > 0, got " + dimension);
        }
        this.dimension = dimension;
        this.metric = Objects.requireNonNull(metric, "metric");
        this.hnsw = hnsw;
        this.ids = ids;
        this.matrix = matrix;
        this.size = size;
        this.view = view;
        for (int i = 0; !view && i < size; i++) {
            if (rowOf.putIfAbsent(ids[i], i) != null) {
                throw new IllegalArgumentException("id '" + ids[i] + "' occurs twice (rows " + rowOf.get(ids[i])
                        + " and " + i + ")");
            }
        }
    }

    /** An empty index searched exactly. */
    public static VectorIndex exact(int dimension, Metric metric) {
        return new VectorIndex(dimension, metric, null, new String[16], new float[16 * dimension], 0);
    }

    /** An empty index searched through an HNSW graph (and exactly with {@link #searchExact}). */
    public static VectorIndex hnsw(int dimension, Metric metric, HnswParams params) {
        return new VectorIndex(dimension, metric, Objects.requireNonNull(params, "params"), new String[16],
                new float[16 * dimension], 0);
    }

    /**
     * An exact cosine index over rows that are already unit vectors, used as given (not copied, not
     * normalised again): for {@code WordVectors}, whose unit matrix is the index. The caller keeps the
     * ids unique; such an index is read-only ({@link #add} throws).
     */
    public static VectorIndex ofUnitRows(String[] ids, float[] unitRows, int dimension) {
        if ((long) ids.length * dimension != unitRows.length) {
            throw new IllegalArgumentException(ids.length + " ids × " + dimension + " ≠ " + unitRows.length
                    + " values");
        }
        return new VectorIndex(dimension, Metric.COSINE, null, ids, unitRows, ids.length, true);
    }

    public int dimension() {
        return dimension;
    }

    public Metric metric() {
        return metric;
    }

    /** Whether {@link #search} walks an HNSW graph. */
    public boolean approximate() {
        return hnsw != null;
    }

    /** The HNSW parameters, or null for an exact index. */
    public HnswParams hnswParams() {
        return hnsw;
    }

    public int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The id of a row (rows are numbered from 0 in the order added). */
    public String id(int row) {
        lock.readLock().lock();
        try {
            Objects.checkIndex(row, size);
            return ids[row];
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The row of {@code id}, or -1 (always -1 for an {@link #ofUnitRows} view). */
    public int row(String id) {
        lock.readLock().lock();
        try {
            Integer r = rowOf.get(id);
            return r == null ? -1 : r;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The score of one row for {@code query}, as a search would give it. */
    public double score(float[] query, int row) {
        float[] q = prepare(query);
        lock.readLock().lock();
        try {
            Objects.checkIndex(row, size);
            return rowScore(q, row);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A copy of the stored vector of {@code row} (unit-normalised for cosine). */
    public float[] vector(int row) {
        lock.readLock().lock();
        try {
            Objects.checkIndex(row, size);
            return Arrays.copyOfRange(matrix, row * dimension, (row + 1) * dimension);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Adds one vector (copied; normalised for cosine; a zero vector stays zero). */
    public void add(String id, float[] vector) {
        addAll(List.of(id), vector);
    }

    /** Adds {@code ids.size()} row-major vectors at once. */
    public void addAll(List<String> newIds, float[] rows) {
        if ((long) newIds.size() * dimension != rows.length) {
            throw new IllegalArgumentException(newIds.size() + " ids × " + dimension + " ≠ " + rows.length
                    + " values");
        }
        if (view) {
            throw new UnsupportedOperationException("this index is a read-only view over a caller's rows");
        }
        for (int j = 0; j < rows.length; j++) {
            if (!inRange(rows[j])) {
                throw new IllegalArgumentException("row " + j / dimension + ": " + VALUE_RANGE + ", got " + rows[j]);
            }
        }
        lock.writeLock().lock();
        try {
            int n = newIds.size();
            for (int i = 0; i < n; i++) {
                String id = Objects.requireNonNull(newIds.get(i), "id");
                if (rowOf.containsKey(id)) {
                    throw new IllegalArgumentException("id '" + id + "' is already in the index");
                }
            }
            ensureCapacity(size + n);
            for (int i = 0; i < n; i++) {
                int row = size + i;
                if (rowOf.putIfAbsent(newIds.get(i), row) != null) {
                    for (int j = 0; j < i; j++) {
                        rowOf.remove(newIds.get(j));
                    }
                    throw new IllegalArgumentException("id '" + newIds.get(i) + "' occurs twice in the batch");
                }
                ids[row] = newIds.get(i);
                if (metric == Metric.COSINE) {
                    VectorMath.normalize(rows, i * dimension, matrix, row * dimension, dimension);
                } else {
                    System.arraycopy(rows, i * dimension, matrix, row * dimension, dimension);
                }
            }
            int first = size;
            size += n;
            if (hnsw != null) {
                insertIntoGraph(first, size);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void ensureCapacity(int rows) {
        if (rows > ids.length) {
            int cap = Math.max(rows, ids.length + (ids.length >> 1) + 16);
            if ((long) cap * dimension > Integer.MAX_VALUE - 8) {
                cap = (Integer.MAX_VALUE - 8) / dimension;
                if (cap < rows) {
                    throw new IllegalStateException("index full: " + rows + " rows × " + dimension
                            + " exceed one Java array");
                }
            }
            ids = Arrays.copyOf(ids, cap);
            matrix = Arrays.copyOf(matrix, cap * dimension);
        }
    }

    private void insertIntoGraph(int from, int to) {
        try {
            RandomVectorScorerSupplier supplier = DefaultFlatVectorScorer.INSTANCE
                    .getRandomVectorScorerSupplier(metric.lucene, new Rows());
            if (builder == null && packed == null) {
                builder = HnswGraphBuilder.create(supplier, hnsw.maxConn(), hnsw.beamWidth(), hnsw.seed()); // grows
            } else if (packed != null) {
                // a graph read from a file: Lucene copies it into an on-heap graph (size -1: one that grows)
                // and inserts the new rows into the copy
                int[] identity = new int[from];
                Arrays.setAll(identity, i -> i);
                builder = new InitializedHnswGraphBuilder(supplier, hnsw.maxConn(), hnsw.beamWidth(), hnsw.seed(),
                        InitializedHnswGraphBuilder.initGraph(hnsw.maxConn(), packed.view(), identity, -1),
                        new AllBelow(from));
                packed = null;
            }
            for (int row = from; row < to; row++) {
                builder.addGraphNode(row);
            }
            graph = builder.getGraph();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // Lucene's in-memory vectors never do I/O
        }
    }

    /**
     * The rows a loaded graph already holds (0..n-1), for Lucene's builder, which skips them; of any length,
     * so the builder takes rows beyond the loaded ones for good. Only {@link #get} is ever asked.
     */
    private static final class AllBelow extends org.apache.lucene.util.BitSet {
        private final int n;

        AllBelow(int n) {
            this.n = n;
        }

        @Override
        public boolean get(int index) {
            return index < n;
        }

        @Override
        public int length() {
            return Integer.MAX_VALUE;
        }

        @Override
        public void set(int i) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getAndSet(int i) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void clear(int i) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void clear(int from, int to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int cardinality() {
            return n;
        }

        @Override
        public int approximateCardinality() {
            return n;
        }

        @Override
        public int prevSetBit(int index) {
            return n == 0 ? -1 : Math.min(index, n - 1);
        }

        @Override
        public int nextSetBit(int from, int to) {
            return from < n && from < to ? from : org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
        }

        @Override
        public long ramBytesUsed() {
            return 16;
        }
    }

    /** The {@code k} best rows for {@code query}: through the graph when approximate, else exact. */
    public List<Hit> search(float[] query, int k) {
        return search(query, k, null);
    }

    /**
     * The {@code k} best rows whose id passes {@code filter} (null: all). Approximate search applies the
     * filter inside the graph walk (Lucene's accept bits), so a filter that rejects most rows costs recall:
     * use {@link #searchExact} then.
     */
    public List<Hit> search(float[] query, int k, Predicate<String> filter) {
        if (hnsw == null) {
            return searchExact(query, k, filter);
        }
        return search(query, k, filter, hnsw.efSearch());
    }

    /**
     * Approximate search keeping {@code efSearch} candidates (at least k) instead of the stored
     * {@link HnswParams#efSearch()}: more is slower and finds more of the true neighbours.
     *
     * @throws IllegalStateException for an exact index
     */
    public List<Hit> search(float[] query, int k, Predicate<String> filter, int efSearch) {
        if (hnsw == null) {
            throw new IllegalStateException("an exact index has no HNSW graph; use search or searchExact");
        }
        if (efSearch < 1) {
            throw new IllegalArgumentException("efSearch must be >= 1, got " + efSearch);
        }
        float[] q = prepare(query);
        checkK(k);
        lock.readLock().lock();
        try {
            if (size == 0) {
                return List.of();
            }
            final String[] rowIds = ids;
            final int n = size;
            Bits accept = filter == null ? null : new Bits() {
                @Override
                public boolean get(int index) {
                    return filter.test(rowIds[index]);
                }

                @Override
                public int length() {
                    return n;
                }
            };
            RandomVectorScorer scorer = DefaultFlatVectorScorer.INSTANCE.getRandomVectorScorer(metric.lucene,
                    new Rows(), q);
            int beam = Math.max(k, efSearch);
            ScoreDoc[] found;
            if (graph != null) {
                KnnCollector c = HnswGraphSearcher.search(scorer, beam, graph, accept, Integer.MAX_VALUE);
                found = c.topDocs().scoreDocs;
            } else {
                KnnCollector c = new org.apache.lucene.search.TopKnnCollector(beam, Integer.MAX_VALUE);
                HnswGraphSearcher.search(scorer, c, packed.view(), accept);
                found = c.topDocs().scoreDocs;
            }
            TopK top = new TopK(k);
            for (ScoreDoc d : found) {
                top.offer(d.doc, rowScore(q, d.doc));
            }
            return hits(top);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Exact search: every row whose id passes {@code filter} (null: all) is scored. */
    public List<Hit> searchExact(float[] query, int k, Predicate<String> filter) {
        float[] q = prepare(query);
        checkK(k);
        lock.readLock().lock();
        try {
            final String[] rowIds = ids;
            return hits(scan(q, k, filter == null ? null : row -> filter.test(rowIds[row]), size));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Exact search by row number, for callers that keep their own row numbering ({@code WordVectors}): the
     * first {@code rowLimit} rows (0 = all) that pass {@code rowFilter} (null: all), best first. The query
     * is used as given (a cosine index expects a unit query here).
     */
    public List<TopK.Hit> searchRows(float[] query, int k, IntPredicate rowFilter, int rowLimit) {
        if (query.length != dimension) {
            throw new IllegalArgumentException("query has dimension " + query.length + ", expected " + dimension);
        }
        checkK(k);
        lock.readLock().lock();
        try {
            int limit = rowLimit > 0 ? Math.min(rowLimit, size) : size;
            return scan(query, k, rowFilter, limit).best();
        } finally {
            lock.readLock().unlock();
        }
    }

    private TopK scan(float[] q, int k, IntPredicate rowFilter, int limit) {
        TopK top = new TopK(k);
        for (int i = 0; i < limit; i++) {
            float s = rowScore(q, i);
            // the filter is checked only for a row that would be kept (it may be costly)
            if (top.accepts(s) && (rowFilter == null || rowFilter.test(i))) {
                top.add(i, s);
            }
        }
        return top;
    }

    private float rowScore(float[] q, int row) {
        int o = row * dimension;
        if (metric != Metric.L2) {
            return VectorMath.dot(matrix, o, q, 0, dimension);
        }
        double d = 0;
        for (int j = 0; j < dimension; j++) {
            float x = matrix[o + j] - q[j];
            d += x * x;
        }
        return d == 0 ? 0f : (float) -Math.sqrt(d); // no -0.0
    }

    /**
     * What a stored value must be: NaN, infinities and values so large that a dot product overflows make
     * every score with that row meaningless (Lucene's scorers assert finite scores).
     */
    private static final String VALUE_RANGE = "vector values must be finite numbers of magnitude <= 1e15";

    private static boolean inRange(float v) {
        return Math.abs(v) <= 1e15f; // false for NaN too
    }

    private float[] prepare(float[] query) {
        if (query.length != dimension) {
            throw new IllegalArgumentException("query has dimension " + query.length + ", expected " + dimension);
        }
        if (metric == Metric.COSINE) {
            float[] q = new float[dimension];
            VectorMath.normalize(query, 0, q, 0, dimension);
            return q;
        }
        return query;
    }

    private static void checkK(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be > 0, got " + k);
        }
    }

    private List<Hit> hits(TopK top) {
        List<Hit> out = new ArrayList<>(top.size());
        for (TopK.Hit h : top.best()) {
            out.add(new Hit(ids[h.id()], h.score()));
        }
        return out;
    }

    /** Lucene's view of the matrix; each copy has its own row buffer (Lucene's scorers copy per thread). */
    private final class Rows implements RandomAccessVectorValues.Floats {
        private final float[] buffer = new float[dimension];

        @Override
        public int size() {
            return size;
        }

        @Override
        public int dimension() {
            return dimension;
        }

        @Override
        public float[] vectorValue(int ord) {
            System.arraycopy(matrix, ord * dimension, buffer, 0, dimension);
            return buffer;
        }

        @Override
        public Rows copy() {
            return new Rows();
        }
    }

    // ------------------------------------------------------------------ persistence

    /**
     * Saves the index. Body (big-endian): int dimension, byte metric (0 cosine, 1 dot, 2 l2), int rows,
     * rows × UTF id, rows × dimension floats, byte hnsw (0/1); with HNSW: int maxConn, int beamWidth,
     * int efSearch, long seed, then the graph ({@link PackedHnswGraph#write}).
     */
    public void save(Path file) {
        lock.readLock().lock();
        try {
            PackedHnswGraph saved = hnsw == null || size == 0 ? null
                    : graph != null ? PackedHnswGraph.pack(graph, size) : packed;
            ModelContainer.save(file, KIND, null, ModelContainer.Compression.NONE, out -> write(out, saved));
        } finally {
            lock.readLock().unlock();
        }
    }

    private void write(DataOutputStream out, PackedHnswGraph saved) throws IOException {
        out.writeInt(dimension);
        out.writeByte(metric.ordinal());
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeUTF(ids[i]);
        }
        byte[] buf = new byte[dimension * 4];
        for (int i = 0; i < size; i++) {
            java.nio.ByteBuffer.wrap(buf).asFloatBuffer().put(matrix, i * dimension, dimension);
            out.write(buf);
        }
        out.writeByte(hnsw == null ? 0 : 1);
        if (hnsw != null) {
            out.writeInt(hnsw.maxConn());
            out.writeInt(hnsw.beamWidth());
            out.writeInt(hnsw.efSearch());
            out.writeLong(hnsw.seed());
            out.writeByte(saved == null ? 0 : 1);
            if (saved != null) {
                saved.write(out);
            }
        }
    }

    /** Reads an index saved by {@link #save}. */
    public static VectorIndex load(Path file) {
        return ModelContainer.load(file, body -> {
            var in = body.in();
            body.section("header");
            int dim = in.readInt();
            body.check(dim > 0, "dimension must be > 0, got " + dim);
            int m = in.readUnsignedByte();
            body.check(m < Metric.values().length, "unknown metric code " + m);
            int n = in.readInt();
            body.check(n >= 0 && (long) n * dim <= Integer.MAX_VALUE - 8, "invalid row count " + n);
            body.check(dim <= 1 << 24, "dimension " + dim + ", expected at most " + (1 << 24));
            body.count(n, 2 + 4L * dim, "row");   // its id's UTF length and its floats
            body.section("ids");
            String[] ids = new String[Math.max(n, 16)];
            for (int i = 0; i < n; i++) {
                ids[i] = in.readUTF();
            }
            body.section("vectors");
            float[] matrix = new float[Math.max(n, 16) * dim];
            byte[] buf = new byte[dim * 4];
            for (int i = 0; i < n; i++) {
                in.readFully(buf);
                java.nio.ByteBuffer.wrap(buf).asFloatBuffer().get(matrix, i * dim, dim);
                for (int j = i * dim; j < (i + 1) * dim; j++) {
                    body.check(inRange(matrix[j]), "row " + i + ": " + VALUE_RANGE);
                }
            }
            body.section("hnsw");
            HnswParams params = null;
            PackedHnswGraph g = null;
            if (in.readUnsignedByte() == 1) {
                int maxConn = in.readInt(), beamWidth = in.readInt(), efSearch = in.readInt();
                long seed = in.readLong();
                try {
                    params = new HnswParams(maxConn, beamWidth, efSearch, seed);
                } catch (IllegalArgumentException e) {
                    throw body.error(e.getMessage());
                }
                if (in.readUnsignedByte() == 1) {
                    g = PackedHnswGraph.read(body, n);
                }
            }
            VectorIndex index;
            try {
                index = new VectorIndex(dim, Metric.values()[m], params, ids, matrix, n);
            } catch (IllegalArgumentException e) {
                throw body.error(e.getMessage());
            }
            index.packed = g;
            return index;
        }, KIND);
    }
}
