package org.classicnlp.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.classicnlp.classify.Evaluation;
import org.classicnlp.classify.LinearClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval",
        mixinStandardHelpOptions = true,
        description = "Prints accuracy<TAB>macro_f1<TAB>documents for labelled test documents (JSONL {\"text\",\"label\"}).",
        footer = {"", "Example:", "  java -jar classicnlp.jar classify eval --model m.bin --input-format jsonl --input test.jsonl"})
final class ClassifyEvalCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "A model from 'classify train'.")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "TEST", description = "Labelled documents.")
    String input;

    @Option(names = "--input-format", defaultValue = "jsonl", paramLabel = "FORMAT", description = "Default: ${DEFAULT-VALUE}.")
    String inputFormat;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Threads (default: processors).")
    int threads = org.classicnlp.core.Threads.defaultCount();

    @Option(names = {"-q", "--quiet"}, description = "Nothing on stderr but errors.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        Check.exists("--model", model);
        LinearClassifier m = LinearClassifier.load(model);
        Evaluation e = m.evaluate(DocumentSource.open(input, inputFormat).corpus, Check.atLeast("--threads", threads, 1));
        Writer out = CliIO.stdout();
        out.write(String.format(Locale.ROOT, "%.4f\t%.4f\t%d%n", e.accuracy(), e.macroF1(), e.documents()));
        out.flush();
        return 0;
    }
}
