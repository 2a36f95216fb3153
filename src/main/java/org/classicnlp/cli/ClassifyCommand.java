package org.classicnlp.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code classify}: train, evaluate and apply text classifiers. */
@Command(name = "classify",
        mixinStandardHelpOptions = true,
        description = "Text classification: naive Bayes and linear SVM (ours), logistic regression (on Smile, GPL-3.0).",
        subcommands = {ClassifyTrainCommand.class, ClassifyEvalCommand.class, ClassifyPredictCommand.class},
        footer = {"", "Examples:",
            "  java -jar classicnlp.jar classify train --algo svm --input-format jsonl --input train.jsonl --output news.model",
            "  java -jar classicnlp.jar classify eval --model news.model --input-format jsonl --input test.jsonl"})
final class ClassifyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: train, eval or predict");
    }
}
