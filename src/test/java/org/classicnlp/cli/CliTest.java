package org.classicnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.classicnlp.TestData;
import org.classicnlp.segment.Segmenters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path tmp;

    /** Runs the CLI with stdin, capturing stdout and stderr; returns {exit, out, err}. */
    static String[] run(String stdin, String... args) {
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            System.out.flush();
            return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void segmentKeepsLinesAndBlankLines() {
        String[] r = run("我用Java写了NLP程序，version 2.0。\n\n研究生命起源\n", "segment", "--algo", "bimm");
        assertEquals("0", r[0], r[2]);
        String[] lines = r[1].split("\n", -1);
        assertEquals("我 用 Java 写 了 NLP 程序 ， version 2.0 。", lines[0]);
        assertEquals("", lines[1]);
        assertEquals(4, lines.length, r[1]);
    }

    @Test
    void segmentWithoutAlgoIsTheLibrarysStandardSegmenterLineForLine() {
        String[] text = {"我用Java写了NLP程序，version 2.0。", "", "研究生命起源", "张小明喜欢学习中文，我们今天去北京。",
            "中华人民共和国成立于1949年。", "The U.S. economy grew 3.5% in 2023, didn't it?"};
        String[] r = run(String.join("\n", text) + "\n", "segment");
        assertEquals("0", r[0], r[2]);
        String[] lines = r[1].split("\n", -1);
        assertEquals(text.length + 1, lines.length, r[1]);
        for (int i = 0; i < text.length; i++) {
            assertEquals(String.join(" ", Segmenters.standard().words(text[i])), lines[i], "line " + (i + 1));
        }
        assertEquals(r[1], run(String.join("\n", text) + "\n", "segment", "--algo", "standard")[1]);
    }

    @Test
    void segmentWithWordListAndAlgorithm() {
        String dict = TestData.corpus("words-sample.txt").toString();
        assertEquals("研究生 命 起源\n", run("研究生命起源\n", "segment", "--algo", "fmm", "--dict", dict)[1]);
        assertEquals("研究 生命 起源\n", run("研究生命起源\n", "segment", "--algo", "bmm", "--dict", dict)[1]);
        String user = TestData.corpus("user-dict-sample.txt").toString();
        assertEquals("研究生 命 起源\n", run("研究生命起源\n", "segment", "--algo", "fmm", "--dict", user,
                "--dict-format", "user")[1]);
    }

    @Test
    void aPlainWordListMeansClassicRulesUnlessMixedIsAsked() {
        String dict = TestData.corpus("words-sample.txt").toString();
        assertEquals("1 9 9 8 年 J a v a\n", run("1998年Java\n", "segment", "--algo", "fmm", "--dict", dict)[1]);
        assertEquals("1998年 Java\n", run("1998年Java\n", "segment", "--algo", "fmm", "--dict", dict,
                "--rules", "mixed")[1]);
        String user = TestData.corpus("user-dict-sample.txt").toString();
        assertEquals("Java\n", run("Java\n", "segment", "--algo", "bimm", "--dict", user, "--dict-format", "user")[1]);
        assertEquals("J a v a\n", run("Java\n", "segment", "--algo", "bimm", "--rules", "classic")[1]);
        String[] r = run("", "segment", "--algo", "hybrid", "--rules", "classic");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--rules applies to --algo fmm|bmm|bimm only"), r[2]);
    }

    @Test
    void badUsageExitsTwoAndFailureExitsOne() {
        String[] r = run("", "segment", "--algo", "nope");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("nope"), r[2]);
        assertEquals("2", run("", "segment", "--no-such-flag")[0]);
        assertEquals("1", run("", "segment", tmp.resolve("missing.txt").toString())[0]);
    }

    @Test
    void scorePrintsMeasuresAndRejectsMisalignedFiles() throws IOException {
        Path gold = tmp.resolve("gold.txt");
        Path pred = tmp.resolve("pred.txt");
        Path words = tmp.resolve("words.txt");
        Files.writeString(gold, "研究  生命  起源  \r\n");
        Files.writeString(pred, "研究生 命 起源\n");
        Files.writeString(words, "研究\n生命\n");
        String[] r = run("", "score", "--gold", gold.toString(), "--pred", pred.toString(), "--words", words.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("F1\t0.3333"), r[1]);
        assertTrue(r[1].contains("OOV recall\t1.0000"), r[1]);
        Files.writeString(pred, "研究生 命 起源\n多\n");
        r = run("", "score", "--gold", gold.toString(), "--pred", pred.toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].contains(":2:"), r[2]);
    }

    @Test
    void versionAndHelpWork() {
        assertEquals("0", run("", "--version")[0]);
        String[] help = run("", "segment", "--help");
        assertEquals("0", help[0]);
        assertTrue(help[1].contains("Example"), help[1]);
    }

    @Test
    void segmentHandlesLineEndsBomAndLargeInputInOrder() throws IOException {
        assertEquals("中国 人民\n\n中国\n人民\n", run("\uFEFF中国人民\r\n\r\n中国\r人民", "segment")[1]);
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            big.append(i).append("我们在北京研究自然语言处理").append(i % 7 == 0 ? "\r\n" : "\n");
        }
        Path file = tmp.resolve("big.txt");
        Files.writeString(file, big);
        String one = run("", "segment", "--threads", "1", file.toString())[1];
        String two = run("", "segment", "--threads", "2", file.toString())[1];
        assertEquals(one, two);
        String[] lines = one.split("\n", -1);
        assertEquals(40_001, lines.length);
        for (int i : new int[] {0, 7, 12_345, 39_999}) {
            assertEquals(i + "我们在北京研究自然语言处理", lines[i].replace(" ", ""), "line " + i + " in place");
            assertTrue(lines[i].startsWith(i + " 我们 "), lines[i]);
        }
    }

    @Test
    void malformedUtf8NamesFileAndLine() throws IOException {
        Path file = tmp.resolve("bad.txt");
        byte[] ok = "中国\n人民\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(ok, ok.length + 2);
        bytes[ok.length] = (byte) 0xE4;
        bytes[ok.length + 1] = '\n';
        Files.write(file, bytes);
        String[] r = run("", "segment", file.toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("bad.txt:3") && r[2].contains("UTF-8"), r[2]);
    }
}
