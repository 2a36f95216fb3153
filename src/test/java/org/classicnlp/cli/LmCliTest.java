package org.classicnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.classicnlp.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmCliTest {

    @TempDir
    Path tmp;

    static final String KENLM = "kenlm-fixtures/";

    @Test
    void trainPerplexityScoreSampleOnTheFixtures() throws IOException {
        Path train = TestData.require(KENLM + "pd98-days01-05.train.txt");
        Path test = TestData.require(KENLM + "pd98-day06.test.txt");
        List<String> ref = Files.readAllLines(TestData.require(KENLM + "pd98-day06.order3.sentence-log10.txt"));
        for (String name : List.of("lm.bin", "lm.arpa.gz")) {
            Path model = tmp.resolve(name);
            String[] r = CliTest.run("", "lm", "train", "--order", "3", "--input", train.toString(), "--output",
                    model.toString(), "--threads", "2");
            assertEquals("0", r[0], r[2]);
            assertTrue(r[2].contains("14948 1-grams, 71077 2-grams, 100132 3-grams"), r[2]);

            r = CliTest.run("", "lm", "perplexity", "--model", model.toString(), "--input", test.toString());
            assertEquals("0", r[0], r[2]);
            String[] f = r[1].strip().split("\t");
            assertEquals(1, r[1].lines().count(), r[1]);
            assertEquals(4, f.length, r[1]);
            assertEquals(962.9836890169369, Double.parseDouble(f[0]), 0.001);
            assertEquals(554.4759558255708, Double.parseDouble(f[1]), 0.001);
            assertEquals("5078", f[2]);
            assertEquals("49355", f[3]);

            r = CliTest.run("", "lm", "score", "--model", model.toString(), test.toString());
            assertEquals("0", r[0], r[2]);
            List<String> totals = r[1].lines().toList();
            assertEquals(ref.size(), totals.size());
            for (int i = 0; i < ref.size(); i++) {
                double want = Double.parseDouble(ref.get(i));
                assertEquals(want, Double.parseDouble(totals.get(i)), Math.abs(want) * 1e-5 + 1e-4, "line " + (i + 1));
            }
        }
        Path bin = tmp.resolve("lm.bin");
        String[] a = CliTest.run("", "lm", "sample", "--model", bin.toString(), "--prefix", "中国", "--n", "20", "--seed", "5");
        String[] b = CliTest.run("", "lm", "sample", "--model", bin.toString(), "--prefix", "中国", "--n", "20", "--seed", "5");
        assertEquals("0", a[0], a[2]);
        assertEquals(a[1], b[1]);
        assertTrue(a[1].startsWith("中国"), a[1]);
        assertTrue(a[1].strip().split(" ").length <= 21, a[1]);
    }

    @Test
    void scoreReadsStandardInputAndCharacterModels() throws IOException {
        Path corpus = tmp.resolve("c.txt");
        StringBuilder sb = new StringBuilder();
        String[] s = {"我们爱北京", "北京是首都", "我爱你们", "首都北京很大", "你们好", "天安门在北京", "我们是学生", "学生爱学习",
            "学习很重要", "北京大学", "大学生", "好学生", "学生们好", "你好北京"};
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < 2000; i++) {
            sb.append(s[r.nextInt(s.length)]).append(i % 7 == 0 ? " " + s[r.nextInt(s.length)] : "")
                    .append(i % 13 == 0 ? "字" + (char) ('一' + r.nextInt(2000)) : "").append('\n');
        }
        Files.writeString(corpus, sb);
        Path model = tmp.resolve("c.bin");
        String[] t = CliTest.run("", "lm", "train", "--order", "3", "--unit", "char", "--input", corpus.toString(),
                "--output", model.toString(), "-q", "--discount-fallback");
        assertEquals("0", t[0], t[2]);
        String[] out = CliTest.run("我们爱北京\n\n北 京\n", "lm", "score", "--model", model.toString());
        assertEquals("0", out[0], out[2]);
        List<String> lines = out[1].lines().toList();
        assertEquals(3, lines.size(), out[1]);
        for (String l : lines) {
            assertTrue(l.matches("-[0-9]+\\.[0-9]+"), l);
        }
        // spaces are dropped at character level: "北 京" scores as "北京"
        String[] same = CliTest.run("北京\n", "lm", "score", "--model", model.toString());
        assertEquals(lines.get(2), same[1].strip());
    }

    @Test
    void badUsageExitsTwoAndBadModelsOne() throws IOException {
        Path in = tmp.resolve("in.txt");
        Files.writeString(in, "a b c\n");
        String[] r = CliTest.run("", "lm", "train", "--order", "7", "--input", in.toString(), "--output", tmp.resolve("x.bin").toString());
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("--order"), r[2]);
        r = CliTest.run("", "lm", "train", "--order", "3", "--input", in.toString(), "--output", tmp.resolve("x.txt").toString());
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("--output"), r[2]);
        r = CliTest.run("", "lm", "train", "--order", "3", "--input", in.toString(), "--output", tmp.resolve("x.bin").toString(),
                "--unit", "byte");
        assertEquals("2", r[0], r[2]);
        r = CliTest.run("", "lm", "train", "--order", "3", "--input", in.toString(), "--output", tmp.resolve("x.bin").toString(),
                "--tokenizer", "nope");
        assertEquals("2", r[0], r[2]);
        r = CliTest.run("", "lm");
        assertEquals("2", r[0], r[2]);
        Path bad = tmp.resolve("bad.arpa");
        Files.writeString(bad, "\\data\\\nngram 1=3\n\n\\1-grams:\n-1\t<s>\n-1\t</s>\n");
        r = CliTest.run("", "lm", "perplexity", "--model", bad.toString(), "--input", in.toString());
        assertEquals("1", r[0], r[2]);
        assertEquals(1, r[2].lines().count(), r[2]);
        assertTrue(r[2].contains("bad.arpa") && r[2].contains("line 6"), r[2]);
        r = CliTest.run("", "lm", "score", "--model", tmp.resolve("missing.bin").toString());
        assertEquals("1", r[0], r[2]);
        assertTrue(r[2].contains("missing.bin"), r[2]);
        r = CliTest.run("", "lm", "train", "--order", "3", "--input", in.toString(), "--output", tmp.resolve("x.bin").toString());
        assertEquals("1", r[0], r[2]);
        assertTrue(r[2].contains("--discount-fallback"), r[2]);
        r = CliTest.run("", "lm", "train", "--order", "3", "--input", in.toString(), "--output", tmp.resolve("x.bin").toString(),
                "--discount-fallback", "0.5,1");
        assertEquals("2", r[0], r[2]);
    }

    @Test
    void pruneAndMethodsOnTheCommandLine() throws IOException {
        Path train = tmp.resolve("train.txt");
        StringBuilder sb = new StringBuilder();
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < 2000; i++) {
            int len = 1 + r.nextInt(8);
            for (int j = 0; j < len; j++) {
                sb.append(j > 0 ? " " : "").append("w").append((int) Math.floor(Math.exp(r.nextDouble() * Math.log(400))));
            }
            sb.append('\n');
        }
        Files.writeString(train, sb.toString());
        Path full = tmp.resolve("full.arpa");
        Path pruned = tmp.resolve("pruned.arpa");
        String[] a = CliTest.run("", "lm", "train", "--order", "3", "--input", train.toString(), "--output", full.toString());
        String[] b = CliTest.run("", "lm", "train", "--order", "3", "--prune", "0,0,1", "--input", train.toString(),
                "--output", pruned.toString());
        assertEquals("0", a[0], a[2]);
        assertEquals("0", b[0], b[2]);
        long fullTrigrams = Long.parseLong(Files.readAllLines(full).stream().filter(l -> l.startsWith("ngram 3=")).findFirst().orElseThrow().substring(8));
        long prunedTrigrams = Long.parseLong(Files.readAllLines(pruned).stream().filter(l -> l.startsWith("ngram 3=")).findFirst().orElseThrow().substring(8));
        assertTrue(prunedTrigrams > 0 && prunedTrigrams < fullTrigrams, prunedTrigrams + " of " + fullTrigrams);
        for (String[] m : new String[][] {{"--method", "kn"}, {"--method", "addk", "--k", "0.1"}}) {
            Path out = tmp.resolve(m[1] + ".bin");
            List<String> args = new java.util.ArrayList<>(List.of("lm", "train", "--order", "3", "--input", train.toString(),
                    "--output", out.toString()));
            args.addAll(List.of(m));
            String[] c = CliTest.run("", args.toArray(new String[0]));
            assertEquals("0", c[0], c[2]);
            c = CliTest.run("", "lm", "perplexity", "--model", out.toString(), "--input", train.toString());
            assertEquals("0", c[0], c[2]);
            assertEquals(4, c[1].strip().split("\t").length, c[1]);
        }
        for (String[] bad : new String[][] {{"--prune", "0,2,1"}, {"--prune", "1"}, {"--prune", "0,x"},
                {"--prune", "0,0,1,1"}, {"--method", "witten-bell"}, {"--k", "0.5"}, {"--method", "addk", "--k", "-1"}}) {
            List<String> args = new java.util.ArrayList<>(List.of("lm", "train", "--order", "3", "--input", train.toString(),
                    "--output", tmp.resolve("x.arpa").toString()));
            args.addAll(List.of(bad));
            String[] c = CliTest.run("", args.toArray(new String[0]));
            assertEquals("2", c[0], String.join(" ", bad) + ": " + c[2]);
            assertTrue(c[2].startsWith("error: ") && c[2].strip().lines().count() == 1, c[2]);
        }
    }
}
