package org.classicnlp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.classicnlp.ngram.NGramModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "convert",
        mixinStandardHelpOptions = true,
        description = {"Converts a model between ARPA (plain or .gz, ours or KenLM's/SRILM's) and our binary format,",
            "by the output's name: .arpa, .arpa.gz or .bin. --unit and --tokenizer set the analysis a binary stores."},
        footer = {"", "Example:", "  java -jar classicnlp.jar lm convert --model kenlm.arpa --output lm.bin"})
final class LmConvertCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "FILE", description = "ARPA (plain or .gz) or .bin model.")
    Path model;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Output: .arpa, .arpa.gz or .bin.")
    Path output;

    @Option(names = "--unit", paramLabel = "word|char", description = "Unit to store (default: the model's; ARPA: word).")
    String unit;

    @Option(names = "--tokenizer", paramLabel = "NAME", description = "Tokenizer to store (default: the model's; ARPA: whitespace). "
            + LmCommand.TOKENIZER_HELP)
    String tokenizer;

    @Override
    public Integer call() {
        String name = output.getFileName().toString();
        boolean arpa = name.endsWith(".arpa") || name.endsWith(".arpa.gz");
        if (!arpa && !name.endsWith(".bin")) {
            throw Check.usage("--output must end in .arpa, .arpa.gz or .bin, got '" + name + "'");
        }
        NGramModel m = LmCommand.model(model, unit, tokenizer);
        Check.writable("--output", output);
        if (arpa) {
            m.writeArpa(output);
        } else {
            m.save(output);
        }
        return 0;
    }
}
