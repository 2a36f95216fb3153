package org.classicnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.classicnlp.classify.LinearClassifier;
import org.classicnlp.core.ModelFileChecks;
import org.classicnlp.index.Bm25Index;
import org.classicnlp.index.VectorIndex;
import org.classicnlp.ngram.NGramModel;
import org.classicnlp.pos.Taggers;
import org.classicnlp.segment.HmmModel;
import org.classicnlp.segment.HybridModel;
import org.classicnlp.segment.PerceptronSegmenter;
import org.classicnlp.tfidf.TfidfModel;
import org.classicnlp.word2vec.PackedVectors;
import org.classicnlp.word2vec.WordVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, faults: every model kind the CLI writes (trained here by the CLI on slices of corpora/, as
 * bench/cli_models.sh does) cut at every 1/64 of its length is rejected by its loader before use
 * ({@link ModelFileChecks#assertRejectsTruncation}); and the command that uses the model, given the file cut in
 * half, prints one {@code error:} line naming the file and exits 1. The same check in a 256 MB JVM, timed:
 * bench/truncated_models.sh.
 */
class TruncatedModelsTest {

    @TempDir
    Path tmp;

    private String train(String... args) {
        String[] r = CliTest.run("", args);
        assertEquals("0", r[0], String.join(" ", args) + " failed: " + r[2]);
        return r[1];
    }

    @Test
    void everyModelKindTheCliWritesIsRejectedWhenTruncated() throws IOException {
        Path d = tmp;
        Path seg = d.resolve("seg.txt");
        Files.write(seg, Files.readAllLines(Path.of("corpora/seg-train.sighan.txt")).subList(0, 8));
        Path pos = d.resolve("pos.pd98");
        Files.write(pos, Files.readAllLines(Path.of("corpora/pos-train.pd98.txt")).subList(0, 4));
        Path w2v = d.resolve("w2v.txt");
        Files.write(w2v, Files.readAllLines(Path.of("corpora/w2v-toy.txt")).subList(0, 100));
        String s = seg.toString();
        train("train-segmenter", "--algo", "hmm", "--corpus", s, "--input-format", "sighan", "--output", d + "/hmm.bin", "-q");
        train("train-segmenter", "--algo", "hybrid", "--corpus", s, "--input-format", "sighan", "--output", d + "/hybrid.bin", "-q");
        train("train-segmenter", "--algo", "perceptron", "--corpus", s, "--input-format", "sighan", "--epochs", "1",
                "--output", d + "/perceptron.bin", "-q");
        train("train-tagger", "--algo", "hmm", "--corpus", pos.toString(), "--input-format", "pd98", "--output",
                d + "/pos-hmm.bin", "-q");
        train("train-tagger", "--algo", "perceptron", "--corpus", pos.toString(), "--input-format", "pd98", "--epochs", "1",
                "--output", d + "/pos-perceptron.bin", "-q");
        train("tfidf", "fit", "--input", "corpora/tfidf-sample.txt", "--output", d + "/model.tfidf");
        for (String out : new String[] {"lm.bin", "lm.arpa"}) {
            train("lm", "train", "--order", "3", "--input", "corpora/tfidf-sample.txt", "--output", d + "/" + out,
                    "--discount-fallback", "-q");
        }
        train("w2v", "train", "--input", w2v.toString(), "--output", d + "/vec.bin", "--dim", "4", "--min-count", "1",
                "--epochs", "1", "--packed", d + "/vec.packed", "-q");
        train("w2v", "train", "--input", w2v.toString(), "--output", d + "/vec.txt", "--dim", "4", "--min-count", "1",
                "--epochs", "1", "-q");
        train("index", "build", "--embedder", d + "/model.tfidf", "--input", "corpora/docs-sample.jsonl", "--output",
                d + "/idx", "--hnsw", "--with-bm25");
        train("classify", "train", "--algo", "nb", "--input-format", "jsonl", "--input", "corpora/classify-train.jsonl",
                "--output", d + "/classifier.bin");

        // file -> its loader, and the CLI command that uses it (the file's place marked by %s)
        Map<String, Function<Path, ?>> loaders = new LinkedHashMap<>();
        Map<String, String[]> commands = new LinkedHashMap<>();
        loaders.put("hmm.bin", HmmModel::load);
        commands.put("hmm.bin", new String[] {"segment", "--algo", "hmm", "--model", "%s"});
        loaders.put("hybrid.bin", HybridModel::load);
        commands.put("hybrid.bin", new String[] {"segment", "--algo", "hybrid", "--model", "%s"});
        loaders.put("perceptron.bin", PerceptronSegmenter::load);
        commands.put("perceptron.bin", new String[] {"segment", "--algo", "perceptron", "--model", "%s"});
        loaders.put("pos-hmm.bin", Taggers::load);
        commands.put("pos-hmm.bin", new String[] {"tag", "--model", "%s"});
        loaders.put("pos-perceptron.bin", Taggers::load);
        commands.put("pos-perceptron.bin", new String[] {"tag", "--model", "%s"});
        loaders.put("model.tfidf", TfidfModel::load);
        commands.put("model.tfidf", new String[] {"keywords", "--model", "%s", "--input", "-"});
        loaders.put("lm.bin", NGramModel::load);
        commands.put("lm.bin", new String[] {"lm", "score", "--model", "%s"});
        loaders.put("lm.arpa", NGramModel::readArpa);
        commands.put("lm.arpa", new String[] {"lm", "score", "--model", "%s"});
        loaders.put("vec.bin", WordVectors::load);
        commands.put("vec.bin", new String[] {"w2v", "similar", "--vectors", "%s", "the"});
        loaders.put("vec.txt", WordVectors::load);
        commands.put("vec.txt", new String[] {"w2v", "similar", "--vectors", "%s", "the"});
        loaders.put("vec.packed", PackedVectors::load);
        commands.put("vec.packed", new String[] {"index", "build", "--embedder", "%s", "--input",
            "corpora/docs-sample.jsonl", "--output", d + "/idx-from-packed"});
        loaders.put("idx/vectors.vindex", VectorIndex::load);
        commands.put("idx/vectors.vindex", new String[] {"index", "search", "--index", "%d", "北京"});
        loaders.put("idx/bm25.bin", Bm25Index::load);
        commands.put("idx/bm25.bin", new String[] {"index", "search", "--index", "%d", "--hybrid", "0.5", "北京"});
        loaders.put("classifier.bin", LinearClassifier::load);
        commands.put("classifier.bin", new String[] {"classify", "predict", "--model", "%s"});

        Path cuts = Files.createDirectories(d.resolve("cuts"));
        for (var e : loaders.entrySet()) {
            Path good = d.resolve(e.getKey());
            assertTrue(Files.size(good) >= 64, good + ": " + Files.size(good) + " bytes");
            e.getValue().apply(good);   // the whole file loads
            ModelFileChecks.assertRejectsTruncation(cuts, good, e.getValue());

            // the CLI on the file cut in half: one error line naming it, exit 1
            byte[] bytes = Files.readAllBytes(good);
            Path backup = d.resolve("whole.tmp");
            Files.copy(good, backup, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.write(good, Arrays.copyOf(bytes, bytes.length / 2));
            String[] args = commands.get(e.getKey()).clone();
            for (int i = 0; i < args.length; i++) {
                args[i] = args[i].replace("%s", good.toString()).replace("%d", good.getParent().toString());
            }
            String[] r = CliTest.run("北京 the cat\n", args);
            assertEquals("1", r[0], String.join(" ", args) + ": " + r[2]);
            String err = r[2].strip();
            assertTrue(err.startsWith("error: ") && !err.contains("\n"), "one error line expected: " + err);
            assertTrue(err.contains(good.getFileName().toString()), err);
            Files.move(backup, good, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
