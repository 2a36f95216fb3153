package org.classicnlp.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.classicnlp.ngram.NGramModel;
import org.classicnlp.ngram.NGramTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Estimates an interpolated modified Kneser-Ney model exactly as KenLM's lmplz does with its defaults",
            "(one sentence per input line, <s> and </s> added, <unk> with the interpolated unigram mass, no pruning);",
            "--prune as lmplz --prune; --method kn or addk for the simpler estimators.",
            "Output: .arpa or .arpa.gz (ARPA text, read by KenLM) or .bin (our binary, loads in one read)."},
        footer = {"", "Example:",
            "  java -jar classicnlp.jar lm train --order 5 --input train.txt --output lm.bin"})
final class LmTrainCommand implements Callable<Integer> {

    @Option(names = {"-o", "--order"}, required = true, paramLabel = "N", description = "Highest n-gram order, 1-6.")
    int order;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "SRC",
            description = "Training text: a file (.gz ok, one sentence per line), a directory, or - for stdin.")
    String input;

    @Option(names = "--input-format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "auto | lines | jsonl | sighan | pd98 | wiki | dir (default: ${DEFAULT-VALUE})")
    String inputFormat;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Model file: .arpa, .arpa.gz or .bin.")
    Path output;

    @Option(names = "--unit", defaultValue = "word", paramLabel = "word|char",
            description = "word: each token; char: each character of the tokens, spaces dropped (default: ${DEFAULT-VALUE})")
    String unit;

    @Option(names = "--tokenizer", defaultValue = "whitespace", paramLabel = "NAME", description = LmCommand.TOKENIZER_HELP)
    String tokenizer;

    @Option(names = {"-t", "--threads"}, description = "Counting threads: 1 counts on the reading thread; more runs"
            + " one counting stage per order in a pipeline (default: available processors)")
    Integer threads;

    @Option(names = "--discount-fallback", arity = "0..1", fallbackValue = "0.5,1,1.5", paramLabel = "D1,D2,D3",
            description = "lmplz's --discount_fallback: discounts for adjusted counts 1, 2, 3+ used where the closed-form"
                    + " estimate fails (tiny or repetitive corpora); alone: 0.5,1,1.5. Default: fail, as lmplz does.")
    String discountFallback;

    @Option(names = "--prune", paramLabel = "T1,T2,...", description = "lmplz's --prune: per order from 1, drop n-grams"
            + " whose raw count is at most the threshold, e.g. 0,0,1 (singleton trigrams and above); the last value"
            + " applies to the higher orders; non-decreasing; the first must be 0. Default: no pruning.")
    String prune;

    @Option(names = "--method", defaultValue = "mkn", paramLabel = "mkn|kn|addk", description = "mkn: interpolated"
            + " modified Kneser-Ney, as lmplz (default); kn: interpolated Kneser-Ney with one discount per order;"
            + " addk: add-k on raw counts with back-off to the lower order (--k)")
    String method;

    @Option(names = "--k", paramLabel = "K", description = "The constant of --method addk (default: 1).")
    Double k;

    @Option(names = {"-q", "--quiet", "--no-progress"}, description = "No progress or status lines on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        Check.inRange("--order", order, 1, 6);
        if (threads != null) {
            Check.atLeast("--threads", threads, 1);
        }
        String name = output.getFileName().toString();
        boolean arpa = name.endsWith(".arpa") || name.endsWith(".arpa.gz");
        if (!arpa && !name.endsWith(".bin")) {
            throw Check.usage("--output must end in .arpa, .arpa.gz or .bin, got '" + name + "'");
        }
        NGramTrainer.Builder b = NGramTrainer.builder().order(order).analyzer(LmCommand.analyzer(tokenizer))
                .unit(LmCommand.unit(unit));
        if (threads != null) {
            b.threads(threads);
        }
        if (discountFallback != null) {
            String[] d = discountFallback.split(",");
            if (d.length != 3) {
                throw Check.usage("--discount-fallback needs three discounts D1,D2,D3, got '" + discountFallback + "'");
            }
            float[] v = new float[3];
            for (int i = 0; i < 3; i++) {
                try {
                    v[i] = Float.parseFloat(d[i].strip());
                } catch (NumberFormatException e) {
                    throw Check.usage("--discount-fallback: '" + d[i] + "' is not a number");
                }
                Check.inRange("--discount-fallback D" + (i + 1), v[i], 0, i + 1);
            }
            b.discountFallback(v[0], v[1], v[2]);
        }
        NGramTrainer.Method m = NGramTrainer.Method.of(Check.oneOf("--method", method, java.util.List.of("mkn", "kn", "addk")));
        b.method(m);
        if (k != null) {
            if (m != NGramTrainer.Method.ADDK) {
                throw Check.usage("--k applies to --method addk only");
            }
            if (!(k > 0) || k.isInfinite()) {
                throw Check.usage("--k must be a positive number, got " + k);
            }
            b.addK(k);
        }
        if (prune != null) {
            String[] parts = prune.split(",", -1);
            long[] t = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    t[i] = Long.parseLong(parts[i].strip());
                } catch (NumberFormatException e) {
                    throw Check.usage("--prune: '" + parts[i] + "' is not a count (expected e.g. 0,0,1)");
                }
            }
            if (t.length > order) {
                throw Check.usage("--prune gives thresholds for orders 1 through " + t.length + " but --order is " + order);
            }
            try {
                b.prune(t);
            } catch (IllegalArgumentException e) {
                throw Check.usage("--prune: " + e.getMessage());
            }
        }
        NGramTrainer trainer = b.build();
        Check.writable("--output", output);
        DocumentSource src = DocumentSource.open(input, inputFormat);
        NGramModel model;
        try (Progress p = new Progress("lm train", "sentences", src::size, quiet)) {
            model = trainer.fit(src.corpus, (stage, done, total) -> {
                if (stage.equals("count")) {
                    p.stepTo(done);
                } else {
                    p.extra("estimating order " + done + " of " + total);
                }
            });
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw CliErrors.aboutInput("--input", input, e);
        }
        if (arpa) {
            model.writeArpa(output);
        } else {
            model.save(output);
        }
        if (!quiet) {
            StringBuilder sb = new StringBuilder();
            for (int k = 1; k <= model.order(); k++) {
                sb.append(k > 1 ? ", " : "").append(model.count(k)).append(' ').append(k).append("-grams");
            }
            System.err.printf(Locale.ROOT, "wrote %s to %s%n", sb, output);
        }
        return 0;
    }
}
