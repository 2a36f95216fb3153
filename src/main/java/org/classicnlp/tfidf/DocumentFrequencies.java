package org.classicnlp.tfidf;

import java.util.Arrays;

/**
 * The corpus-wide counts of a fit: for every term, the number of documents containing it (df) and, when
 * asked for, its total count (tf, used by {@code maxFeatures}). Memory grows with the vocabulary, never
 * with the number of documents. Filled by one thread from {@link CountedBatch}es, in input order.
 */
final class DocumentFrequencies {

    final TermTable table = new TermTable(1 << 14);
    int[] df = new int[1 << 14];
    /** Total counts, kept only when asked for (maxFeatures needs them): one long per term otherwise wasted. */
    long[] tf;
    long documents;

    DocumentFrequencies(boolean totals) {
        tf = totals ? new long[df.length] : null;
    }

    int size() {
        return table.size();
    }

    /**
     * Adds a batch's counts and rewrites the batch's term ids from batch-local to ids of this table (before
     * the batch is released).
     */
    void add(CountedBatch batch) {
        CountedBatch.Workspace w = batch.work;
        TermTable local = w.table;
        int n = local.size();
        int[] remap = new int[n];
        for (int l = 0; l < n; l++) {
            int g = table.addFrom(local, l);
            if (g >= df.length) {
                df = Arrays.copyOf(df, df.length * 2);
                if (tf != null) {
                    tf = Arrays.copyOf(tf, df.length);
                }
            }
            df[g] += w.df[l];
            if (tf != null) {
                tf[g] += w.tf[l];
            }
            remap[l] = g;
        }
        int[] ids = batch.termIds;
        for (int k = 0, e = batch.entries; k < e; k++) {
            ids[k] = remap[ids[k]];
        }
        documents += batch.size;
    }
}
