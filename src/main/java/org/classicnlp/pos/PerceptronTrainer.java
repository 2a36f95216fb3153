package org.classicnlp.pos;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.ProgressListener;
import org.classicnlp.core.Sentence;

/**
 * Trains a {@link PerceptronTagger}: {@code PerceptronTrainer.builder().epochs(10).build().fit(corpus)}, or
 * {@code fit(corpus, dev, listener)} to keep the epoch that tags {@code dev} best. Training is greedy left
 * to right on the model's own previous tags (as Honnibal's and NLTK's tagger), sentences shuffled each
 * epoch with {@link Builder#seed}; the weights are averaged over every update (Daumé's trick: two arrays,
 * no timestamps). Deterministic for a given corpus and seed.
 */
public final class PerceptronTrainer {

    private final int epochs;
    private final long seed;
    private final int dictMinCount;
    private final double dictMinRatio;
    private final boolean dictInTraining;
    private final float pruneBelow;
    private final boolean stacked;
    private final int lexiconMinCount;
    /** Folds of the jackknife that makes a stacked model's first-stage training tags. */
    static final int FOLDS = 4;

    private PerceptronTrainer(Builder b) {
        this.epochs = b.epochs;
        this.seed = b.seed;
        this.dictMinCount = b.dictMinCount;
        this.dictMinRatio = b.dictMinRatio;
        this.dictInTraining = b.dictInTraining;
        this.pruneBelow = b.pruneBelow;
        this.stacked = b.stacked;
        this.lexiconMinCount = b.lexiconMinCount;
    }

    public static Builder builder() {
        return new Builder();
    }

    public PerceptronTagger fit(Corpus<Sentence> corpus) {
        return fit(corpus, null, ProgressListener.NONE);
    }

    public PerceptronTagger fit(Corpus<Sentence> corpus, ProgressListener listener) {
        return fit(corpus, null, listener);
    }

    /**
     * Trains for {@link Builder#epochs} epochs; with a {@code dev} corpus (may be null), returns the
     * averaged model of the epoch with the best dev accuracy. Reports stage {@code "train"} in epochs done
     * of the total.
     */
    public PerceptronTagger fit(Corpus<Sentence> corpus, Corpus<Sentence> dev, ProgressListener listener) {
        TaggedSentences data = TaggedSentences.read(corpus);
        TaggedSentences devData = dev == null ? null : TaggedSentences.read(dev);
        Map<String, Integer> tagDict = tagDictionary(data);
        // a dictionary chosen after training: the model learns every word, the dictionary only skips scoring
        Map<String, Integer> dict = dictInTraining ? tagDict : Map.of();
        Map<String, int[]> wordTagCounts = wordTagCounts(data);
        Map<String, byte[]> lexicon = lexicon(wordTagCounts, data.tags.length);
        CharProfile profile = CharProfile.of(lexicon, data.tags.length);
        int ns = data.words.length;
        long[][] stat = new long[ns][];
        Features.Words[] wordHashes = new Features.Words[ns];
        for (int s = 0; s < ns; s++) {
            stat[s] = new long[data.words[s].length * Features.STRIDE];
            wordHashes[s] = Features.words(data.words[s], leaveOneOutClasses(data, s, wordTagCounts), profile,
                    stat[s]);
        }
        int runs = stacked ? FOLDS + 2 : 1;
        int[] run = {0};
        ProgressListener epochs = (stage, done, total) -> listener.progress("train", run[0] * (long) this.epochs + done,
                (long) runs * this.epochs);
        if (!stacked) {
            return withDictionary(train(data, all(ns), stat, wordHashes, dict, lexicon, devData, null, epochs), tagDict);
        }
        // Jackknifed first-stage tags of the training data: each fold tagged by a model trained without it.
        int[][] right = new int[ns][];
        for (int fold = 0; fold < FOLDS; fold++) {
            int f = fold;
            int[] rest = java.util.stream.IntStream.range(0, ns).filter(s -> s % FOLDS != f).toArray();
            PerceptronTagger m = train(data, rest, stat, wordHashes, dict, lexicon, null, null, epochs);
            for (int s = fold; s < ns; s += FOLDS) {
                right[s] = m.decode(data.words[s], stat[s], wordHashes[s], new int[data.words[s].length]);
            }
            run[0]++;
        }
        PerceptronTagger first = train(data, all(ns), stat, wordHashes, dict, lexicon, devData, null, epochs);
        run[0]++;
        for (int s = 0; s < ns; s++) {
            Features.right(wordHashes[s], right[s], stat[s]);
        }
        return withDictionary(train(data, all(ns), stat, wordHashes, dict, lexicon, devData, first, epochs), tagDict);
    }

    private PerceptronTagger withDictionary(PerceptronTagger model, Map<String, Integer> tagDict) {
        return dictInTraining || tagDict.isEmpty() ? model : model.withTagDictionary(tagDict);
    }

    private static int[] all(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** One model over the sentences {@code subset}; the best dev epoch when {@code devData} is given. */
    private PerceptronTagger train(TaggedSentences data, int[] subset, long[][] stat, Features.Words[] wordHashes,
            Map<String, Integer> dict, Map<String, byte[]> lexicon, TaggedSentences devData, PerceptronTagger first,
            ProgressListener listener) {
        int nt = data.tags.length;
        Weights weights = new Weights(nt);
        int[] order = subset.clone();
        int ns = order.length;
        Random random = new Random(seed);
        float[] scores = new float[nt];
        long[] dyn = new long[Features.DYNAMIC];
        PerceptronTagger best = null;
        double bestAccuracy = -1;
        listener.progress("train", 0, epochs);
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int s = ns - 1; s > 0; s--) {
                int j = random.nextInt(s + 1);
                int tmp = order[s];
                order[s] = order[j];
                order[j] = tmp;
            }
            for (int s : order) {
                String[] words = data.words[s];
                int[] gold = data.gold[s];
                long[] st = stat[s];
                Features.Words wh = wordHashes[s];
                int p1 = -1;
                int p2 = -1;
                for (int i = 0; i < words.length; i++) {
                    Integer fixed = dict.get(words[i]);
                    int guess;
                    if (fixed != null) {
                        guess = fixed;
                    } else {
                        Arrays.fill(scores, 0f);
                        int o = i * Features.STRIDE;
                        for (int k = 0; k < Features.STRIDE; k++) {
                            weights.score(st[o + k], scores);
                        }
                        Features.dynamic(wh, i, p1, p2, dyn);
                        for (long d : dyn) {
                            weights.score(d, scores);
                        }
                        guess = 0;
                        for (int t = 1; t < nt; t++) {
                            if (scores[t] > scores[guess]) {
                                guess = t;
                            }
                        }
                        int truth = gold[i];
                        if (guess != truth) {
                            for (int k = 0; k < Features.STRIDE; k++) {
                                weights.update(st[o + k], truth, guess);
                            }
                            for (long d : dyn) {
                                weights.update(d, truth, guess);
                            }
                        }
                        weights.tick();
                    }
                    p2 = p1;
                    p1 = guess;
                }
            }
            if (devData != null || epoch == epochs - 1) {
                PerceptronTagger model = weights.model(data.tags, dict, lexicon, pruneBelow, first);
                if (devData == null) {
                    best = model;
                } else {
                    double acc = accuracy(model, devData);
                    if (acc > bestAccuracy) {
                        bestAccuracy = acc;
                        best = model;
                    }
                }
            }
            listener.progress("train", epoch + 1, epochs);
        }
        return best;
    }

    /** Token accuracy of {@code model} on {@code data} (its own tag strings compared). */
    static double accuracy(Tagger model, TaggedSentences data) {
        long right = 0;
        long all = 0;
        for (int s = 0; s < data.words.length; s++) {
            List<String> pred = model.tagWords(Arrays.asList(data.words[s]));
            for (int i = 0; i < pred.size(); i++) {
                if (pred.get(i).equals(data.tags[data.gold[s][i]])) {
                    right++;
                }
                all++;
            }
        }
        return all == 0 ? 0 : (double) right / all;
    }

    /**
     * The ambiguity lexicon: every word seen at least {@link Builder#lexiconMinCount} times, with the tags
     * that make up at least 1% of its occurrences (ascending indices).
     */
    private Map<String, byte[]> lexicon(Map<String, int[]> counts, int nt) {
        Map<String, byte[]> lexicon = new HashMap<>();
        counts.forEach((word, c) -> {
            byte[] tagList = tagList(c, Arrays.stream(c).sum(), nt);
            if (tagList != null) {
                lexicon.put(word, tagList);
            }
        });
        return lexicon;
    }

    /** The ambiguity class of counts {@code c} (summing to {@code total}), or null below the minimum count. */
    private byte[] tagList(int[] c, int total, int nt) {
        if (lexiconMinCount <= 0 || total < lexiconMinCount) {
            return null;
        }
        byte[] tagList = new byte[nt];
        int n = 0;
        for (int t = 0; t < nt; t++) {
            if (c[t] > 0 && c[t] * 100 >= total) {
                tagList[n++] = (byte) t;
            }
        }
        return Arrays.copyOf(tagList, n);
    }

    private static Map<String, int[]> wordTagCounts(TaggedSentences data) {
        int nt = data.tags.length;
        Map<String, int[]> counts = new HashMap<>();
        for (int s = 0; s < data.words.length; s++) {
            for (int i = 0; i < data.words[s].length; i++) {
                counts.computeIfAbsent(data.words[s][i], w -> new int[nt])[data.gold[s][i]]++;
            }
        }
        return counts;
    }

    /**
     * The classes of sentence {@code s}'s words with that occurrence left out of the counts: a training
     * word then has the class a new text would see if this occurrence were new (a word seen once has none),
     * so the model does not learn to trust classes that always contain the gold tag.
     */
    private long[] leaveOneOutClasses(TaggedSentences data, int s, Map<String, int[]> counts) {
        String[] words = data.words[s];
        long[] out = new long[words.length];
        int nt = data.tags.length;
        for (int i = 0; i < words.length; i++) {
            int[] c = counts.get(words[i]);
            int gold = data.gold[s][i];
            c[gold]--;
            byte[] tagList = tagList(c, Arrays.stream(c).sum(), nt);
            c[gold]++;
            out[i] = tagList == null ? Features.UNKNOWN_CLASS : Features.ambiguityClass(tagList);
        }
        return out;
    }

    private Map<String, Integer> tagDictionary(TaggedSentences data) {
        Map<String, Integer> dict = new HashMap<>();
        if (dictMinCount <= 0) {
            return dict;
        }
        int nt = data.tags.length;
        Map<String, int[]> counts = new HashMap<>();
        for (int s = 0; s < data.words.length; s++) {
            for (int i = 0; i < data.words[s].length; i++) {
                counts.computeIfAbsent(data.words[s][i], w -> new int[nt])[data.gold[s][i]]++;
            }
        }
        counts.forEach((word, c) -> {
            int total = 0;
            int best = 0;
            for (int t = 0; t < nt; t++) {
                total += c[t];
                if (c[t] > c[best]) {
                    best = t;
                }
            }
            if (total >= dictMinCount && c[best] >= dictMinRatio * total) {
                dict.put(word, best);
            }
        });
        return dict;
    }

    /** Training weights: per updated feature a dense block of T weights and T accumulated update stamps. */
    private static final class Weights {
        private final int nt;
        private long[] keys = new long[1 << 16];
        private int[] rows = new int[1 << 16];
        private int size;
        private float[] w;
        private double[] u;
        private long c = 1;

        Weights(int nt) {
            this.nt = nt;
            this.w = new float[1024 * nt];
            this.u = new double[1024 * nt];
        }

        void tick() {
            c++;
        }

        private int find(long key) {
            int mask = keys.length - 1;
            int s = (int) (key ^ (key >>> 32)) & mask;
            long k;
            while ((k = keys[s]) != 0) {
                if (k == key) {
                    return rows[s];
                }
                s = (s + 1) & mask;
            }
            return -1 - s;
        }

        void score(long key, float[] scores) {
            if (key == 0) {
                return;
            }
            int r = find(key);
            if (r >= 0) {
                int o = r * nt;
                for (int t = 0; t < nt; t++) {
                    scores[t] += w[o + t];
                }
            }
        }

        void update(long key, int truth, int guess) {
            if (key == 0) {
                return;
            }
            int r = find(key);
            if (r < 0) {
                if ((size + 1) * 2 > keys.length) {
                    grow();
                    r = find(key);
                }
                int s = -1 - r;
                keys[s] = key;
                rows[s] = size;
                r = size++;
                if ((long) size * nt > w.length) {
                    w = Arrays.copyOf(w, w.length * 2);
                    u = Arrays.copyOf(u, u.length * 2);
                }
            }
            int o = r * nt;
            w[o + truth] += 1;
            u[o + truth] += c;
            w[o + guess] -= 1;
            u[o + guess] -= c;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldRows = rows;
            keys = new long[oldKeys.length * 2];
            rows = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                long k = oldKeys[i];
                if (k != 0) {
                    int s = (int) (k ^ (k >>> 32)) & mask;
                    while (keys[s] != 0) {
                        s = (s + 1) & mask;
                    }
                    keys[s] = k;
                    rows[s] = oldRows[i];
                }
            }
        }

        /** The averaged weights (w - u / c), entries below {@code prune} in magnitude dropped. */
        PerceptronTagger model(String[] tags, Map<String, Integer> dict, Map<String, byte[]> lexicon, float prune,
                PerceptronTagger first) {
            long[] sorted = new long[size];
            int[] rowOfSorted = new int[size];
            int n = 0;
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != 0) {
                    sorted[n++] = keys[i];
                }
            }
            Arrays.sort(sorted);
            for (int k = 0; k < size; k++) {
                rowOfSorted[k] = rows[slotOf(sorted[k])];
            }
            int[] rowStart = new int[size + 1];
            byte[] et = new byte[size * 4 + 16];
            float[] ew = new float[et.length];
            long[] kept = new long[size];
            int nk = 0;
            int e = 0;
            for (int k = 0; k < size; k++) {
                int o = rowOfSorted[k] * nt;
                int start = e;
                for (int t = 0; t < nt; t++) {
                    float avg = (float) (w[o + t] - u[o + t] / c);
                    if (Math.abs(avg) > prune && avg != 0f) {
                        if (e == et.length) {
                            et = Arrays.copyOf(et, et.length * 2);
                            ew = Arrays.copyOf(ew, et.length);
                        }
                        et[e] = (byte) t;
                        ew[e++] = avg;
                    }
                }
                if (e > start) {
                    kept[nk++] = sorted[k];
                    rowStart[nk] = e;
                }
            }
            return new PerceptronTagger(tags, dict, lexicon, Arrays.copyOf(kept, nk), Arrays.copyOf(rowStart, nk + 1),
                    Arrays.copyOf(et, e), Arrays.copyOf(ew, e), 1, first);
        }

        private int slotOf(long key) {
            int mask = keys.length - 1;
            int s = (int) (key ^ (key >>> 32)) & mask;
            while (keys[s] != key) {
                s = (s + 1) & mask;
            }
            return s;
        }
    }

    /** The trainer's parameters, each with its default. */
    public static final class Builder {
        private int epochs = 10;
        private long seed = 1;
        private int dictMinCount = 20;
        private double dictMinRatio = 0.97;
        private boolean dictInTraining = true;
        private float pruneBelow = 0.01f;
        private boolean stacked;
        private int lexiconMinCount = 1;

        private Builder() {
        }

        /**
         * Words seen at least this often (default 1) get their ambiguity class (the set of tags they were
         * seen with) as a feature; others share one class. Training computes each occurrence's class with
         * that occurrence left out, as a new text would see it (so a word seen once has none there). On
         * People's Daily (train 1-25, dev 26-28): 0.9649 with the default against 0.9610 without classes;
         * 0 leaves the lexicon empty.
         */
        public Builder lexiconMinCount(int minCount) {
            if (minCount < 0) {
                throw new IllegalArgumentException("lexiconMinCount must be >= 0, got " + minCount);
            }
            this.lexiconMinCount = minCount;
            return this;
        }

        /** Passes over the corpus (default 10; with a dev corpus the best epoch is kept). */
        public Builder epochs(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, got " + n);
            }
            this.epochs = n;
            return this;
        }

        /** Seed of the per-epoch sentence shuffle (default 1). */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * Words seen at least {@code minCount} times with one tag in at least {@code minRatio} of them get
         * that tag without scoring (defaults 20 and 0.97, as Honnibal's tagger); {@code minCount} 0 turns
         * the dictionary off.
         */
        public Builder tagDictionary(int minCount, double minRatio) {
            if (minCount < 0 || !(minRatio > 0 && minRatio <= 1)) {
                throw new IllegalArgumentException("tag dictionary needs minCount >= 0 and minRatio in (0, 1], got "
                        + minCount + ", " + minRatio);
            }
            this.dictMinCount = minCount;
            this.dictMinRatio = minRatio;
            return this;
        }

        /**
         * Whether training already gives the tag-dictionary words their tag (default true: those tokens
         * train nothing, and the dev accuracy that picks the epoch is measured with the dictionary); false
         * trains on every token and attaches the dictionary to the final model, only to skip scoring. On
         * EWT dev XPOS (stacked, 15 epochs, min count 20, ratio 0.99): 0.9456 with it in training, 0.9476
         * attached after (0.9479 without a dictionary).
         */
        public Builder tagDictionaryInTraining(boolean inTraining) {
            this.dictInTraining = inTraining;
            return this;
        }

        /** Averaged weights of at most this magnitude are dropped from the model (default 0.01). */
        public Builder pruneBelow(double magnitude) {
            if (!(magnitude >= 0)) {
                throw new IllegalArgumentException("pruneBelow must be >= 0, got " + magnitude);
            }
            this.pruneBelow = (float) magnitude;
            return this;
        }

        /**
         * Two stages (default false): a second model whose features add the first model's tags of the next
         * two words, so decisions see right-hand context. The first stage's tags of the training data are
         * jackknifed ({@value PerceptronTrainer#FOLDS} folds), as the tagger will see them on new text;
         * training takes about six times as long and tagging twice.
         */
        public Builder stacked(boolean twoStages) {
            this.stacked = twoStages;
            return this;
        }

        public PerceptronTrainer build() {
            return new PerceptronTrainer(this);
        }
    }
}
