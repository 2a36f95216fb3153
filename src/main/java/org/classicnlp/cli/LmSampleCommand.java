package org.classicnlp.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.classicnlp.ngram.NGramModel;
import org.classicnlp.ngram.Unit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sample",
        mixinStandardHelpOptions = true,
        description = {"Generates text: draws up to --n tokens from the model after <s> and the prefix, stopping at </s>;",
            "prints the prefix and the drawn tokens on one line (joined by spaces, by nothing for --unit char)."},
        footer = {"", "Example:", "  java -jar classicnlp.jar lm sample --model lm.bin --prefix 'the' --n 20 --seed 7"})
final class LmSampleCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "FILE", description = "ARPA (plain or .gz) or .bin model.")
    Path model;

    @Option(names = "--prefix", defaultValue = "", paramLabel = "TEXT", description = "Text to continue (default: none).")
    String prefix;

    @Option(names = "--n", defaultValue = "50", description = "Most tokens to draw (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--unit", paramLabel = "word|char", description = "Override the model's unit (ARPA files: word).")
    String unit;

    @Option(names = "--tokenizer", paramLabel = "NAME", description = "Override the model's tokenizer. " + LmCommand.TOKENIZER_HELP)
    String tokenizer;

    @Override
    public Integer call() {
        Check.atLeast("--n", n, 0);
        NGramModel m = LmCommand.model(model, unit, tokenizer);
        List<String> pre = m.tokens(prefix);
        List<String> all = new ArrayList<>(pre);
        all.addAll(m.sample(pre, n, seed));
        System.out.println(String.join(m.unit() == Unit.CHAR ? "" : " ", all));
        System.out.flush();
        return 0;
    }
}
