package org.classicnlp.bench;

import com.hankcs.hanlp.model.perceptron.CWSTrainer;
import com.hankcs.hanlp.model.perceptron.PerceptronTrainer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Peer harness (outside the library): trains HanLP's own structured-perceptron segmenter ({@link CWSTrainer},
 * with HanLP's defaults for {@code train(corpus, model)}) on the same
 * People's Daily 1998 January file our perceptron is trained on. The paragraph id token is dropped; HanLP
 * reads the rest (word/TAG, [compound]nt) itself and trains on the inner words, the PKU standard.
 *
 * Usage: java -cp $BENCH_CP org.classicnlp.bench.HanlpPerceptronTrain PD98_GZ WORK_DIR MODEL_OUT
 */
public class HanlpPerceptronTrain {
    public static void main(String[] args) throws IOException {
        Path work = Files.createDirectories(Path.of(args[1]));
        Path corpus = work.resolve("pd98-hanlp.txt");
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                new GZIPInputStream(Files.newInputStream(Path.of(args[0]))), StandardCharsets.UTF_8));
             BufferedWriter out = Files.newBufferedWriter(corpus, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty()) {
                    continue;
                }
                int sp = line.indexOf(' ');
                if (sp > 0 && line.substring(0, sp).matches("\\d{8}-\\d{2}-\\d{3}-\\d{3}/m")) {
                    line = line.substring(sp).strip();
                }
                out.write(line);
                out.write('\n');
            }
        }
        long t0 = System.nanoTime();
        new CWSTrainer().train(corpus.toString(), args[2]);
        System.err.printf("hanlp-perceptron train_s=%.1f%n", (System.nanoTime() - t0) / 1e9);
    }
}
