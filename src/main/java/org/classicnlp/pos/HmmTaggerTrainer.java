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
    private final int specialize;

    private HmmTaggerTrainer(Builder b) {
        this.specialize = b.specialize;
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
        Map<String, int[]> lexicon = new TreeMap<>();
        for (int k = 0; k < data.words.length; k++) {
            for (int i = 0; i < data.gold[k].length; i++) {
                lexicon.computeIfAbsent(data.words[k][i], w -> new int[nt])[data.gold[k][i]]++;
            }
        }
        // Specialized states (Pla & Molina 2004): the most frequent words get one state per tag of theirs,
        // so the transitions see those words (function words above all) and not only their tags.
        List<Map.Entry<String, int[]>> byFrequency = new ArrayList<>(lexicon.entrySet());
        byFrequency.sort((a, b) -> {
            int c = Integer.compare(java.util.Arrays.stream(b.getValue()).sum(), java.util.Arrays.stream(a.getValue()).sum());
            return c != 0 ? c : a.getKey().compareTo(b.getKey());
        });
        List<String> specialWords = new ArrayList<>();
        List<Integer> specialTags = new ArrayList<>();
        Map<String, int[]> stateOf = new java.util.HashMap<>();
        for (int r = 0; r < byFrequency.size(); r++) {
            int[] c = byFrequency.get(r).getValue();
            int n = 0;
            for (int t = 0; t < nt; t++) {
                n += c[t] > 0 ? 1 : 0;
            }
            if (specialWords.size() + n > specialize) {
                break;
            }
            int[] states = new int[nt];
            for (int t = 0; t < nt; t++) {
                if (c[t] > 0) {
                    states[t] = nt + specialWords.size();
                    specialWords.add(byFrequency.get(r).getKey());
                    specialTags.add(t);
                }
            }
            stateOf.put(byFrequency.get(r).getKey(), states);
        }
        int boundary = nt + specialWords.size();
        int s = boundary + 1;
        int[] tri = new int[s * s * s];
        for (int k = 0; k < data.words.length; k++) {
            int x = boundary;
            int y = boundary;
            int[] g = data.gold[k];
            for (int i = 0; i <= g.length; i++) {
                int z = boundary;
                if (i < g.length) {
                    int[] st = stateOf.get(data.words[k][i]);
                    z = st == null ? g[i] : st[g[i]];
                }
                tri[(x * s + y) * s + z]++;
                x = y;
                y = z;
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
        return new HmmTagger(data.tags, rareMax, maxSuffix, maxHanAffix, specialWords.toArray(new String[0]),
                specialTags.stream().mapToInt(Integer::intValue).toArray(), tri, words, wt, wc);
    }

    /** The trainer's parameters, each with its default (TnT's). */
    public static final class Builder {
        private int rareMax = 10;
        private int maxSuffix = 10;
        private int maxHanAffix = 2;
        private int specialize = 200;

        private Builder() {
        }

        /**
         * Specialized states (default 200, at most {@value HmmTagger#MAX_SPECIAL_STATES}; 0 = plain TnT): the
         * most frequent training words, in order, get one state per tag seen with them while the states
         * fit in {@code n}. On EWT dev UPOS 0 / 100 / 150 / 200 states gave 0.9250 / 0.9319 / 0.9337 / 0.9367;
         * People's Daily (train 1-25, dev 26-28) 0.9469 with none, 0.9545 with 200.
         */
        public Builder specialize(int n) {
            if (n < 0 || n > HmmTagger.MAX_SPECIAL_STATES) {
                throw new IllegalArgumentException("specialize must be 0-" + HmmTagger.MAX_SPECIAL_STATES + ", got " + n);
            }
            this.specialize = n;
            return this;
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
