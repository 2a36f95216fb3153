package org.classicnlp.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.FeatureVector;
import org.classicnlp.embed.Embedders;
import org.classicnlp.word2vec.PackedVectors;

/**
 * Embeds every line of a text file (one document per line) and writes one row of space-separated floats per
 * line, for a classifier outside the JVM. EMBEDDER is a name for {@link Embedders#byName}, or
 * {@code sif:FILE} / {@code mean:FILE} for a w2v-packed file (SIF over its counts and component, or the mean).
 *
 * <p>usage: EmbedLines EMBEDDER IN.txt OUT.txt
 */
public final class EmbedLines {

    public static void main(String[] args) throws IOException {
        String name = args[0];
        Embedder e;
        if (name.startsWith("sif:")) {
            e = PackedVectors.load(Path.of(name.substring(4))).sifEmbedder();
        } else if (name.startsWith("mean:")) {
            e = PackedVectors.load(Path.of(name.substring(5))).meanEmbedder();
        } else {
            e = Embedders.byName(name);
        }
        List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        int zero = 0;
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder();
            for (String line : lines) {
                FeatureVector v = e.embed(line);
                sb.setLength(0);
                double norm = 0;
                for (int i = 0; i < v.dimension(); i++) {
                    double x = v.get(i);
                    norm += x * x;
                    sb.append(i > 0 ? " " : "").append(String.format(Locale.ROOT, "%.6g", x));
                }
                zero += norm == 0 ? 1 : 0;
                out.write(sb.append('\n').toString());
            }
        }
        System.err.println(name + ": " + lines.size() + " documents embedded, " + zero + " zero vectors");
    }
}
