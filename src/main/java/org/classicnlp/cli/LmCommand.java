package org.classicnlp.cli;

import java.nio.file.Path;
import java.util.List;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.AnalyzerSpec;
import org.classicnlp.ngram.NGramModel;
import org.classicnlp.ngram.Unit;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lm}: n-gram language models (modified Kneser-Ney as KenLM's lmplz): train, perplexity, score, sample. */
@Command(name = "lm",
        mixinStandardHelpOptions = true,
        description = "N-gram language models: interpolated modified Kneser-Ney identical to KenLM's lmplz;"
                + " ARPA (plain or .gz) and a compact binary format.",
        subcommands = {
            LmTrainCommand.class,
            LmPerplexityCommand.class,
            LmScoreCommand.class,
            LmSampleCommand.class,
            LmConvertCommand.class,
        },
        footer = {"", "Examples:",
            "  java -jar classicnlp.jar lm train --order 5 --input train.txt --output lm.bin",
            "  java -jar classicnlp.jar lm perplexity --model lm.bin --input test.txt",
            "  java -jar classicnlp.jar lm score --model lm.arpa.gz test.txt",
            "  java -jar classicnlp.jar lm sample --model lm.bin --prefix 'the' --n 20 --seed 7"})
final class LmCommand implements Runnable {

    static final List<String> TOKENIZERS = List.of("default", "whitespace", "english");
    static final String TOKENIZER_HELP = "whitespace: the tokens as given, as KenLM reads them (default for lm)"
            + " | default: the standard segmenter with width folding, Traditional->Simplified and lowercase"
            + " | english";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: train, perplexity, score, sample or convert");
    }

    static Analyzer analyzer(String tokenizer) {
        String t = Check.oneOf("--tokenizer", tokenizer, TOKENIZERS);
        return t.equals("default") ? Analyzer.standard() : Analyzer.of(AnalyzerSpec.of(t));
    }

    static Unit unit(String unit) {
        return Unit.of(Check.oneOf("--unit", unit, List.of("word", "char")));
    }

    /** The model, ARPA or binary by content, re-tokenizing as asked when --unit or --tokenizer is given. */
    static NGramModel model(Path file, String unit, String tokenizer) {
        Check.exists("--model", file);
        NGramModel m = NGramModel.open(file);
        if (unit != null || tokenizer != null) {
            m = m.withAnalysis(tokenizer != null ? analyzer(tokenizer).spec() : m.analyzerSpec(),
                    unit != null ? unit(unit) : m.unit());
        }
        return m;
    }
}
