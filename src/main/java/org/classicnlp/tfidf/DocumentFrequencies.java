package org.classicnlp.tfidf;

import java.util.Arrays;

/**
 * Streaming counts for fitting: for every term, the number of documents containing it (df) and its total
 * count in the corpus (tf, used by {@code maxFeatures}). Memory grows with the vocabulary, never with the
 * number of documents. One instance per thread; instances are merged.
 */
final class DocumentFrequencies implements TermAnalyzer.TermConsumer {

    final TermTable table;
    int[] df;
    long[] tf;
    private int[] lastSeen;
    private int docSeq;
    long documents;

    DocumentFrequencies(int expected) {
        table = new TermTable(expected);
        df = new int[Math.max(16, expected)];
        tf = new long[df.length];
        lastSeen = new int[df.length];
    }

    int size() {
        return table.size();
    }

    void addDocument(TermAnalyzer analyzer, String text, TermAnalyzer.Scratch scratch) {
        documents++;
        if (++docSeq == Integer.MAX_VALUE) {
            Arrays.fill(lastSeen, 0);
            docSeq = 1;
        }
        analyzer.analyze(text, scratch, this);
    }

    @Override
    public void accept(char[] buf, int off, int len) {
        int id = table.add(buf, off, len);
        if (id >= df.length) {
            grow();
        }
        tf[id]++;
        if (lastSeen[id] != docSeq) {
            lastSeen[id] = docSeq;
            df[id]++;
        }
    }

    private void grow() {
        int n = df.length * 2;
        df = Arrays.copyOf(df, n);
        tf = Arrays.copyOf(tf, n);
        lastSeen = Arrays.copyOf(lastSeen, n);
    }

    /** Adds these counts to {@code target} and empties this instance. */
    void mergeInto(DocumentFrequencies target) {
        for (int id = 0; id < table.size(); id++) {
            int g = target.table.addFrom(table, id);
            if (g >= target.df.length) {
                target.grow();
            }
            target.df[g] += df[id];
            target.tf[g] += tf[id];
        }
        target.documents += documents;
        table.clear();
        Arrays.fill(df, 0);
        Arrays.fill(tf, 0);
        Arrays.fill(lastSeen, 0);
        docSeq = 0;
        documents = 0;
    }
}
