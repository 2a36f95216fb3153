package org.classicnlp.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code w2v}: train word vectors and query or evaluate them. */
@Command(name = "w2v",
        mixinStandardHelpOptions = true,
        description = "Word2Vec: train word vectors (skip-gram, CBOW), query and evaluate them.",
        subcommands = {
            W2vTrainCommand.class,
            W2vSimilarCommand.class,
            W2vAnalogyCommand.class,
            W2vEvalCommand.class,
            W2vPostprocessCommand.class,
        },
        footer = {"", "Examples:",
            "  java -jar classicnlp.jar w2v train --input corpus.txt --output vectors.bin --model sg",
            "  java -jar classicnlp.jar w2v similar --vectors vectors.bin king",
            "  java -jar classicnlp.jar w2v eval --vectors vectors.bin --analogy questions-words.txt"})
final class W2vCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: train, similar, analogy, eval or postprocess");
    }
}
