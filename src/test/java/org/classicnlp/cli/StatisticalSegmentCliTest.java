package org.classicnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.classicnlp.TestData;
import org.classicnlp.segment.HybridModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatisticalSegmentCliTest {

    private static String[] runCli(Path dir, String... args) {
        return CliTest.run("", args);
    }

    @Test
    void trainThenSegmentWithTheModel(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("hybrid.bin");
        assertEquals(0, Main.run("train-segmenter", "--algo", "hybrid", "--format", "sighan",
                "--corpus", TestData.corpus("seg-train.sighan.txt").toString(), "--out", model.toString()));
        assertEquals(5, HybridModel.load(model).trainingWords().frequency("北京"));
        Path pdModel = dir.resolve("hmm.bin");
        assertEquals(0, Main.run("train-segmenter", "--algo", "hmm", "--format", "pd98",
                "--corpus", TestData.corpus("seg-train.pd98.txt").toString(), "--out", pdModel.toString()));

        Path input = dir.resolve("in.txt");
        Files.writeString(input, "张小明喜欢学习中文。\n\n我们今天去北京。\n", StandardCharsets.UTF_8);
        String[] r = runCli(dir, "segment", "--algo", "hybrid", "--model", model.toString(), "--no-core-dict",
                "--threads", "2", input.toString());
        assertEquals("0", r[0], r[2]);
        assertEquals("张小明 喜欢 学习 中文 。\n\n我们 今天 去 北京 。\n", r[1]);
    }

    @Test
    void searchModeWithShippedDefaults(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("in.txt");
        Files.writeString(input, "中华人民共和国\n", StandardCharsets.UTF_8);
        String[] r = runCli(dir, "segment", "--algo", "hybrid", "--mode", "search", input.toString());
        assertEquals("0", r[0], r[2]);
        assertEquals("中华 华人 人民 共和 共和国 中华人民共和国\n", r[1]);
    }

    @Test
    void badUsageAndBadModels(@TempDir Path dir) throws IOException {
        assertEquals(2, Main.run("segment", "--algo", "hybrid", "--mode", "fast"));
        assertEquals(2, Main.run("segment", "--algo", "bimm", "--mode", "search"));
        assertEquals(2, Main.run("train-segmenter", "--algo", "crf", "--corpus", "x", "--out", "y"));
        Path notAModel = dir.resolve("notes.txt");
        Files.writeString(notAModel, "hello", StandardCharsets.UTF_8);
        assertEquals(1, Main.run("segment", "--algo", "hmm", "--model", notAModel.toString(), notAModel.toString()));
        assertTrue(Files.exists(notAModel));
    }
}
