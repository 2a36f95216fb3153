package org.classicnlp.pos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.ProgressListener;
import org.classicnlp.core.Sentence;

/**
 * Trains an {@link HmmTagger} (TnT) by counting, in one pass over the corpus:
 * {@code HmmTaggerTrainer.builder().build().fit(corpus)}. Deterministic.
 */
public final class HmmTaggerTrainer {

    private final int rareMax;
    private final int maxSuffix;
    private final int maxHanAffix;

    private HmmTaggerTrainer(Builder b) {
        this.rareMax = b.rareMax;
        this.maxSuffix = b.maxSuffix;
        this.maxHanAffix = b.maxHanAffix;
    }

    public static Builder builder() {
        return new Builder();
    }

    public HmmTagger fit(Corpus<Sentence> corpus) {
        return fit(corpus, ProgressListener.NONE);
    }

    /** As {@link #fit(Corpus)}, reporting stage {@code "count"} in sentences read. */
    public HmmTagger fit(Corpus<Sentence> corpus, ProgressListener listener) {
        TaggedSentences data = TaggedSentences.read(ProgressListener.counting(corpus, "count", listener));
        int nt = data.tags.length;
        int s = nt + 1;
        int[] tri = new int[s * s * s];
        Map<String, int[]> lexicon = new TreeMap<>();
        for (int k = 0; k < data.words.length; k++) {
            int x = nt;
            int y = nt;
            int[] g = data.gold[k];
            for (int i = 0; i <= g.length; i++) {
                int z = i < g.length ? g[i] : nt;
                tri[(x * s + y) * s + z]++;
                x = y;
                y = z;
                if (i < g.length) {
                    lexicon.computeIfAbsent(data.words[k][i], w -> new int[nt])[g[i]]++;
                }
            }
        }
        String[] words = new String[lexicon.size()];
        int[][] wt = new int[words.length][];
        int[][] wc = new int[words.length][];
        int w = 0;
        for (Map.Entry<String, int[]> e : lexicon.entrySet()) {
            words[w] = e.getKey();
            List<Integer> tags = new ArrayList<>();
            int[] c = e.getValue();
            for (int t = 0; t < nt; t++) {
                if (c[t] > 0) {
                    tags.add(t);
                }
            }
            wt[w] = new int[tags.size()];
            wc[w] = new int[tags.size()];
            for (int i = 0; i < tags.size(); i++) {
                wt[w][i] = tags.get(i);
                wc[w][i] = c[tags.get(i)];
            }
            w++;
        }
        return new HmmTagger(data.tags, rareMax, maxSuffix, maxHanAffix, tri, words, wt, wc);
    }

    /** The trainer's parameters, each with its default (TnT's). */
    public static final class Builder {
        private int rareMax = 10;
        private int maxSuffix = 10;
        private int maxHanAffix = 2;

        private Builder() {
        }

        /** Words seen at most this often train the unknown-word models (default 10, as TnT). */
        public Builder rareMax(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("rareMax must be >= 1, got " + n);
            }
            this.rareMax = n;
            return this;
        }

        /** Longest suffix of the unknown-word model for non-Han words (default 10, as TnT). */
        public Builder maxSuffix(int n) {
            if (n < 1 || n > 100) {
                throw new IllegalArgumentException("maxSuffix must be 1-100, got " + n);
            }
            this.maxSuffix = n;
            return this;
        }

        /** Longest first/last-character affix of the Han unknown-word model (default 2). */
        public Builder maxHanAffix(int n) {
            if (n < 1 || n > 100) {
                throw new IllegalArgumentException("maxHanAffix must be 1-100, got " + n);
            }
            this.maxHanAffix = n;
            return this;
        }

        public HmmTaggerTrainer build() {
            return new HmmTaggerTrainer(this);
        }
    }
}
