package org.classicnlp.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.classicnlp.core.CharClass;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.ProgressListener;
import org.classicnlp.core.Sentence;
import org.classicnlp.core.Threads;
import org.classicnlp.core.Token;
import org.classicnlp.lexicon.CharNormalizer;
import org.classicnlp.lexicon.Lexicon;

/**
 * Trains a {@link PerceptronSegmenter} from a segmented corpus ({@link org.classicnlp.core.Corpora#sighan},
 * {@link org.classicnlp.core.Corpora#peoplesDaily}):
 * {@code PerceptronSegmenterTrainer.builder().epochs(10).build().fit(corpus, dev, listener)}.
 *
 * <p>Steps: the training words seen at least {@link Builder#dictionaryMinCount} times (plus any {@link
 * Builder#dictionary} words) become the dictionary of the match features; the bigrams, skip bigrams and
 * trigrams of unit codes seen at least {@link Builder#featureMinCount} times become the n-gram index; the
 * features of every training position are extracted on {@link Builder#threads} threads; then structured
 * perceptron epochs over the shuffled sentences (Viterbi decode, update on the positions and transitions
 * where the decode differs from gold), weights averaged over every sentence. With a dev corpus the
 * averaged model of the best dev epoch is kept and training stops after {@link Builder#patience} epochs
 * without a better one. Deterministic for a given corpus and {@link Builder#seed}, whatever the thread
 * count.
 */
public final class PerceptronSegmenterTrainer {

    private final int epochs;
    private final long seed;
    private final int dictionaryMinCount;
    private final int featureMinCount;
    private final int threads;
    private final int patience;
    private final List<Lexicon> userDictionaries;

    private PerceptronSegmenterTrainer(Builder b) {
        this.epochs = b.epochs;
        this.seed = b.seed;
        this.dictionaryMinCount = b.dictionaryMinCount;
        this.featureMinCount = b.featureMinCount;
        this.threads = b.threads;
        this.patience = b.patience;
        this.userDictionaries = List.copyOf(b.dictionaries);
    }

    public static Builder builder() {
        return new Builder();
    }

    public PerceptronSegmenter fit(Corpus<Sentence> corpus) {
        return fit(corpus, null, ProgressListener.NONE);
    }

    public PerceptronSegmenter fit(Corpus<Sentence> corpus, ProgressListener listener) {
        return fit(corpus, null, listener);
    }

    /** One training sequence: the slots of its positions, their codes and gold tags. */
    private record Sequence(int[] slots, int[] code, byte[] gold) {
    }

    /** Frequency given to user dictionary words: always in the dictionary, whatever a sentence holds. */
    private static final long USER_WORD = 1L << 40;

    /**
     * Trains; with {@code dev} (may be null) keeps the best dev epoch. Reports stages {@code "read"}
     * (sentences), {@code "features"} (sentences of the total), {@code "train"} (epochs of the maximum) and,
     * after each epoch with a dev corpus, {@code "dev-f1"} (the epoch's dev word F1 in millionths, of
     * 1,000,000).
     *
     * @throws IllegalArgumentException if the corpus has no word
     */
    public PerceptronSegmenter fit(Corpus<Sentence> corpus, Corpus<Sentence> dev, ProgressListener listener) {
        List<Sentence> sentences = new ArrayList<>();
        ProgressListener.counting(corpus, "read", listener).forEach(s -> {
            if (!s.isEmpty()) {
                sentences.add(s);
            }
        });
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("the training corpus has no word (is it segmented, with words"
                    + " separated by spaces, in the given input format?)");
        }
        List<Sentence> devSentences = new ArrayList<>();
        if (dev != null) {
            dev.forEach(s -> {
                if (!s.isEmpty()) {
                    devSentences.add(s);
                }
            });
        }
        // Characters and dictionary.
        boolean[] seen = new boolean[1 << 16];
        Map<String, Long> counts = new HashMap<>();
        for (Sentence s : sentences) {
            String text = s.text();
            for (int i = 0; i < text.length(); i++) {
                char c = CharNormalizer.foldWidth(text.charAt(i));
                byte cls = CharClass.of(c);
                if ((cls == CharClass.HAN || cls == CharClass.PUNCT) && !Character.isSurrogate(c)) {
                    seen[c] = true;
                }
            }
            for (Token t : s.tokens()) {
                counts.merge(CharNormalizer.foldWidth(t.text()), 1L, Long::sum);
            }
        }
        int nc = 0;
        char[] chars = new char[1 << 16];
        for (int c = 0; c < seen.length; c++) {
            if (seen[c]) {
                chars[nc++] = (char) c;
            }
        }
        chars = Arrays.copyOf(chars, nc);
        // The dictionary holds every training word (two or more characters); while training, a sentence
        // sees a word in it only if the rest of the corpus has it at least dictionaryMinCount times, so the
        // model learns to handle words the dictionary lacks, as it must on new text.
        Lexicon.Builder db = new Lexicon.Builder(counts.size(), true);
        counts.forEach((w, n) -> {
            if (w.length() >= 2) {
                db.add(w, n);
            }
        });
        for (Lexicon l : userDictionaries) {
            for (int id = 0; id < l.size(); id++) {
                if (l.word(id).length() >= 2) {
                    db.add(CharNormalizer.foldWidth(l.word(id)), USER_WORD);
                }
            }
        }
        Lexicon dictionary = db.build("training words");
        // Units and n-gram counts.
        PerceptronFeatures provisional = new PerceptronFeatures(chars, new long[0], new long[0], new long[0], dictionary);
        int ns = sentences.size();
        PerceptronFeatures.Units[][] units = new PerceptronFeatures.Units[ns][];
        parallel(ns, i -> units[i] = chunks(provisional, sentences.get(i), dictionaryMinCount));
        long[] bigramKeys = frequent(units, featureMinCount, 0);
        long[] skipKeys = frequent(units, featureMinCount, 1);
        long[] trigramKeys = frequent(units, featureMinCount, 2);
        PerceptronFeatures features = new PerceptronFeatures(chars, bigramKeys, skipKeys, trigramKeys, dictionary);
        // Slots of every training position, on several threads.
        List<List<Sequence>> perSentence = new ArrayList<>(ns);
        for (int i = 0; i < ns; i++) {
            perSentence.add(null);
        }
        int[] done = {0};
        parallel(ns, i -> {
            List<Sequence> list = new ArrayList<>(units[i].length);
            for (PerceptronFeatures.Units u : units[i]) {
                u.ensure(u.n, 0);
                features.slots(u, 0, u.n);
                list.add(new Sequence(Arrays.copyOf(u.slots, u.n * PerceptronFeatures.SLOTS),
                        Arrays.copyOf(u.code, u.n), Arrays.copyOf(u.tags, u.n)));
            }
            perSentence.set(i, list);
            units[i] = null;
            synchronized (done) {
                if (++done[0] % 1024 == 0) {
                    listener.progress("features", done[0], ns);
                }
            }
        });
        listener.progress("features", ns, ns);
        List<Sequence> data = new ArrayList<>();
        perSentence.forEach(data::addAll);
        return train(features, data, devSentences, listener);
    }

    /**
     * The chunks (white-space-free unit runs) of a training sentence, each as its own units with codes,
     * dictionary buckets and gold tags (in {@code tags}).
     */
    private static PerceptronFeatures.Units[] chunks(PerceptronFeatures features, Sentence s, int minCount) {
        String text = s.text();
        Map<String, Integer> own = new HashMap<>();
        for (Token t : s.tokens()) {
            own.merge(CharNormalizer.foldWidth(t.text()), 1, Integer::sum);
        }
        Lexicon dict = features.dictionary;
        java.util.function.IntPredicate use = id -> {
            long rest = dict.frequency(id) - own.getOrDefault(dict.word(id), 0);
            return rest >= minCount;
        };
        MaxMatch.Work w = new MaxMatch.Work(text);
        boolean[] wordBoundary = new boolean[text.length() + 1];
        for (Token t : s.tokens()) {
            wordBoundary[t.start()] = true;
            wordBoundary[t.end()] = true;
        }
        PerceptronFeatures.Units all = new PerceptronFeatures.Units();
        int n = features.units(w, all);
        List<PerceptronFeatures.Units> out = new ArrayList<>();
        int from = 0;
        while (from < n) {
            int to = PerceptronFeatures.chunkEnd(all, from);
            features.dictionary(w, all, from, to, use);
            PerceptronFeatures.Units u = new PerceptronFeatures.Units();
            int len = to - from;
            u.ensure(len, 0);
            u.n = len;
            System.arraycopy(all.start, from, u.start, 0, len);
            System.arraycopy(all.end, from, u.end, 0, len);
            System.arraycopy(all.code, from, u.code, 0, len);
            System.arraycopy(all.type, from, u.type, 0, len);
            System.arraycopy(all.ds, from, u.ds, 0, len);
            System.arraycopy(all.de, from, u.de, 0, len);
            System.arraycopy(all.dm, from, u.dm, 0, len);
            for (int k = 0; k < len; k++) {
                boolean begins = k == 0 || wordBoundary[u.start[k]];
                boolean ends = k == len - 1 || wordBoundary[u.end[k]];
                u.tags[k] = (byte) (begins ? (ends ? PerceptronFeatures.S : PerceptronFeatures.B)
                        : (ends ? PerceptronFeatures.E : PerceptronFeatures.M));
            }
            out.add(u);
            from = to;
        }
        return out.toArray(new PerceptronFeatures.Units[0]);
    }

    /** The sorted keys of one n-gram kind (0 bigram, 1 skip bigram, 2 trigram) seen at least {@code min} times. */
    private static long[] frequent(PerceptronFeatures.Units[][] units, int min, int kind) {
        Map<Long, int[]> counts = new HashMap<>();
        for (PerceptronFeatures.Units[] sentence : units) {
            for (PerceptronFeatures.Units u : sentence) {
                int n = u.n;
                if (kind == 0) {
                    for (int j = -2; j <= n; j++) {
                        add(counts, PerceptronFeatures.bigramKey(code(u, j), code(u, j + 1)));
                    }
                } else {
                    for (int k = 0; k < n; k++) {
                        long key = kind == 1 ? PerceptronFeatures.bigramKey(code(u, k - 1), code(u, k + 1))
                                : PerceptronFeatures.trigramKey(code(u, k - 1), u.code[k], code(u, k + 1));
                        add(counts, key);
                    }
                }
            }
        }
        long[] keys = counts.entrySet().stream().filter(e -> e.getValue()[0] >= min).mapToLong(Map.Entry::getKey)
                .sorted().toArray();
        return keys;
    }

    private static void add(Map<Long, int[]> counts, long key) {
        counts.computeIfAbsent(key, k -> new int[1])[0]++;
    }

    private static int code(PerceptronFeatures.Units u, int k) {
        return k < 0 || k >= u.n ? PerceptronFeatures.PAD : u.code[k];
    }

    private void parallel(int n, java.util.function.IntConsumer body) {
        if (threads == 1) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, n).parallel().forEach(body)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting features", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdown();
        }
    }

    private PerceptronSegmenter train(PerceptronFeatures features, List<Sequence> data, List<Sentence> dev,
            ProgressListener listener) {
        float[] w = new float[features.size];
        double[] acc = new double[features.size];
        float[] tr = new float[16];
        double[] trAcc = new double[16];
        long c = 1;
        int max = 1;
        for (Sequence s : data) {
            max = Math.max(max, s.gold.length);
        }
        float[] em = new float[max * 4];
        byte[] back = new byte[max * 4];
        byte[] pred = new byte[max];
        int[] order = IntStream.range(0, data.size()).toArray();
        Random random = new Random(seed);
        PerceptronSegmenter best = null;
        double bestF = -1;
        int sinceBest = 0;
        listener.progress("train", 0, epochs);
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int idx : order) {
                Sequence s = data.get(idx);
                int n = s.gold.length;
                PerceptronSegmenter.decode(w, tr, s.slots, s.code, null, 0, n, em, back, pred);
                byte[] gold = s.gold;
                for (int i = 0; i < n; i++) {
                    int g = gold[i];
                    int p = pred[i];
                    if (g != p) {
                        int o = i * PerceptronFeatures.SLOTS;
                        for (int k = 0; k < PerceptronFeatures.SLOTS; k++) {
                            int off = s.slots[o + k];
                            if (off >= 0) {
                                w[off + g] += 1;
                                acc[off + g] += c;
                                w[off + p] -= 1;
                                acc[off + p] -= c;
                            }
                        }
                    }
                    if (i > 0) {
                        int gt = gold[i - 1] * 4 + g;
                        int pt = pred[i - 1] * 4 + p;
                        if (gt != pt) {
                            tr[gt] += 1;
                            trAcc[gt] += c;
                            tr[pt] -= 1;
                            trAcc[pt] -= c;
                        }
                    }
                }
                c++;
            }
            boolean last = epoch == epochs - 1;
            if (!dev.isEmpty() || last) {
                PerceptronSegmenter model = averaged(features, w, acc, tr, trAcc, c);
                if (dev.isEmpty()) {
                    best = model;
                } else {
                    double f = f1(model, dev);
                    listener.progress("dev-f1", Math.round(f * 1_000_000), 1_000_000);
                    if (f > bestF) {
                        bestF = f;
                        best = model;
                        sinceBest = 0;
                    } else if (++sinceBest >= patience) {
                        listener.progress("train", epochs, epochs);
                        break;
                    }
                }
            }
            listener.progress("train", epoch + 1, epochs);
        }
        return best;
    }

    private static PerceptronSegmenter averaged(PerceptronFeatures features, float[] w, double[] acc, float[] tr,
            double[] trAcc, long c) {
        float[] avg = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            avg[i] = (float) (w[i] - acc[i] / c);
        }
        float[] avgTr = new float[16];
        for (int i = 0; i < 16; i++) {
            avgTr[i] = (float) (tr[i] - trAcc[i] / c);
        }
        return new PerceptronSegmenter(features, PerceptronSegmenter.quantized(avg), avgTr, false);
    }

    /** Word F1 of {@code model} on {@code dev} (spans compared). */
    static double f1(Segmenter model, List<Sentence> dev) {
        long gold = 0;
        long predicted = 0;
        long correct = 0;
        for (Sentence s : dev) {
            int[] spans = model.spans(s.text());
            predicted += spans.length / 2;
            List<Token> tokens = s.tokens();
            gold += tokens.size();
            int k = 0;
            for (Token t : tokens) {
                while (k < spans.length && spans[k] < t.start()) {
                    k += 2;
                }
                if (k < spans.length && spans[k] == t.start() && spans[k + 1] == t.end()) {
                    correct++;
                }
            }
        }
        double p = predicted == 0 ? 0 : (double) correct / predicted;
        double r = gold == 0 ? 0 : (double) correct / gold;
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The trainer's parameters, each with its default. */
    public static final class Builder {
        private int epochs = 20;
        private long seed = 1;
        private int dictionaryMinCount = 1;
        private int featureMinCount = 2;
        private int threads = Threads.defaultCount();
        private int patience = 3;
        private final List<Lexicon> dictionaries = new ArrayList<>();

        private Builder() {
        }

        /** Most passes over the corpus (default 20; with a dev corpus training may stop earlier). */
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
         * While training, a dictionary word counts for a sentence only if the other sentences hold it at least
         * this often (default 1: leave-one-out, so a word only this sentence has looks new, as on new text);
         * the saved dictionary holds every training word of two or more characters.
         */
        public Builder dictionaryMinCount(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("dictionary min count must be >= 1, got " + n);
            }
            this.dictionaryMinCount = n;
            return this;
        }

        /** N-grams (bigrams, skip bigrams, trigrams) seen fewer times get no weights (default 2). */
        public Builder featureMinCount(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("feature min count must be >= 1, got " + n);
            }
            this.featureMinCount = n;
            return this;
        }

        /** Threads for feature extraction (default: available processors); the result does not depend on it. */
        public Builder threads(int n) {
            this.threads = Threads.require(n);
            return this;
        }

        /** Epochs without a better dev F1 before training stops (default 3). */
        public Builder patience(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("patience must be >= 1, got " + n);
            }
            this.patience = n;
            return this;
        }

        /** Words added to the dictionary of the match features (a user dictionary, a word list). */
        public Builder dictionary(Lexicon words) {
            dictionaries.add(java.util.Objects.requireNonNull(words, "words"));
            return this;
        }

        public PerceptronSegmenterTrainer build() {
            return new PerceptronSegmenterTrainer(this);
        }
    }
}
