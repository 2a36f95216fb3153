package org.classicnlp.word2vec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.classicnlp.core.Corpus;

/**
 * The training vocabulary: words kept after {@code minCount}/{@code maxVocab}, sorted by descending count
 * (ties in order of first occurrence), as gensim sorts it. Package-private; {@link WordVectors} carries the
 * words and counts of a trained model.
 */
final class Vocab {

    final String[] words;
    final long[] counts;
    final Map<String, Integer> index;
    /** Tokens in the corpus, kept or not: the denominator of learning-rate decay, as in gensim. */
    final long rawTokens;
    /** Tokens of kept words. */
    final long keptTokens;
    /** Distinct words seen before pruning. */
    final int rawTypes;
    /** The minimum count actually applied (raised above {@code minCount} when {@code maxVocab} requires it). */
    final long effectiveMinCount;

    private Vocab(String[] words, long[] counts, long rawTokens, int rawTypes, long effectiveMinCount) {
        this.words = words;
        this.counts = counts;
        this.rawTokens = rawTokens;
        this.rawTypes = rawTypes;
        this.effectiveMinCount = effectiveMinCount;
        this.index = new HashMap<>(words.length * 2);
        long kept = 0;
        for (int i = 0; i < words.length; i++) {
            index.put(words[i], i);
            kept += counts[i];
        }
        this.keptTokens = kept;
    }

    int size() {
        return words.length;
    }

    private static final class Count {
        long n;
        final int first;

        Count(int first) {
            this.first = first;
        }
    }

    /**
     * Counts one pass of the corpus. {@code maxVocab} (0 = no limit) works like gensim's
     * {@code max_final_vocab}: the minimum count is raised until at most that many words remain.
     */
    static Vocab build(Corpus<? extends List<String>> corpus, int minCount, int maxVocab) {
        HashMap<String, Count> counts = new HashMap<>(1 << 16);
        long raw = 0;
        try (Stream<? extends List<String>> s = corpus.stream()) {
            var it = s.iterator();
            while (it.hasNext()) {
                List<String> sentence = it.next();
                for (int i = 0, n = sentence.size(); i < n; i++) {
                    String w = sentence.get(i);
                    Count c = counts.get(w);
                    if (c == null) {
                        c = new Count(counts.size());
                        counts.put(w, c);
                    }
                    c.n++;
                }
                raw += sentence.size();
            }
        }
        List<Map.Entry<String, Count>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((a, b) -> {
            int byCount = Long.compare(b.getValue().n, a.getValue().n);
            return byCount != 0 ? byCount : Integer.compare(a.getValue().first, b.getValue().first);
        });
        long min = Math.max(1, minCount);
        if (maxVocab > 0 && maxVocab < entries.size()) {
            min = Math.max(min, entries.get(maxVocab).getValue().n + 1);
        }
        int keep = 0;
        while (keep < entries.size() && entries.get(keep).getValue().n >= min) {
            keep++;
        }
        String[] words = new String[keep];
        long[] c = new long[keep];
        for (int i = 0; i < keep; i++) {
            words[i] = entries.get(i).getKey();
            c[i] = entries.get(i).getValue().n;
        }
        return new Vocab(words, c, raw, counts.size(), min);
    }
}
