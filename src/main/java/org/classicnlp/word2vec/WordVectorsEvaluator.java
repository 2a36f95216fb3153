package org.classicnlp.word2vec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.classicnlp.core.CorpusFormatException;
import org.classicnlp.core.Hit;
import org.classicnlp.core.TextFiles;

/**
 * The standard intrinsic evaluations of word vectors, computed as gensim computes them so figures compare:
 *
 * <ul>
 *   <li>{@link #analogies}: {@code KeyedVectors.evaluate_word_analogies} — files of {@code : section}
 *       headers and {@code a b c d} questions (Google's {@code questions-words.txt}, CA8); 3CosAdd over the
 *       {@code restrictVocab} most frequent words (default 30,000); words compared upper-cased (the most
 *       frequent of words equal up to case wins); questions with a word outside those words are skipped and
 *       counted apart;</li>
 *   <li>{@link #wordPairs}: {@code evaluate_word_pairs} — lines {@code word1 word2 score} (tab, comma or
 *       space separated; a header or any line whose third field is not a number is skipped, {@code #} starts
 *       a comment); Spearman's rank correlation (ties get average ranks) between the scores and the cosine
 *       similarities; pairs with an unknown word are skipped and counted apart.</li>
 * </ul>
 */
public final class WordVectorsEvaluator {

    /** gensim's default {@code restrict_vocab} for analogies. */
    public static final int ANALOGY_RESTRICT_VOCAB = 30_000;
    /** gensim's default {@code restrict_vocab} for word pairs. */
    public static final int SIMILARITY_RESTRICT_VOCAB = 300_000;

    private WordVectorsEvaluator() {
    }

    /** Correct answers out of attempted questions in one section of an analogy file. */
    public record Section(String name, int correct, int attempted, int skipped) {
        public double accuracy() {
            return attempted == 0 ? 0 : correct / (double) attempted;
        }

        /** Google's sections named {@code gram…} are syntactic, the others semantic. */
        public boolean syntactic() {
            return name.startsWith("gram");
        }
    }

    /** Result of {@link #analogies}: per section and in total. */
    public record AnalogyResult(List<Section> sections) {
        public AnalogyResult {
            sections = List.copyOf(sections);
        }

        public int correct() {
            return sections.stream().mapToInt(Section::correct).sum();
        }

        /** Questions answered (all four words known). */
        public int attempted() {
            return sections.stream().mapToInt(Section::attempted).sum();
        }

        /** Questions skipped for an unknown word. */
        public int skipped() {
            return sections.stream().mapToInt(Section::skipped).sum();
        }

        public double accuracy() {
            return attempted() == 0 ? 0 : correct() / (double) attempted();
        }

        /** The semantic sections (names not starting with {@code gram}) together. */
        public Section semantic() {
            return sum("semantic", false);
        }

        /** The syntactic sections ({@code gram…}) together. */
        public Section syntactic() {
            return sum("syntactic", true);
        }

        private Section sum(String name, boolean syntactic) {
            int c = 0;
            int a = 0;
            int s = 0;
            for (Section x : sections) {
                if (x.syntactic() == syntactic) {
                    c += x.correct();
                    a += x.attempted();
                    s += x.skipped();
                }
            }
            return new Section(name, c, a, s);
        }
    }

    /** Result of {@link #wordPairs}. */
    public record SimilarityResult(double spearman, double pearson, int used, int total) {
        /** Pairs skipped for an unknown word. */
        public int skipped() {
            return total - used;
        }
    }

    /** Analogy accuracy with gensim's defaults (30,000 most frequent words, case-insensitive). */
    public static AnalogyResult analogies(WordVectors vectors, Path file) {
        return analogies(vectors, file, ANALOGY_RESTRICT_VOCAB);
    }

    /** Analogy accuracy using only the first {@code restrictVocab} words (0 = all). */
    public static AnalogyResult analogies(WordVectors vectors, Path file, int restrictVocab) {
        int limit = restrictVocab > 0 ? Math.min(restrictVocab, vectors.size()) : vectors.size();
        Map<String, Integer> ok = upperCaseIndex(vectors, limit);
        List<Section> sections = new ArrayList<>();
        String name = null;
        int correct = 0;
        int attempted = 0;
        int skipped = 0;
        try (Stream<TextFiles.NumberedLine> lines = TextFiles.numberedLines(file)) {
            for (TextFiles.NumberedLine line : (Iterable<TextFiles.NumberedLine>) lines::iterator) {
                String text = line.text().strip();
                if (text.isEmpty()) {
                    continue;
                }
                if (text.startsWith(":")) {
                    if (name != null) {
                        sections.add(new Section(name, correct, attempted, skipped));
                    }
                    name = text.substring(1).strip();
                    correct = 0;
                    attempted = 0;
                    skipped = 0;
                    continue;
                }
                if (name == null) {
                    throw new CorpusFormatException(file, line.number(), "question before the first ': section' line");
                }
                String[] w = text.split("\\s+");
                if (w.length != 4) {
                    throw new CorpusFormatException(file, line.number(), "expected 4 words 'a b c d', found "
                            + w.length);
                }
                Integer a = ok.get(upper(w[0]));
                Integer b = ok.get(upper(w[1]));
                Integer c = ok.get(upper(w[2]));
                Integer expected = ok.get(upper(w[3]));
                if (a == null || b == null || c == null || expected == null) {
                    skipped++;
                    continue;
                }
                attempted++;
                // gensim: most_similar(positive=[b, c], negative=[a], topn=5, restrict_vocab), then the first
                // answer that is not one of the question words (compared upper-cased)
                List<Hit> sims = vectors.mostSimilarByIndex(new int[] {b, c}, new int[] {a}, 5,
                        limit);
                String ua = upper(w[0]);
                String ub = upper(w[1]);
                String uc = upper(w[2]);
                String predicted = null;
                for (Hit s : sims) {
                    predicted = upper(s.id());
                    if (ok.containsKey(predicted) && !predicted.equals(ua) && !predicted.equals(ub)
                            && !predicted.equals(uc)) {
                        break;
                    }
                }
                if (upper(w[3]).equals(predicted)) {
                    correct++;
                }
            }
        }
        if (name != null) {
            sections.add(new Section(name, correct, attempted, skipped));
        }
        return new AnalogyResult(sections);
    }

    /** Spearman correlation with gensim's defaults (300,000 most frequent words, case-insensitive). */
    public static SimilarityResult wordPairs(WordVectors vectors, Path file) {
        return wordPairs(vectors, file, SIMILARITY_RESTRICT_VOCAB);
    }

    /** Spearman correlation using only the first {@code restrictVocab} words (0 = all). */
    public static SimilarityResult wordPairs(WordVectors vectors, Path file, int restrictVocab) {
        int limit = restrictVocab > 0 ? Math.min(restrictVocab, vectors.size()) : vectors.size();
        Map<String, Integer> ok = upperCaseIndex(vectors, limit);
        List<double[]> pairs = new ArrayList<>();
        int total = 0;
        try (Stream<String> lines = TextFiles.lines(file)) {
            for (String line : (Iterable<String>) lines::iterator) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] f = text.split(text.indexOf('\t') >= 0 ? "\t" : text.indexOf(',') >= 0 ? "," : "\\s+");
                if (f.length < 3) {
                    continue;
                }
                double gold;
                try {
                    gold = Double.parseDouble(f[2].strip());
                } catch (NumberFormatException e) {
                    continue;   // a header line
                }
                total++;
                Integer a = ok.get(upper(f[0].strip()));
                Integer b = ok.get(upper(f[1].strip()));
                if (a == null || b == null) {
                    continue;
                }
                pairs.add(new double[] {gold, vectors.similarityByIndex(a, b)});
            }
        }
        double[] gold = new double[pairs.size()];
        double[] model = new double[pairs.size()];
        for (int i = 0; i < gold.length; i++) {
            gold[i] = pairs.get(i)[0];
            model[i] = pairs.get(i)[1];
        }
        return new SimilarityResult(spearman(gold, model), pearson(gold, model), pairs.size(), total);
    }

    /** Spearman's rho: Pearson correlation of the ranks (ties averaged); NaN for fewer than 2 pairs. */
    public static double spearman(double[] x, double[] y) {
        return pearson(ranks(x), ranks(y));
    }

    static double pearson(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = rank;
            }
            i = j + 1;
        }
        return r;
    }

    /** Upper-cased word → index over the first {@code limit} words; the most frequent wins (gensim). */
    private static Map<String, Integer> upperCaseIndex(WordVectors vectors, int limit) {
        Map<String, Integer> ok = new HashMap<>(limit * 2);
        for (int i = limit - 1; i >= 0; i--) {
            ok.put(upper(vectors.word(i)), i);
        }
        return ok;
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
