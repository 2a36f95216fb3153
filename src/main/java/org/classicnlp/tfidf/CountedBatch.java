package org.classicnlp.tfidf;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.classicnlp.core.Document;

/**
 * One batch of documents analyzed and counted on a worker thread: a batch-local term table with each
 * term's df and tf within the batch, and per document its (term id, count) entries and its length in
 * terms. Counting into a small batch-local table is cache-friendly; the single-threaded merge into
 * {@link DocumentFrequencies} then touches each distinct term of the batch once instead of every token.
 * After the merge the entries hold corpus-wide ids and the batch can be kept to weigh the documents
 * without reading and analyzing them again.
 *
 * <p>The working arrays (table, per-term counts, entry arrays) come from a {@link Pool} and go back to it
 * once the batch is merged ({@link #release}), so counting a corpus allocates them a few times, not once
 * per batch: this is what keeps the heap, and the process's memory, small.
 */
final class CountedBatch {

    final int size;
    final String[] ids;
    final int[] lengths;
    final int[] starts; // entries of document d: [starts[d], starts[d+1])
    int entries;
    /** The entries' term ids and counts: the workspace's arrays until released, then null or exact copies. */
    int[] termIds;
    int[] counts;
    /** Or, once released, each kept entry in one int: {@code (term id << countBits) | count}, when both fit. */
    private int[] packed;
    private int countBits;
    /** The batch-local table and counts while counting and merging; null once released. */
    Workspace work;

    private CountedBatch(int size, Workspace work) {
        this.size = size;
        this.ids = new String[size];
        this.lengths = new int[size];
        this.starts = new int[size + 1];
        this.work = work;
    }

    /** Analyzes and counts a batch (runs on a worker thread) into a workspace taken from {@code pool}. */
    static CountedBatch count(List<Document> docs, TermAnalyzer analyzer, TermAnalyzer.Scratch scratch, Pool pool) {
        long chars = 0;
        for (Document d : docs) {
            chars += d.text().length();
        }
        CountedBatch b = new CountedBatch(docs.size(), pool.take((int) Math.min(1 << 20, Math.max(64, chars / 16))));
        Counter c = new Counter(b);
        for (int i = 0; i < docs.size(); i++) {
            Document d = docs.get(i);
            b.ids[i] = d.id();
            c.touched = 0;
            b.lengths[i] = analyzer.analyze(d.text(), scratch, c);
            c.endDocument();
            b.starts[i + 1] = b.entries;
        }
        b.termIds = b.work.termIds;
        b.counts = b.work.counts;
        return b;
    }

    /** Approximate heap bytes held once released with its entries kept, for the cache budget. */
    long retainedBytes() {
        long bytes = (packed != null ? 4L : 8L) * entries + 8L * size + 48L * size;
        for (String id : ids) {
            bytes += id.length();
        }
        return bytes;
    }

    /** The (corpus-wide, once merged) term id of entry {@code k}. */
    int termId(int k) {
        return packed != null ? packed[k] >>> countBits : termIds[k];
    }

    /** The count of entry {@code k}. */
    int count(int k) {
        return packed != null ? packed[k] & ((1 << countBits) - 1) : counts[k];
    }

    /**
     * Gives the workspace back to its pool; with {@code keepEntries} the (term id, count) entries are
     * first copied out to weigh the documents later: packed one int per entry when the largest id and count
     * fit together in 32 bits (nearly always: ids below 2^22 with counts below 2^10, say), else two arrays of
     * their exact size. Kept entries are the bulk of what a fit holds for its second pass.
     */
    void release(boolean keepEntries, Pool pool) {
        if (work == null) {
            return;
        }
        int[] ids = work.termIds;
        int[] cs = work.counts;
        termIds = null;
        counts = null;
        if (keepEntries) {
            int idBitsOr = 0;
            int countBitsOr = 0;
            for (int k = 0; k < entries; k++) {
                idBitsOr |= ids[k];
                countBitsOr |= cs[k];
            }
            int cb = 32 - Integer.numberOfLeadingZeros(countBitsOr);
            if (32 - Integer.numberOfLeadingZeros(idBitsOr) + cb <= 32 && cb < 32) {
                packed = new int[entries];
                for (int k = 0; k < entries; k++) {
                    packed[k] = (ids[k] << cb) | cs[k];
                }
                countBits = cb;
            } else {
                termIds = Arrays.copyOf(ids, entries);
                counts = Arrays.copyOf(cs, entries);
            }
        }
        pool.give(work);
        work = null;
    }

    /** The working arrays of one batch count, reused across batches. */
    static final class Workspace {
        TermTable table;
        int[] df;
        long[] tf;
        int[] termIds;
        int[] counts;
        int[] docCounts; // per batch-local term, within the current document; all zero between documents
        int[] touchedIds = new int[256];

        Workspace(int expected) {
            table = new TermTable(expected);
            df = new int[expected];
            tf = new long[expected];
            termIds = new int[expected];
            counts = new int[expected];
            docCounts = new int[expected];
        }

        /** Empties the counts for the next batch, keeping capacity. */
        void clear() {
            Arrays.fill(df, 0, table.size(), 0);
            Arrays.fill(tf, 0, table.size(), 0);
            table.clear();
        }
    }

    /**
     * Workspaces shared by the worker threads of one count. At most as many exist as batches are in flight
     * at once (bounded by {@link org.classicnlp.core.BatchExecutor}), whatever the corpus size.
     */
    static final class Pool {
        private final ConcurrentLinkedQueue<Workspace> free = new ConcurrentLinkedQueue<>();

        Workspace take(int expected) {
            Workspace w = free.poll();
            return w != null ? w : new Workspace(expected);
        }

        void give(Workspace w) {
            w.clear();
            free.add(w);
        }
    }

    /** Collects one document's terms into batch-local ids and counts. */
    private static final class Counter implements TermAnalyzer.TermConsumer {
        private final CountedBatch b;
        private final Workspace w;
        int touched;

        Counter(CountedBatch b) {
            this.b = b;
            this.w = b.work;
        }

        @Override
        public void accept(char[] buf, int off, int len) {
            int id = w.table.add(buf, off, len);
            if (id >= w.df.length) {
                int n = Math.max(id + 1, w.df.length * 2);
                w.df = Arrays.copyOf(w.df, n);
                w.tf = Arrays.copyOf(w.tf, n);
                w.docCounts = Arrays.copyOf(w.docCounts, n);
            }
            if (w.docCounts[id]++ == 0) {
                if (touched == w.touchedIds.length) {
                    w.touchedIds = Arrays.copyOf(w.touchedIds, touched * 2);
                }
                w.touchedIds[touched++] = id;
            }
        }

        void endDocument() {
            int e = b.entries;
            if (e + touched > w.termIds.length) {
                int n = Math.max(e + touched, w.termIds.length * 2);
                w.termIds = Arrays.copyOf(w.termIds, n);
                w.counts = Arrays.copyOf(w.counts, n);
            }
            int[] docCounts = w.docCounts;
            int[] touchedIds = w.touchedIds;
            int[] termIds = w.termIds;
            int[] counts = w.counts;
            int[] df = w.df;
            long[] tf = w.tf;
            for (int k = 0; k < touched; k++) {
                int id = touchedIds[k];
                int c = docCounts[id];
                docCounts[id] = 0;
                termIds[e] = id;
                counts[e] = c;
                e++;
                df[id]++;
                tf[id] += c;
            }
            b.entries = e;
        }
    }
}
