package org.classicnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.classicnlp.TestData;
import org.classicnlp.core.ShortestDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfidfCliTest {

    @TempDir
    Path tmp;

    static final String SAMPLE = TestData.corpus("tfidf-sample.txt").toString();

    @Test
    void fitThenTransformEqualsTransformFitAndIsByteIdenticalAfterReload() throws Exception {
        Path model = tmp.resolve("m.tfidf");
        String[] fit = CliTest.run("", "tfidf", "fit", "--input", SAMPLE, "--out", model.toString(),
                "--tokenizer", "whitespace", "--sublinear-tf", "-q");
        assertEquals("0", fit[0], fit[2]);
        String[] a = CliTest.run("", "tfidf", "transform", "--model", model.toString(), "--input", SAMPLE, "-q");
        String[] b = CliTest.run("", "tfidf", "transform", "--fit", "--input", SAMPLE, "--tokenizer", "whitespace",
                "--sublinear-tf", "-q", "-t", "3");
        String[] c = CliTest.run("", "tfidf", "transform", "--model", model.toString(), "--input", SAMPLE, "-q", "-t", "1");
        assertEquals("0", a[0], a[2]);
        assertEquals(a[1], b[1]);
        assertEquals(a[1], c[1]);
        String[] first = a[1].split("\n")[0].split("\t");
        assertEquals("0", first[0]);
        assertEquals(3, first.length);
        double w = Double.parseDouble(first[2]);
        assertEquals(ShortestDouble.toString(w), first[2], "weights are shortest exact decimals");
        assertTrue(a[1].contains("\n4\t"), "line 4 (Chinese) present");
        assertTrue(!a[1].contains("\n3\t"), "the empty line 3 has no rows");
        assertTrue(a[1].contains("7\t😀\t"), "supplementary characters written as UTF-8");
    }

    @Test
    void jsonlInputAndOutputAndStdin() throws Exception {
        Path jsonl = tmp.resolve("docs.jsonl");
        Files.writeString(jsonl, "{\"id\":\"a\",\"text\":\"x y\"}\n{\"id\":\"b\\tc\",\"text\":\"y z \\\"q\\\"\"}\n");
        String[] r = CliTest.run("", "tfidf", "transform", "--fit", "--input", jsonl.toString(), "--tokenizer",
                "whitespace", "--format", "jsonl", "--norm", "none", "-q");
        assertEquals("0", r[0], r[2]);
        String[] lines = r[1].split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("{\"id\":\"a\",\"tfidf\":{\"x\":"), lines[0]);
        assertTrue(lines[1].startsWith("{\"id\":\"b\\tc\",\"tfidf\":{\"\\\"q\\\"\":"), lines[1]);
        // a tab in an id cannot be written as TSV
        String[] tsv = CliTest.run("", "tfidf", "transform", "--fit", "--input", jsonl.toString(), "--tokenizer", "whitespace", "-q");
        assertEquals("1", tsv[0]);
        assertTrue(tsv[2].contains("use --format jsonl"), tsv[2]);
        // stdin, one document per line
        String[] s = CliTest.run("a b\nb c\n", "keywords", "--input", "-", "--tokenizer", "whitespace", "--top", "1", "-q");
        assertEquals("0", s[0], s[2]);
        assertEquals("0\t1\ta\t0.8148024746671689\n1\t1\tc\t0.8148024746671689\n", s[1]);
    }

    @Test
    void directoryInputUsesRelativePathsAsIds() {
        String dir = TestData.corpus("docs-dir").toString();
        String[] r = CliTest.run("", "tfidf", "transform", "--fit", "--input", dir, "--tokenizer", "whitespace", "-q");
        assertEquals("0", r[0], r[2]);
        for (String row : r[1].split("\n")) {
            String id = row.split("\t")[0];
            assertTrue(id.equals("a.txt") || id.equals("sub/b.txt"), row);
        }
        assertTrue(r[1].contains("sub/b.txt\t"), r[1]);
        assertEquals(8, DocumentSource.countLines(Path.of(SAMPLE)), "tfidf-sample.txt has 8 lines");
    }

    @Test
    void keywordsAloneEqualKeywordsInTheBatch() throws Exception {
        Path model = tmp.resolve("m.tfidf");
        assertEquals("0", CliTest.run("", "tfidf", "fit", "--input", SAMPLE, "--out", model.toString(),
                "--tokenizer", "whitespace", "-q")[0]);
        String[] batch = CliTest.run("", "keywords", "--model", model.toString(), "--input", SAMPLE, "--top", "4", "-q");
        assertEquals("0", batch[0], batch[2]);
        List<String> lines = Files.readAllLines(Path.of(SAMPLE));
        StringBuilder alone = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            Path one = tmp.resolve("one.txt");
            Files.writeString(one, lines.get(i) + "\n");
            String[] r = CliTest.run("", "keywords", "--model", model.toString(), "--input", one.toString(), "--top", "4", "-q");
            for (String row : r[1].split("\n")) {
                if (!row.isEmpty()) {
                    alone.append(i).append(row.substring(row.indexOf('\t'))).append('\n');
                }
            }
        }
        assertEquals(batch[1], alone.toString());
        assertTrue(batch[1].split("\n").length > 10);
    }

    @Test
    void badUsageExitsWithTwo() {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"tfidf", "transform", "--input", SAMPLE});
        cases.add(new String[] {"tfidf", "transform", "--fit", "--input", SAMPLE, "--min-df", "abc"});
        cases.add(new String[] {"tfidf", "transform", "--fit", "--input", SAMPLE, "--ngram", "3,1"});
        cases.add(new String[] {"tfidf", "transform", "--fit", "--input", SAMPLE, "--format", "xml"});
        cases.add(new String[] {"keywords", "--input", SAMPLE, "--top", "0", "--tokenizer", "whitespace"});
        for (String[] args : cases) {
            String[] r = CliTest.run("", args);
            assertEquals("2", r[0], String.join(" ", args) + ": " + r[2]);
        }
        String[] missing = CliTest.run("", "tfidf", "fit", "--input", "no/such/file", "--out", "x");
        assertEquals("1", missing[0]);
        assertTrue(missing[2].contains("no/such/file"), missing[2]);
        String[] help = CliTest.run("", "tfidf", "transform", "--help");
        assertTrue(help[1].contains("Example"), help[1]);
    }

    @Test
    void textbookAndStopWordsOptions() {
        String[] r = CliTest.run("", "keywords", "--input", SAMPLE, "--tokenizer", "whitespace", "--textbook",
                "--stop-words", "en", "--top", "2", "-q");
        assertEquals("0", r[0], r[2]);
        assertTrue(!r[1].contains("\tthe\t"), r[1]);
        String[] m = CliTest.run("", "tfidf", "transform", "--model", "x.tfidf", "--input", SAMPLE, "--norm", "l1");
        assertEquals("2", m[0]);
        assertTrue(m[2].contains("--norm only applies when fitting"), m[2]);
    }
}
