package org.classicnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.classicnlp.TestData;
import org.classicnlp.word2vec.AllButTheTop;
import org.classicnlp.word2vec.PackedVectors;
import org.classicnlp.word2vec.WordVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class W2vCliTest {

    @TempDir
    Path tmp;

    @Test
    void trainThenQueryAndEvaluate() throws IOException {
        Path bin = tmp.resolve("toy.bin");
        String[] r = CliTest.run("", "w2v", "train", "--input", TestData.corpus("w2v-toy.txt").toString(),
                "--output", bin.toString(), "--model", "sg", "--dim", "20", "--epochs", "10", "--min-count", "2",
                "--threads", "1", "--seed", "3", "--tokenizer", "whitespace");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[2].contains("wrote 56 vectors of dimension 20"), r[2]);
        WordVectors v = WordVectors.load(bin);
        assertEquals(20, v.dimension());

        String[] similar = CliTest.run("", "w2v", "similar", "--vectors", bin.toString(), "cat", "--top", "3");
        assertEquals("0", similar[0], similar[2]);
        List<String> lines = similar[1].lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).matches("\\S+\t-?[0-9.]+"), lines.get(0));

        String[] analogy = CliTest.run("", "w2v", "analogy", "--vectors", bin.toString(), "cat", "fur", "car",
                "--top", "2", "--method", "mul");
        assertEquals("0", analogy[0], analogy[2]);
        assertEquals(2, analogy[1].lines().count());

        Path q = tmp.resolve("q.txt");
        Files.writeString(q, ": toy\ncat dog car bus\n: gram1-toy\ncat fur car wheel\ncat zzz car bus\n");
        Path pairs = tmp.resolve("pairs.tab");
        Files.writeString(pairs, "w1\tw2\tscore\ncat\tdog\t9\ncat\tcar\t1\ncar\tbus\t8\nfur\tzzz\t2\n");
        String[] eval = CliTest.run("", "w2v", "eval", "--vectors", bin.toString(), "--analogy", q.toString(),
                "--similarity", pairs.toString());
        assertEquals("0", eval[0], eval[2]);
        List<String> out = eval[1].lines().toList();
        assertEquals(4, out.size(), eval[1]);
        assertTrue(out.get(0).matches("analogy\t[0-9.]+\t[0-2]/2"), out.get(0));
        assertTrue(out.get(1).matches("analogy.semantic\t[0-9.]+\t[01]/1"), out.get(1));
        assertTrue(out.get(2).matches("analogy.syntactic\t[0-9.]+\t[01]/1"), out.get(2));
        assertTrue(out.get(3).matches("similarity\t-?[0-9.]+\t3/4"), out.get(3));
        assertTrue(eval[2].contains("1 questions skipped"), eval[2]);
    }

    @Test
    void trainsOnWikiExtractorOutputAndWritesText() {
        Path txt = tmp.resolve("wiki.txt");
        String[] r = CliTest.run("", "w2v", "train", "--input", TestData.corpus("wiki-sample.txt").toString(),
                "--output", txt.toString(), "--min-count", "1", "--dim", "8", "--epochs", "1", "--lowercase",
                "--tokenizer", "english", "--no-progress");
        assertEquals("0", r[0], r[2]);
        WordVectors v = WordVectors.load(txt);
        assertTrue(v.contains("albedo") && v.contains("hierarchy"), v.words().toString());
        assertTrue(!v.contains("autism"), "title lines are skipped");
    }

    @Test
    void postprocessAndTrainWithAllButTheTop() {
        Path bin = tmp.resolve("toy.bin");
        Path packed = tmp.resolve("toy-packed.bin");
        String[] r = CliTest.run("", "w2v", "train", "--input", TestData.corpus("w2v-toy.txt").toString(),
                "--output", bin.toString(), "--packed", packed.toString(), "--packed-words", "0", "--model", "sg",
                "--dim", "20", "--epochs", "5", "--min-count", "2", "--threads", "1", "--seed", "3",
                "--tokenizer", "whitespace", "-q");
        assertEquals("0", r[0], r[2]);
        WordVectors raw = WordVectors.load(bin);

        Path post = tmp.resolve("toy-abtt.txt");
        String[] p = CliTest.run("", "w2v", "postprocess", "--vectors", bin.toString(), "--output", post.toString());
        assertEquals("0", p[0], p[2]);
        assertTrue(p[2].contains("mean and 1 components removed"), p[2]);
        WordVectors v = WordVectors.load(post);
        assertEquals(raw.words(), v.words());
        assertEquals(AllButTheTop.apply(raw, 1).similarity("cat", "dog"), v.similarity("cat", "dog"), 1e-4);

        // a packed file stays packed, with its counts and analysis
        Path postPacked = tmp.resolve("toy-packed-abtt.bin");
        String[] pp = CliTest.run("", "w2v", "postprocess", "--vectors", packed.toString(), "--output",
                postPacked.toString(), "--components", "2", "-q");
        assertEquals("0", pp[0], pp[2]);
        PackedVectors in = PackedVectors.load(packed);
        PackedVectors out = PackedVectors.load(postPacked);
        assertEquals(in.bits(), out.bits());
        assertEquals(in.spec(), out.spec());
        assertEquals(in.vectors().count("cat"), out.vectors().count("cat"));
        assertEquals(AllButTheTop.apply(in.vectors(), 2).similarity("cat", "dog"),
                out.vectors().similarity("cat", "dog"), 0.02);

        // the train option: the same post-processing before writing
        Path trained = tmp.resolve("toy-train-abtt.bin");
        String[] t = CliTest.run("", "w2v", "train", "--input", TestData.corpus("w2v-toy.txt").toString(),
                "--output", trained.toString(), "--model", "sg", "--dim", "20", "--epochs", "5", "--min-count", "2",
                "--threads", "1", "--seed", "3", "--tokenizer", "whitespace", "--all-but-the-top", "1", "-q");
        assertEquals("0", t[0], t[2]);
        assertEquals(v.similarity("cat", "car"), WordVectors.load(trained).similarity("cat", "car"), 1e-4);

        String[] bad = CliTest.run("", "w2v", "postprocess", "--vectors", bin.toString(), "--output", post.toString(),
                "--components", "20");
        assertEquals("2", bad[0], bad[2]);
        assertTrue(bad[2].contains("--components must be below the dimension 20"), bad[2]);
        assertEquals("2", CliTest.run("", "w2v", "train", "--input", "x", "--output", "y.bin", "--dim", "10",
                "--all-but-the-top", "10")[0]);
        String[] missing = CliTest.run("", "w2v", "postprocess", "--vectors", tmp.resolve("none.bin").toString(),
                "--output", post.toString());
        assertTrue(!missing[0].equals("0") && missing[2].contains("none.bin"), missing[2]);
    }

    @Test
    void badUsageAndFailuresGiveExitCodes() {
        assertEquals("2", CliTest.run("", "w2v", "train", "--input", "x")[0]);
        assertEquals("2", CliTest.run("", "w2v", "eval", "--vectors", "x.bin")[0]);
        String[] missing = CliTest.run("", "w2v", "similar", "--vectors", tmp.resolve("none.bin").toString(), "cat");
        assertEquals("1", missing[0]);
        assertTrue(missing[2].startsWith("error:") && missing[2].contains("none.bin"), missing[2]);
        assertTrue(CliTest.run("", "w2v", "train", "--help")[1].contains("Example"));
    }
}
