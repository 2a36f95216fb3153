package org.classicnlp.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.classicnlp.word2vec.AllButTheTop;
import org.classicnlp.word2vec.DefaultVectors;
import org.classicnlp.word2vec.PackedVectors;
import org.classicnlp.word2vec.WordVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "postprocess",
        mixinStandardHelpOptions = true,
        description = {
            "All-but-the-top (Mu & Viswanath 2018): subtracts the mean vector and removes the top D principal",
            "components, computed over all words of the file. A word2vec file gives a word2vec file (format by",
            "the --output extension); a w2v-packed model file gives a w2v-packed file at the same bits, with its",
            "counts and analysis and a new SIF component. w2v train --all-but-the-top D does the same after training."},
        footer = {"", "Example:",
            "  java -jar classicnlp.jar w2v postprocess --vectors vec.bin --output vec-abtt.bin"})
final class W2vPostprocessCommand implements Callable<Integer> {

    @Option(names = "--vectors", required = true, paramLabel = "FILE",
            description = "A word2vec file (.bin or text) or a w2v-packed model file.")
    Path vectors;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write the result.")
    Path output;

    @Option(names = {"-D", "--components"}, paramLabel = "D",
            description = "Principal components to remove (default: dimension / 100, at least 1: the paper's rule)")
    Integer components;

    @Option(names = {"-q", "--quiet"}, description = "No status line on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        Check.exists("--vectors", vectors);
        Check.writable("--output", output);
        boolean packed = DefaultVectors.isPackedFile(vectors);
        PackedVectors p = packed ? PackedVectors.load(vectors) : null;
        WordVectors v = packed ? p.vectors() : WordVectors.load(vectors);
        int d = components != null ? components : AllButTheTop.defaultComponents(v.dimension());
        Check.atLeast("--components", d, 0);
        if (d >= v.dimension()) {
            throw Check.usage("--components must be below the dimension " + v.dimension() + ", got " + d);
        }
        WordVectors out = AllButTheTop.apply(v, d);
        if (packed) {
            PackedVectors.pack(out, 0, p.bits(), p.spec(), p.corpusTokens()).save(output);
        } else {
            out.save(output);
        }
        if (!quiet) {
            System.err.printf(Locale.ROOT, "wrote %d vectors (mean and %d components removed) to %s%n", out.size(), d,
                    output);
        }
        return 0;
    }
}
