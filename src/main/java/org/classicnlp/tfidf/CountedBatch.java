package org.classicnlp.tfidf;

import java.util.Arrays;
import java.util.List;
import org.classicnlp.core.Document;

/**
 * One batch of documents analyzed and counted on a worker thread: a batch-local term table with each
 * term's df and tf within the batch, and per document its (term id, count) entries and its length in
 * terms. Counting into a small batch-local table is cache-friendly; the single-threaded merge into
 * {@link DocumentFrequencies} then touches each distinct term of the batch once instead of every token.
 * After the merge the entries hold corpus-wide ids and the batch can be kept to weigh the documents
 * without reading and analyzing them again.
 */
final class CountedBatch {

    final int size;
    final String[] ids;
    final int[] lengths;
    final int[] starts; // entries of document d: [starts[d], starts[d+1])
    int[] termIds;
    int[] counts;
    int entries;
    TermTable table;
    int[] df;
    long[] tf;

    private CountedBatch(int size) {
        this.size = size;
        this.ids = new String[size];
        this.lengths = new int[size];
        this.starts = new int[size + 1];
    }

    /** Analyzes and counts a batch (runs on a worker thread). */
    static CountedBatch count(List<Document> docs, TermAnalyzer analyzer, TermAnalyzer.Scratch scratch) {
        CountedBatch b = new CountedBatch(docs.size());
        long chars = 0;
        for (Document d : docs) {
            chars += d.text().length();
        }
        int expected = (int) Math.min(1 << 20, Math.max(64, chars / 16));
        b.table = new TermTable(expected);
        b.df = new int[expected];
        b.tf = new long[expected];
        b.termIds = new int[expected];
        b.counts = new int[expected];
        Counter c = new Counter(b);
        for (int i = 0; i < docs.size(); i++) {
            Document d = docs.get(i);
            b.ids[i] = d.id();
            c.touched = 0;
            b.lengths[i] = analyzer.analyze(d.text(), scratch, c);
            c.endDocument();
            b.starts[i + 1] = b.entries;
        }
        return b;
    }

    /** Approximate heap bytes held once merged (entries and ids), for the cache budget. */
    long retainedBytes() {
        long bytes = 8L * termIds.length + 8L * size + 48L * size;
        for (String id : ids) {
            bytes += id.length();
        }
        return bytes;
    }

    /** Drops the unused tail of the entry arrays. */
    void trim() {
        if (termIds.length > entries + 64) {
            termIds = Arrays.copyOf(termIds, entries);
            counts = Arrays.copyOf(counts, entries);
        }
    }

    /** Collects one document's terms into batch-local ids and counts. */
    private static final class Counter implements TermAnalyzer.TermConsumer {
        private final CountedBatch b;
        private int[] docCounts;
        private int[] touchedIds = new int[256];
        int touched;

        Counter(CountedBatch b) {
            this.b = b;
            this.docCounts = new int[b.df.length];
        }

        @Override
        public void accept(char[] buf, int off, int len) {
            int id = b.table.add(buf, off, len);
            if (id >= docCounts.length) {
                int n = Math.max(id + 1, docCounts.length * 2);
                docCounts = Arrays.copyOf(docCounts, n);
                b.df = Arrays.copyOf(b.df, n);
                b.tf = Arrays.copyOf(b.tf, n);
            }
            if (docCounts[id]++ == 0) {
                if (touched == touchedIds.length) {
                    touchedIds = Arrays.copyOf(touchedIds, touched * 2);
                }
                touchedIds[touched++] = id;
            }
        }

        void endDocument() {
            if (b.entries + touched > b.termIds.length) {
                int n = Math.max(b.entries + touched, b.termIds.length * 2);
                b.termIds = Arrays.copyOf(b.termIds, n);
                b.counts = Arrays.copyOf(b.counts, n);
            }
            for (int k = 0; k < touched; k++) {
                int id = touchedIds[k];
                int c = docCounts[id];
                docCounts[id] = 0;
                b.termIds[b.entries] = id;
                b.counts[b.entries] = c;
                b.entries++;
                b.df[id]++;
                b.tf[id] += c;
            }
        }
    }
}
