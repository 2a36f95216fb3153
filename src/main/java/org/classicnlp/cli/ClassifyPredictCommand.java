package org.classicnlp.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.classicnlp.classify.LinearClassifier;
import org.classicnlp.core.Document;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "predict",
        mixinStandardHelpOptions = true,
        description = "Prints doc_id<TAB>label per document, in input order.",
        footer = {"", "Example:", "  java -jar classicnlp.jar classify predict --model m.bin --input new.txt"})
final class ClassifyPredictCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "A model from 'classify train'.")
    Path model;

    @Option(names = "--input", defaultValue = "-", paramLabel = "SRC", description = "Documents (default: stdin, one per line).")
    String input;

    @Option(names = "--input-format", defaultValue = "auto", paramLabel = "FORMAT", description = "Default: ${DEFAULT-VALUE}.")
    String inputFormat;

    @Option(names = {"-q", "--quiet"}, description = "Nothing on stderr but errors.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        Check.exists("--model", model);
        LinearClassifier m = LinearClassifier.load(model);
        Writer out = CliIO.stdout();
        try (var docs = DocumentSource.open(input, inputFormat).corpus.stream()) {
            for (Document d : (Iterable<Document>) docs::iterator) {
                out.write(d.id() + "\t" + m.predict(d.text()) + "\n");
            }
        }
        out.flush();
        return 0;
    }
}
