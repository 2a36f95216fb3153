package org.classicnlp.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.classicnlp.classify.Algorithm;
import org.classicnlp.classify.ClassifierTrainer;
import org.classicnlp.tfidf.Norm;
import org.classicnlp.tfidf.TfidfVectorizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train",
        mixinStandardHelpOptions = true,
        description = {"Fits a classifier on labelled documents (JSONL {\"text\": ..., \"label\": ...}). Features: TF-IDF "
                + "fitted on the training texts (default: sublinear tf over the english analyzer, lowercased) or "
                + "--embedder vectors."},
        footer = {"", "Example:", "  java -jar classicnlp.jar classify train --algo logreg --input-format jsonl --input train.jsonl --output m.bin"})
final class ClassifyTrainCommand implements Callable<Integer> {

    @Option(names = "--algo", defaultValue = "nb", paramLabel = "nb|logreg|svm", description = "Default: ${DEFAULT-VALUE}.")
    String algo;

    @Option(names = "--input", required = true, paramLabel = "TRAIN", description = "Labelled documents.")
    String input;

    @Option(names = "--input-format", defaultValue = "jsonl", paramLabel = "FORMAT", description = "Default: ${DEFAULT-VALUE}.")
    String inputFormat;

    @Option(names = "--output", required = true, paramLabel = "MODEL", description = "Model file.")
    Path output;

    @Option(names = "--embedder", paramLabel = "NAME|FILE", description = "Dense features from this embedder instead of TF-IDF.")
    String embedder;

    @Option(names = "--tfidf", paramLabel = "OPTIONS",
            description = "TF-IDF options, space-separated key=value in scikit-learn's names: sublinear_tf=true|false, "
                    + "min_df=N|P, max_df=N|P, ngram_range=MIN,MAX, norm=l2|l1|none, use_idf=..., smooth_idf=..., "
                    + "lowercase=..., tokenizer=english|default|whitespace. Default: sublinear_tf=true tokenizer=english lowercase=true.")
    String tfidf;

    @Option(names = "--alpha", paramLabel = "A", description = "Naive Bayes smoothing (default: 0.01).")
    Double alpha;

    @Option(names = "--C", paramLabel = "C", description = "Inverse regularisation (default: 1 for svm, 10 for logreg).")
    Double c;

    @Option(names = "--max-iter", paramLabel = "N",
            description = "SVM passes (default: 1000) or logistic regression L-BFGS iterations (default: 100), scikit-learn's max_iter.")
    Integer maxIter;

    @Option(names = "--tol", paramLabel = "T", description = "Convergence tolerance of svm and logreg (default: 1e-4).")
    Double tol;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of the SVM's coordinate order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Threads for features and training (default: processors).")
    int threads = org.classicnlp.core.Threads.defaultCount();

    @Option(names = {"-q", "--quiet"}, description = "Nothing on stderr but errors.")
    boolean quiet;

    @Override
    public Integer call() {
        Algorithm a;
        try {
            a = Algorithm.of(algo);
        } catch (IllegalArgumentException e) {
            throw new CliErrors.Usage("--algo: " + e.getMessage());
        }
        if (embedder != null && tfidf != null) {
            throw new CliErrors.Usage("give --embedder or --tfidf, not both");
        }
        Check.writable("--output", output);
        ClassifierTrainer.Builder b = ClassifierTrainer.builder().algorithm(a)
                .threads(Check.atLeast("--threads", threads, 1)).seed(seed);
        if (maxIter != null) {
            b.maxIter(Check.atLeast("--max-iter", maxIter, 1));
        }
        if (tol != null) {
            b.tol(Check.positive("--tol", tol));
        }
        if (alpha != null) {
            b.alpha(Check.atLeast("--alpha", alpha, 0));
        }
        if (c != null) {
            b.c(Check.positive("--C", c));
        }
        if (embedder != null) {
            b.embedder(embedder, EmbedderOption.resolve(embedder));
        } else if (tfidf != null) {
            b.tfidf(parseTfidf(tfidf));
        }
        DocumentSource source = DocumentSource.open(input, inputFormat);
        org.classicnlp.classify.LinearClassifier model;
        try {
            model = b.build().fit(source.corpus);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw CliErrors.aboutInput("--input", input, e);
        }
        model.save(output);
        return 0;
    }

    static TfidfVectorizer.Builder parseTfidf(String options) {
        TfidfVectorizer.Builder t = ClassifierTrainer.defaultTfidf();
        for (String kv : options.trim().split("\\s+")) {
            if (kv.isEmpty()) {
                continue;
            }
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new CliErrors.Usage("--tfidf: expected key=value, got '" + kv + "'");
            }
            String k = kv.substring(0, eq).toLowerCase(Locale.ROOT).replace('-', '_');
            String v = kv.substring(eq + 1);
            try {
                switch (k) {
                    case "sublinear_tf" -> t.sublinearTf(bool(k, v));
                    case "use_idf" -> t.useIdf(bool(k, v));
                    case "smooth_idf" -> t.smoothIdf(bool(k, v));
                    case "lowercase" -> t.lowercase(bool(k, v));
                    case "norm" -> t.norm(Norm.parse(Check.oneOf("--tfidf norm", v, TfidfOptions.NORMS)));
                    case "tokenizer" -> t.tokenizer(Check.oneOf("--tfidf tokenizer", v, TfidfOptions.TOKENIZERS));
                    case "min_df" -> {
                        if (v.contains(".")) {
                            t.minDf(Double.parseDouble(v));
                        } else {
                            t.minDf(Integer.parseInt(v));
                        }
                    }
                    case "max_df" -> {
                        if (v.contains(".")) {
                            t.maxDf(Double.parseDouble(v));
                        } else {
                            t.maxDf(Integer.parseInt(v));
                        }
                    }
                    case "ngram_range" -> {
                        String[] p = v.split(",");
                        if (p.length != 2) {
                            throw new CliErrors.Usage("--tfidf ngram_range: expected MIN,MAX, got '" + v + "'");
                        }
                        t.ngramRange(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
                    }
                    default -> throw new CliErrors.Usage("--tfidf: unknown option '" + k + "'");
                }
            } catch (NumberFormatException e) {
                throw new CliErrors.Usage("--tfidf " + k + ": not a number: '" + v + "'");
            } catch (IllegalArgumentException e) {
                throw new CliErrors.Usage("--tfidf " + k + ": " + e.getMessage());
            }
        }
        return t;
    }

    private static boolean bool(String k, String v) {
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new CliErrors.Usage("--tfidf " + k + ": expected true or false, got '" + v + "'");
    }
}
