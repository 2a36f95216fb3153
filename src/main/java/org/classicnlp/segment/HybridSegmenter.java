package org.classicnlp.segment;

import org.classicnlp.core.CharClass;
import org.classicnlp.core.TraditionalChinese;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.classicnlp.lexicon.Lexicon;
import org.classicnlp.lexicon.LexiconLoaders;

/**
 * Dictionary plus HMM, the method of jieba's precise mode, without global state: every segmenter
 * carries its own dictionary and model, so several coexist in one JVM. Immutable and thread-safe.
 *
 * <ol>
 * <li>A word lattice: at each atom start (see {@link Atoms}), every dictionary word that ends on an
 * atom boundary, and the atom itself.</li>
 * <li>The most probable path by dynamic programming from the end of the text, scoring a word
 * {@code log(max(freq, 1) / total)} and an atom that is no dictionary word {@code log(1 / total)}.</li>
 * <li>New-word discovery: a run of two or more single Han characters on that path that is not itself
 * a dictionary word is re-segmented by the {@link HmmModel}.</li>
 * </ol>
 *
 * <p>Build with {@link #builder()} (training counts, HanLP's core dictionary and user dictionaries,
 * merged), or use {@link #standard()}: the shipped model with HanLP's core dictionary.
 */
public final class HybridSegmenter extends SpanSegmenter {

    private final HmmModel hmm;
    private final Lexicon lexicon;
    private final boolean t2s;
    private final float[] logProb;
    private final float unknownLogProb;
    /**
     * Least HMM margin per character (log P of the characters as one word minus log P of them as single
     * words, over the length) for an HMM-invented word to be kept; below it the word's characters stay
     * single. {@link Double#NEGATIVE_INFINITY} keeps every invented word (jieba's behaviour).
     */
    private final double newWordMargin;

    /**
     * Default {@link #newWordMargin()} of {@link #standard()} and of a {@link Builder} with HanLP's core
     * dictionary, the configuration it was chosen for on the People's Daily development split (trained on
     * 1–24 January 1998, scored on 25–31 January; {@code bench/java/org/classicnlp/bench/HybridNewWordDev.java},
     * figures in models/README.md). Without the core dictionary the HMM is the only source of the words the
     * training text lacks, and every invented word is kept (as the constructors do).
     */
    public static final double DEFAULT_NEW_WORD_MARGIN = 2.0;

    /** A hybrid over exactly this dictionary and HMM, characters looked up as written (width-folded). */
    public HybridSegmenter(HmmModel hmm, Lexicon lexicon) {
        this(hmm, lexicon, false);
    }

    /**
     * A hybrid over exactly this dictionary and HMM; with {@code traditionalToSimplified} dictionary and
     * HMM lookups see Traditional characters as Simplified (for Simplified sources; tokens keep the
     * original characters and offsets).
     */
    public HybridSegmenter(HmmModel hmm, Lexicon lexicon, boolean traditionalToSimplified) {
        this(hmm, lexicon, traditionalToSimplified, Double.NEGATIVE_INFINITY);
    }

    private HybridSegmenter(HmmModel hmm, Lexicon lexicon, boolean traditionalToSimplified, double newWordMargin) {
        this.newWordMargin = newWordMargin;
        this.hmm = Objects.requireNonNull(hmm, "hmm");
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
        this.t2s = traditionalToSimplified;
        double logTotal = Math.log(Math.max(1, lexicon.totalFrequency()));
        this.logProb = new float[lexicon.size()];
        for (int id = 0; id < logProb.length; id++) {
            logProb[id] = (float) (Math.log(Math.max(1, lexicon.frequency(id))) - logTotal);
        }
        this.unknownLogProb = (float) -logTotal;
    }

    /** Where the build puts the standard hybrid's merged dictionary (see {@link StandardImage}). */
    static final String STANDARD_IMAGE = "/org/classicnlp/segment/hybrid-standard.lexicon";
    /** Where the build puts the shipped hybrid model's HMM on its own (see {@link StandardImage}). */
    static final String STANDARD_HMM = "/org/classicnlp/segment/hybrid-standard.hmm";

    private static final class StandardHolder {
        static final HybridSegmenter INSTANCE = (HybridSegmenter) loadStandard().builtin("hybrid");
    }

    /**
     * The build merges the standard dictionary once ({@link StandardImage}) and the jar carries it as a
     * lexicon image, which loads in a few bulk reads; without it (classes straight from sources) the merge
     * runs here, as the image builder runs it.
     */
    private static HybridSegmenter loadStandard() {
        if (HybridSegmenter.class.getResource(STANDARD_HMM) == null) {
            return builder().build();
        }
        CompletableFuture<HmmModel> hmm = CompletableFuture.supplyAsync(() -> HmmModel.loadResource(STANDARD_HMM));
        Lexicon merged = LexiconLoaders.image(HybridSegmenter.class, STANDARD_IMAGE);
        if (merged == null) {
            return builder().build();
        }
        return new HybridSegmenter(hmm.join(), merged, true, DEFAULT_NEW_WORD_MARGIN);
    }

    /**
     * The shipped hybrid model (People's Daily 1998 January counts and HMM) merged with HanLP's core
     * dictionary, reading Traditional characters as Simplified; built once and shared. As
     * {@code builder().build()}.
     */
    public static HybridSegmenter standard() {
        return StandardHolder.INSTANCE;
    }

    public HmmModel hmm() {
        return hmm;
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    /** Whether dictionary and HMM lookups see Traditional characters as Simplified. */
    public boolean traditionalToSimplified() {
        return t2s;
    }

    /** The least per-character HMM margin of a kept invented word (see {@link #withNewWordMargin}). */
    public double newWordMargin() {
        return newWordMargin;
    }

    /**
     * The same segmenter keeping an HMM-invented word (a multi-character word from a run of single
     * characters that is in no dictionary) only when its HMM margin per character, log P(the characters
     * tagged as one word) − log P(them tagged as single words) over the length, is at least {@code margin};
     * {@link Double#NEGATIVE_INFINITY} keeps all of them.
     */
    public HybridSegmenter withNewWordMargin(double margin) {
        if (Double.isNaN(margin)) {
            throw new IllegalArgumentException("margin must be a number");
        }
        return new HybridSegmenter(hmm, lexicon, t2s, margin);
    }

    /** Whether the HMM word {@code f[from, to)} is likely enough to keep (see {@link #newWordMargin}). */
    private boolean likely(char[] f, int from, int to) {
        if (newWordMargin == Double.NEGATIVE_INFINITY) {
            return true;
        }
        int len = to - from;
        double word = hmm.logEmission(HmmModel.B, f[from]) + hmm.logEmission(HmmModel.E, f[to - 1]);
        double single = hmm.logEmission(HmmModel.S, f[from]) + hmm.logEmission(HmmModel.S, f[to - 1]);
        int prev = HmmModel.B;
        for (int i = from + 1; i < to - 1; i++) {
            word += hmm.logTransition(prev, HmmModel.M) + hmm.logEmission(HmmModel.M, f[i]);
            single += hmm.logEmission(HmmModel.S, f[i]);
            prev = HmmModel.M;
        }
        word += hmm.logTransition(prev, HmmModel.E);
        single += (len - 1) * hmm.logTransition(HmmModel.S, HmmModel.S);
        return (word - single) / len >= newWordMargin;
    }

    @Override
    MaxMatch.Work work(String text) {
        return new MaxMatch.Work(text, t2s);
    }

    @Override
    int spans(MaxMatch.Work w, int[] spans) {
        HmmModel.Work work = new HmmModel.Work();
        int n = w.n;
        char[] f = w.folded;
        int[] atom = w.atomLength;
        boolean[] boundary = w.boundary;
        int maxLen = Math.max(1, lexicon.maxWordLength());
        int[] ends = new int[maxLen];
        int[] ids = new int[maxLen];
        double[] best = new double[n + 1];
        int[] next = new int[n + 1];
        // Best path from each atom start to the end of the text.
        for (int i = n - 1; i >= 0; i--) {
            int a = atom[i];
            if (a < 0) {
                best[i] = best[i + 1];
                next[i] = i + 1;
                continue;
            }
            if (a == 0) {
                continue;
            }
            double bestScore = unknownLogProb + best[i + a];
            int bestEnd = i + a;
            int k = lexicon.prefixMatches(f, i, n, ends, ids);
            for (int m = 0; m < k; m++) {
                int e = ends[m];
                if (!boundary[e]) {
                    continue;
                }
                double s = logProb[ids[m]] + best[e];
                if (s >= bestScore) {
                    bestScore = s;
                    bestEnd = e;
                }
            }
            best[i] = bestScore;
            next[i] = bestEnd;
        }
        // Walk the path, collecting runs of single Han characters for the HMM.
        int count = 0;
        int runStart = -1;
        int i = 0;
        while (i < n) {
            if (atom[i] < 0) {
                count = flush(f, runStart, i, spans, count, work, ends, ids);
                runStart = -1;
                i++;
                continue;
            }
            int e = next[i];
            if (e - i == 1 && CharClass.of(f[i]) == CharClass.HAN) {
                if (runStart < 0) {
                    runStart = i;
                }
            } else {
                count = flush(f, runStart, i, spans, count, work, ends, ids);
                runStart = -1;
                spans[2 * count] = i;
                spans[2 * count + 1] = e;
                count++;
            }
            i = e;
        }
        return flush(f, runStart, n, spans, count, work, ends, ids);
    }

    /**
     * Log-probability of the best dictionary path through {@code word} (no HMM), as jieba's
     * {@code suggest_freq} uses it: a new word whose probability exceeds this beats its own pieces.
     */
    double bestPathLogProb(String word) {
        MaxMatch.Work w = work(word);
        int n = w.n;
        int maxLen = Math.max(1, lexicon.maxWordLength());
        int[] ends = new int[maxLen];
        int[] ids = new int[maxLen];
        double[] best = new double[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            int a = w.atomLength[i];
            if (a < 0) {
                best[i] = best[i + 1];
                continue;
            }
            if (a == 0) {
                continue;
            }
            double b = unknownLogProb + best[i + a];
            int k = lexicon.prefixMatches(w.folded, i, n, ends, ids);
            for (int m = 0; m < k; m++) {
                if (w.boundary[ends[m]]) {
                    b = Math.max(b, logProb[ids[m]] + best[ends[m]]);
                }
            }
            best[i] = b;
        }
        return best[0];
    }

    /** Emits the single-character run {@code [from, to)}: as is if short or a known word, else HMM-cut. */
    private int flush(char[] f, int from, int to, int[] spans, int count, HmmModel.Work work, int[] ends, int[] ids) {
        if (from < 0) {
            return count;
        }
        if (to - from > 1 && !isKnownWord(f, from, to, ends, ids)) {
            int end = hmm.cut(f, from, to, spans, count, work);
            if (newWordMargin == Double.NEGATIVE_INFINITY) {
                return end;
            }
            // Keep the likely invented words; the characters of the others become single words.
            int[] cut = java.util.Arrays.copyOfRange(spans, 2 * count, 2 * end);
            for (int k = 0; k < cut.length; k += 2) {
                int a = cut[k];
                int b = cut[k + 1];
                if (b - a == 1 || likely(f, a, b) || isKnownWord(f, a, b, ends, ids)) {
                    spans[2 * count] = a;
                    spans[2 * count + 1] = b;
                    count++;
                } else {
                    for (int c = a; c < b; c++) {
                        spans[2 * count] = c;
                        spans[2 * count + 1] = c + 1;
                        count++;
                    }
                }
            }
            return count;
        }
        for (int c = from; c < to; c++) {
            spans[2 * count] = c;
            spans[2 * count + 1] = c + 1;
            count++;
        }
        return count;
    }

    private boolean isKnownWord(char[] f, int from, int to, int[] ends, int[] ids) {
        int k = lexicon.prefixMatches(f, from, to, ends, ids);
        return k > 0 && ends[k - 1] == to && lexicon.frequency(ids[k - 1]) > 0;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Assembles a hybrid segmenter's dictionary from its sources, merged (frequencies of a word found in
     * several sources add up): the training corpus's word counts, HanLP's core dictionary and any user
     * dictionaries.
     */
    public static final class Builder {
        /**
         * Default multiplier of training counts before merging with HanLP's core dictionary, chosen on a
         * People's Daily development split (trained on 1–24 January 1998, scored on 25–31 January; see
         * {@code models/README.md} and {@code bench/java/org/classicnlp/bench/StatisticalSegmentDev.java}).
         */
        public static final double DEFAULT_TRAINING_WEIGHT = 10.0;

        private HmmModel hmm;
        private HybridModel trainingWords;
        private boolean useTrainingWords = true;
        private boolean coreDictionary = true;
        private Boolean t2s;
        private double trainingWeight = DEFAULT_TRAINING_WEIGHT;
        private final List<Lexicon> userDictionaries = new ArrayList<>();
        private Double newWordMargin;

        private Builder() {
        }

        /** HMM and training word counts from a trained model (default: {@link HybridModel#defaultModel()}). */
        public Builder model(HybridModel model) {
            this.hmm = model.hmm();
            this.trainingWords = model;
            return this;
        }

        /** Use only an HMM (no training counts): the dictionary then comes from the other sources. */
        public Builder hmm(HmmModel model) {
            this.hmm = Objects.requireNonNull(model, "model");
            this.trainingWords = null;
            return this;
        }

        /** Whether the model's training word counts join the dictionary (default true). */
        public Builder trainingWords(boolean use) {
            this.useTrainingWords = use;
            return this;
        }

        /** Multiplier of training counts before they are merged (default {@value #DEFAULT_TRAINING_WEIGHT}). */
        public Builder trainingWeight(double weight) {
            if (!(weight > 0)) {
                throw new IllegalArgumentException("trainingWeight must be > 0, was " + weight);
            }
            this.trainingWeight = weight;
            return this;
        }

        /** Whether HanLP's core dictionary joins the dictionary (default true). */
        public Builder coreDictionary(boolean use) {
            this.coreDictionary = use;
            return this;
        }

        /**
         * Adds a user dictionary ({@link LexiconLoaders#userDictionary}, {@link LexiconLoaders#wordList}). Its
         * frequencies above 1 are kept; a new word with frequency 0 or 1 (a plain word list) gets jieba's
         * suggested frequency: just enough to beat the best path through its pieces in the other sources
         * (words the other sources know keep their frequency).
         */
        public Builder addDictionary(Lexicon dictionary) {
            userDictionaries.add(Objects.requireNonNull(dictionary, "dictionary"));
            return this;
        }

        /**
         * Whether lookups see Traditional characters as Simplified; all words merged into the dictionary are
         * then converted too, so a Traditional user dictionary still matches. Default: on when the sources
         * are Simplified, that is when HanLP's core dictionary is used or the model is the shipped one; off
         * otherwise (a model trained on Traditional text keeps its characters).
         */
        public Builder traditionalToSimplified(boolean use) {
            this.t2s = use;
            return this;
        }

        public HybridSegmenter build() {
            // HanLP's dictionary and the shipped model are independent: load them on both cores.
            CompletableFuture<Lexicon> coreLoad = coreDictionary
                    ? CompletableFuture.supplyAsync(LexiconLoaders::hanlpCore) : null;
            HmmModel model = hmm;
            HybridModel training = trainingWords;
            boolean shippedModel = model == null;
            if (model == null) {
                training = HybridModel.defaultModel();
                model = training.hmm();
            }
            boolean convert = t2s != null ? t2s : coreDictionary || shippedModel;
            Lexicon.Builder words = new Lexicon.Builder(200_000);
            Adder add = convert ? (w, f) -> words.add(TraditionalChinese.toSimplified(w), f) : words::add;
            List<String> names = new ArrayList<>();
            if (useTrainingWords && training != null) {
                for (int i = 0; i < training.trainingWordCount(); i++) {
                    add.add(training.word(i), Math.round(training.count(i) * trainingWeight));
                }
                names.add("training");
            }
            if (coreLoad != null) {
                Lexicon core = coreLoad.join();
                for (int id = 0; id < core.size(); id++) {
                    add.add(core.word(id), core.frequency(id)); // words and frequencies only: no tags needed
                }
                names.add(core.name());
            }
            boolean suggest = false;
            for (Lexicon user : userDictionaries) {
                for (int id = 0; id < user.size(); id++) {
                    if (user.frequency(id) > 1) {
                        add.add(user.word(id), user.frequency(id));
                    } else {
                        suggest = true;
                    }
                }
                names.add(user.name());
            }
            if (words.size() == 0 && !suggest) {
                throw new IllegalStateException("the hybrid segmenter has no dictionary: enable training words,"
                        + " the core dictionary, or add a dictionary");
            }
            String name = String.join("+", names);
            if (suggest) {
                // Frequencies suggested against everything else, as jieba's add_word(word) does.
                HybridSegmenter base = new HybridSegmenter(model, words.build(name), convert);
                double total = Math.max(1, base.lexicon.totalFrequency());
                Lexicon.Builder all = new Lexicon.Builder(base.lexicon.size() + 1024);
                for (int id = 0; id < base.lexicon.size(); id++) {
                    all.add(base.lexicon.word(id), base.lexicon.frequency(id));
                }
                for (Lexicon user : userDictionaries) {
                    for (int id = 0; id < user.size(); id++) {
                        String w = convert ? TraditionalChinese.toSimplified(user.word(id)) : user.word(id);
                        if (user.frequency(id) <= 1 && base.lexicon.frequency(w) == 0) {
                            all.add(w, (long) Math.floor(total * Math.exp(base.bestPathLogProb(w))) + 1);
                        }
                    }
                }
                return new HybridSegmenter(model, all.build(name), convert, margin());
            }
            return new HybridSegmenter(model, words.build(name), convert, margin());
        }

        private double margin() {
            return newWordMargin != null ? newWordMargin
                    : coreDictionary ? DEFAULT_NEW_WORD_MARGIN : Double.NEGATIVE_INFINITY;
        }

        /**
         * Least HMM margin per character of a kept invented word (see {@link HybridSegmenter#withNewWordMargin});
         * default {@link #DEFAULT_NEW_WORD_MARGIN} with the core dictionary, keep-all without it.
         */
        public Builder newWordMargin(double margin) {
            if (Double.isNaN(margin)) {
                throw new IllegalArgumentException("margin must be a number");
            }
            this.newWordMargin = margin;
            return this;
        }

        private interface Adder {
            void add(String word, long frequency);
        }
    }
}
