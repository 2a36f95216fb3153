package org.classicnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.classicnlp.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every bad input: exit 2 (usage) or 1 (failure), one stderr line naming the option or file, no Java internals. */
class BadInputCliTest {

    @TempDir
    Path tmp;

    static final String SAMPLE = TfidfCliTest.SAMPLE;

    /** Runs the CLI and checks the one-line error; returns the line. */
    static String fails(int code, String... args) {
        String[] r = CliTest.run("", args);
        String what = String.join(" ", args) + " -> " + r[2];
        assertEquals(Integer.toString(code), r[0], what);
        assertEquals("", r[1], "nothing on stdout: " + what);
        assertTrue(r[2].endsWith("\n"), what);
        String line = r[2].substring(0, r[2].length() - 1);
        assertFalse(line.contains("\n") || line.contains("\r"), "exactly one line: " + what);
        assertTrue(line.startsWith("error: "), what);
        for (String bad : List.of("java.", "Exception", "null", "\u001b")) {
            assertFalse(line.contains(bad), "'" + bad + "' in " + what);
        }
        return line;
    }

    static void contains(String line, String... parts) {
        for (String p : parts) {
            assertTrue(line.contains(p), "'" + p + "' missing in: " + line);
        }
    }

    @Test
    void badNumbersExitTwoNamingTheOptionAndItsRange() throws IOException {
        Path in = Files.writeString(tmp.resolve("in.txt"), "中国人民\n");
        contains(fails(2, "segment", "--threads", "0", in.toString()), "--threads", ">= 1", "got 0");
        contains(fails(2, "w2v", "train", "--input", in.toString(), "--output", tmp.resolve("v.bin").toString(),
                "--dim", "0"), "--dim", ">= 1", "got 0");
        contains(fails(2, "w2v", "train", "--input", in.toString(), "--output", tmp.resolve("v.bin").toString(),
                "--threads", "0"), "--threads", ">= 1");
        contains(fails(2, "tfidf", "fit", "--input", SAMPLE, "--out", tmp.resolve("m").toString(),
                "--max-features", "0"), "--max-features", ">= 1", "got 0");
        contains(fails(2, "tfidf", "transform", "--fit", "--input", SAMPLE, "--threads", "0"), "--threads", ">= 1");
        contains(fails(2, "tfidf", "transform", "--fit", "--input", SAMPLE, "--min-df", "1.5"), "--min-df", "[0, 1]");
        contains(fails(2, "keywords", "--input", SAMPLE, "--top", "-1"), "--top", ">= 1", "got -1");
        contains(fails(2, "w2v", "similar", "--vectors", "v.bin", "cat", "--top", "-1"), "--top", ">= 1");
        contains(fails(2, "w2v", "analogy", "--vectors", "v.bin", "a", "b", "c", "--top", "0"), "--top", ">= 1");
        contains(fails(2, "w2v", "eval", "--vectors", "v.bin", "--analogy", "q.txt", "--restrict", "-1"),
                "--restrict", ">= 0", "got -1");
        contains(fails(2, "train-segmenter", "--algo", "hmm", "--corpus", in.toString(), "--out",
                tmp.resolve("m.bin").toString(), "--smoothing", "0"), "--smoothing", "> 0");
        assertFalse(Files.exists(tmp.resolve("m.bin")));
    }

    @Test
    void unknownNamesExitTwoListingEveryChoice() {
        contains(fails(2, "segment", "--algo", "foo"), "--algo", "fmm, bmm, bimm, hmm, hybrid, perceptron, standard", "'foo'");
        contains(fails(2, "keywords", "--input", SAMPLE, "--format", "xml"), "--format", "tsv, jsonl");
        contains(fails(2, "tfidf", "fit", "--input", SAMPLE, "--out", "m", "--input-format", "csv"), "--input-format",
                "auto, lines, jsonl, dir");
        contains(fails(2, "w2v", "train", "--input", SAMPLE, "--output", "v.bin", "--model", "glove"), "--model", "cbow");
        contains(fails(2, "segment", "--no-such-flag"), "--no-such-flag");
        contains(fails(2, "w2v", "train", "--input", "x"), "--output");
    }

    @Test
    void evalWithoutAnyUsablePairOrQuestionFailsNamingTheFile() throws IOException {
        Path vectors = Files.writeString(tmp.resolve("v.txt"), "2 3\ncat 1 0 0\ndog 0 1 0\n");
        Path pairs = Files.writeString(tmp.resolve("pairs.txt"), "car bus 8\nfur zzz 2\n");
        contains(fails(1, "w2v", "eval", "--vectors", vectors.toString(), "--similarity", pairs.toString()),
                "pairs.txt", "no usable word pairs");
        Path noPairs = Files.writeString(tmp.resolve("none.txt"), "");
        contains(fails(1, "w2v", "eval", "--vectors", vectors.toString(), "--similarity", noPairs.toString()),
                "none.txt", "no usable word pairs");
        Path q = Files.writeString(tmp.resolve("q.txt"), ": toy\ncar bus cat zzz\n");
        contains(fails(1, "w2v", "eval", "--vectors", vectors.toString(), "--analogy", q.toString()),
                "q.txt", "no usable questions");
    }

    @Test
    void scoreWithAnEmptyFileFailsInsteadOfPrintingNaN() throws IOException {
        Path gold = Files.writeString(tmp.resolve("gold.txt"), "研究 生命\n");
        Path empty = Files.writeString(tmp.resolve("empty.txt"), "\n");
        contains(fails(1, "score", "--gold", gold.toString(), "--pred", gold.toString(), "--words", empty.toString()),
                "--words", "empty.txt", "no words");
        contains(fails(1, "score", "--gold", empty.toString(), "--pred", empty.toString()), "--gold", "empty.txt",
                "no words");
        Path blank = Files.writeString(tmp.resolve("blank.txt"), "  \n");
        contains(fails(1, "score", "--gold", blank.toString(), "--pred", blank.toString()), "--gold", "blank.txt",
                "no words");
        // with words but no OOV word: OOV recall is undefined, printed n/a, never NaN
        Path words = Files.writeString(tmp.resolve("words.txt"), "研究\n生命\n");
        String[] r = CliTest.run("", "score", "--gold", gold.toString(), "--pred", gold.toString(), "--words",
                words.toString());
        assertEquals("0", r[0], r[2]);
        assertFalse(r[1].contains("NaN"), r[1]);
        assertTrue(r[1].contains("OOV recall\tn/a"), r[1]);
    }

    @Test
    void anEmptyDictionaryFailsNamingIt() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty-dict.txt"), "");
        contains(fails(1, "segment", "--algo", "fmm", "--dict", empty.toString()), "--dict", "empty-dict.txt", "no words");
        contains(fails(1, "segment", "--algo", "hybrid", "--dict", empty.toString(), "--dict-format", "user"),
                "empty-dict.txt", "no words");
        contains(fails(1, "segment", "--dict", empty.toString()), "empty-dict.txt", "no words");
    }

    @Test
    void trainSegmenterSaysWhyACorpusOfPunctuatedWordsCannotTrain() throws IOException {
        Path unsegmented = Files.writeString(tmp.resolve("raw.txt"), "我们，今天。\n北京！\n");
        Path model = tmp.resolve("m.bin");
        contains(fails(1, "train-segmenter", "--algo", "hmm", "--corpus", unsegmented.toString(), "--output",
                model.toString()), "--corpus", "raw.txt", "no word made only of Han characters", "punctuation");
        // the same text, segmented, trains: punctuation as words of their own is fine
        Path segmented = Files.writeString(tmp.resolve("seg.txt"), "我们 ， 今天 。\n北京 ！\n");
        String[] r = CliTest.run("", "train-segmenter", "--algo", "hmm", "--corpus", segmented.toString(), "--output",
                model.toString(), "--input-format", "sighan", "-q");
        assertEquals("0", r[0], r[2]);
        assertTrue(Files.size(model) > 0);
    }

    @Test
    void anUnwritableOutputFailsBeforeAnyWork() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("somedir"));
        String corpus = TestData.corpus("w2v-toy.txt").toString();
        contains(fails(1, "w2v", "train", "--input", corpus, "--output", dir.toString(), "--min-count", "1"),
                "--output", "somedir", "is a directory");
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        contains(fails(1, "w2v", "train", "--input", corpus, "--output", file.resolve("v.bin").toString()),
                "--output", "afile", "not a directory");
        contains(fails(1, "tfidf", "fit", "--input", SAMPLE, "-o", dir.toString()), "--output", "somedir");
        contains(fails(1, "tfidf", "transform", "--fit", "--input", SAMPLE, "--save-model", dir.toString()),
                "--save-model", "somedir");
        contains(fails(1, "train-segmenter", "--algo", "hmm", "--corpus", TestData.corpus("seg-train.sighan.txt")
                .toString(), "--out", dir.toString()), "--output", "somedir", "is a directory");
        // missing parent directories are created
        Path nested = tmp.resolve("a/b/v.txt");
        String[] r = CliTest.run("", "w2v", "train", "--input", corpus, "--output", nested.toString(), "--min-count",
                "2", "--dim", "4", "--epochs", "1", "--tokenizer", "whitespace", "-q");
        assertEquals("0", r[0], r[2]);
        assertTrue(Files.size(nested) > 0);
    }

    @Test
    void permissionDeniedFailsBeforeAnyWork() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root may write anywhere");
        Path locked = Files.createDirectory(tmp.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            contains(fails(1, "w2v", "train", "--input", TestData.corpus("w2v-toy.txt").toString(), "--output",
                    locked.resolve("v.bin").toString()), "--output", "permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void ioFailuresNameTheFileWithoutJavaClassNames() {
        String missing = tmp.resolve("nope.txt").toString();
        contains(fails(1, "segment", missing), "nope.txt", "no such file");
        contains(fails(1, "segment", "--algo", "hmm", "--model", missing), "nope.txt");
        contains(fails(1, "w2v", "similar", "--vectors", missing, "cat"), "nope.txt", "no such file");
        contains(fails(1, "w2v", "train", "--input", missing, "--output", tmp.resolve("v.bin").toString()),
                "--input", "nope.txt");
        contains(fails(1, "keywords", "--input", missing), "nope.txt");
        contains(fails(1, "tfidf", "transform", "--model", missing, "--input", SAMPLE), "nope.txt");
        contains(fails(1, "score", "--gold", missing, "--pred", missing), "nope.txt");
        assertFalse(Files.exists(tmp.resolve("v.bin")));
    }

    @Test
    void redirectedStderrGetsNoProgressBarAndNoEscapes() {
        // stderr here is a byte buffer, not a terminal
        assertFalse(Progress.stderrIsTerminal());
        String[] r = CliTest.run("", "keywords", "--input", SAMPLE, "--tokenizer", "whitespace", "--top", "1");
        assertEquals("0", r[0], r[2]);
        assertFalse(r[2].contains("\u001b") || r[2].contains("\r"), r[2]);
        String[] w = CliTest.run("", "w2v", "train", "--input", TestData.corpus("w2v-toy.txt").toString(), "--output",
                tmp.resolve("v.txt").toString(), "--min-count", "2", "--dim", "4", "--epochs", "1", "--tokenizer",
                "whitespace");
        assertEquals("0", w[0], w[2]);
        assertFalse(w[2].contains("\u001b") || w[2].contains("\r"), w[2]);
        String[] t = CliTest.run("", "train-segmenter", "--algo", "hmm", "--corpus",
                TestData.corpus("seg-train.sighan.txt").toString(), "--output", tmp.resolve("m.bin").toString());
        assertEquals("0", t[0], t[2]);
        assertFalse(t[2].contains("\u001b") || t[2].contains("\r"), t[2]);
    }

    @Test
    void oldSpellingsStayAsAliases() {
        String corpus = TestData.corpus("seg-train.pd98.txt").toString();
        for (String fmt : List.of("--format", "--input-format")) {
            for (String out : List.of("--out", "--output", "-o")) {
                Path model = tmp.resolve("m" + fmt + out + ".bin");
                String[] r = CliTest.run("", "train-segmenter", "--algo", "hmm", fmt, "pd98", "--corpus", corpus, out,
                        model.toString(), "-q");
                assertEquals("0", r[0], r[2]);
                assertTrue(Files.exists(model));
            }
        }
        for (String quiet : List.of("--no-progress", "--quiet", "-q")) {
            String[] r = CliTest.run("", "w2v", "train", "--input", TestData.corpus("w2v-toy.txt").toString(),
                    "--format", "lines", "--out", tmp.resolve("v.txt").toString(), "--min-count", "2", "--dim", "4",
                    "--epochs", "1", "--tokenizer", "whitespace", quiet);
            assertEquals("0", r[0], r[2]);
            assertFalse(r[2].contains("wrote"), r[2]);
        }
        String[] fit = CliTest.run("", "tfidf", "fit", "--input", SAMPLE, "--output", tmp.resolve("t.tfidf").toString(), "-q");
        assertEquals("0", fit[0], fit[2]);
    }

    @Test
    void topLevelHelpShowsEveryCommandsWholeSummary() {
        String[] r = CliTest.run("", "--help");
        assertEquals("0", r[0], r[2]);
        String help = r[1].replaceAll("\\s+", " ");
        List<Object> commands = List.of(new SegmentCommand(), new ScoreCommand(), new TrainSegmenterCommand(),
                new TfidfCommand(), new KeywordsCommand(), new W2vCommand());
        for (Object c : commands) {
            String summary = new CommandLine(c).getCommandSpec().usageMessage().description()[0];
            assertTrue(summary.endsWith("."), "a whole sentence: " + summary);
            assertTrue(help.contains(summary), "'" + summary + "' in " + r[1]);
        }
        String w2v = CliTest.run("", "w2v", "--help")[1].replaceAll("\\s+", " ");
        for (Object c : List.of(new W2vTrainCommand(), new W2vSimilarCommand(), new W2vAnalogyCommand(),
                new W2vEvalCommand())) {
            String summary = new CommandLine(c).getCommandSpec().usageMessage().description()[0];
            assertTrue(summary.endsWith("."), "a whole sentence: " + summary);
            assertTrue(w2v.contains(summary), "'" + summary + "' in " + w2v);
        }
    }
}
