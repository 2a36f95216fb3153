package org.classicnlp.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code index}: semantic (or BM25) search over a document collection. */
@Command(name = "index",
        mixinStandardHelpOptions = true,
        description = "Search: build a vector (or BM25) index of documents, then query it.",
        subcommands = {IndexBuildCommand.class, IndexSearchCommand.class},
        footer = {"", "Examples:",
            "  java -jar classicnlp.jar index build --embedder w2v-sif-en --input docs.jsonl --output idx --hnsw",
            "  java -jar classicnlp.jar index search --index idx --top 5 'how do I reset my password'"})
final class IndexCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: build or search");
    }
}
