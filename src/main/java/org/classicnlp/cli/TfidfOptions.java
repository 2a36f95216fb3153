package org.classicnlp.cli;

import java.util.List;
import java.util.Locale;
import org.classicnlp.tfidf.Norm;
import org.classicnlp.tfidf.StopWords;
import org.classicnlp.tfidf.TfidfVectorizer;
import picocli.CommandLine.Option;

/**
 * The vectorizer options shared by {@code tfidf fit}, {@code tfidf transform --fit} and {@code keywords};
 * they mirror {@link TfidfVectorizer.Builder}. One difference from the builder: the CLI does not lowercase
 * unless {@code --lowercase} is given, because its main use is pre-tokenized text compared verbatim.
 */
final class TfidfOptions {

    @Option(names = "--norm", paramLabel = "l2|l1|none", description = "Row normalization (default: ${DEFAULT-VALUE}).")
    String norm = "l2";

    @Option(names = "--no-idf", description = "Do not weight by idf (use_idf=False).")
    boolean noIdf;

    @Option(names = "--no-smooth-idf", description = "idf = ln(n/df) + 1 instead of ln((1+n)/(1+df)) + 1.")
    boolean noSmoothIdf;

    @Option(names = "--sublinear-tf", description = "tf = 1 + ln(count).")
    boolean sublinearTf;

    @Option(names = "--textbook", description = "Textbook weights: tf = count / length, idf = log10(N/df), no norm.")
    boolean textbook;

    @Option(names = "--min-df", paramLabel = "N|P", description = "Drop terms in fewer documents: an integer count or a proportion with a dot (0.01). Default: 1.")
    String minDf;

    @Option(names = "--max-df", paramLabel = "N|P", description = "Drop terms in more documents: an integer count or a proportion with a dot (0.5). Default: 1.0.")
    String maxDf;

    @Option(names = "--max-features", paramLabel = "N", description = "Keep only the N terms most frequent in the corpus (N >= 1; default: all).")
    Integer maxFeatures;

    @Option(names = "--ngram", paramLabel = "MIN,MAX", description = "Word n-gram range (default: 1,1).")
    String ngram = "1,1";

    @Option(names = "--stop-words", paramLabel = "zh|en|FILE", description = "Stop words: bundled zh or en list, or a file with one word per line; comma-join several.")
    String stopWords;

    @Option(names = "--tokenizer", paramLabel = "default|whitespace|english", description = "default: the best Chinese/mixed segmenter; whitespace: pre-tokenized text. Default: ${DEFAULT-VALUE}.")
    String tokenizer = "default";

    @Option(names = "--lowercase", description = "Lowercase text before tokenizing (off by default in the CLI).")
    boolean lowercase;

    /** The --norm, --tokenizer and --stop-words names accepted. */
    static final List<String> NORMS = List.of("l2", "l1", "none");
    static final List<String> TOKENIZERS = List.of("default", "whitespace", "english");

    /** A builder configured from the options; bad values throw {@link CliErrors.Usage} through {@link Check}. */
    TfidfVectorizer.Builder builder(int threads) {
        TfidfVectorizer.Builder b = TfidfVectorizer.builder()
                .tokenizer(Check.oneOf("--tokenizer", tokenizer, TOKENIZERS))
                .lowercase(lowercase)
                .threads(threads);
        if (textbook) {
            b.textbook();
        } else {
            b.norm(Norm.parse(Check.oneOf("--norm", norm, NORMS))).useIdf(!noIdf).smoothIdf(!noSmoothIdf)
                    .sublinearTf(sublinearTf);
        }
        if (minDf != null) {
            if (isProportion(minDf)) {
                b.minDf(Check.inRange("--min-df", parseDouble(minDf, "--min-df"), 0, 1));
            } else {
                b.minDf(Check.atLeast("--min-df", parseInt(minDf, "--min-df"), 0));
            }
        }
        if (maxDf != null) {
            if (isProportion(maxDf)) {
                b.maxDf(Check.inRange("--max-df", parseDouble(maxDf, "--max-df"), 0, 1));
            } else {
                b.maxDf(Check.atLeast("--max-df", parseInt(maxDf, "--max-df"), 0));
            }
        }
        if (maxFeatures != null) {
            b.maxFeatures(Check.atLeast("--max-features", maxFeatures, 1));
        }
        String[] r = ngram.split(",");
        if (r.length != 2) {
            throw Check.usage("--ngram must be MIN,MAX with 1 <= MIN <= MAX (for example 1,2), got '" + ngram + "'");
        }
        int min = Check.atLeast("--ngram MIN", parseInt(r[0].trim(), "--ngram"), 1);
        int max = Check.atLeast("--ngram MAX", parseInt(r[1].trim(), "--ngram"), min);
        b.ngramRange(min, max);
        if (stopWords != null) {
            b.stopWords(StopWords.byName(stopWords));
        }
        return b;
    }

    private static boolean isProportion(String s) {
        return s.contains(".") || s.toLowerCase(Locale.ROOT).contains("e");
    }

    private static int parseInt(String s, String option) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw Check.usage(option + " must be an integer, got '" + s + "'");
        }
    }

    private static double parseDouble(String s, String option) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw Check.usage(option + " must be a number, got '" + s + "'");
        }
    }
}
