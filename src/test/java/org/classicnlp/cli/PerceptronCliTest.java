package org.classicnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.classicnlp.TestData;
import org.classicnlp.segment.PerceptronSegmenter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train-segmenter --algo perceptron and segment --algo perceptron, with and without a model file. */
class PerceptronCliTest {

    @Test
    void trainWithDevThenSegmentWithTheModel(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("p.bin");
        String corpus = TestData.corpus("seg-train.pd98.txt").toString();
        String[] t = CliTest.run("", "train-segmenter", "--algo", "perceptron", "--input-format", "pd98",
                "--corpus", corpus, "--dev", corpus, "--epochs", "5", "--output", model.toString());
        assertEquals("0", t[0], t[2]);
        assertTrue(t[2].contains("epoch 1: dev F1 "), t[2]);
        assertTrue(PerceptronSegmenter.load(model).dictionarySize() > 0);
        Path input = dir.resolve("in.txt");
        Files.writeString(input, "张大明是我们的老师。\n\n他们今天去北京。\n", StandardCharsets.UTF_8);
        String[] r = CliTest.run("", "segment", "--algo", "perceptron", "--model", model.toString(), input.toString());
        assertEquals("0", r[0], r[2]);
        assertEquals("张 大明 是 我们 的 老师 。\n\n他们 今天 去 北京 。\n", r[1]);
    }

    @Test
    void shippedModelNeedsNoFiles(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("in.txt");
        Files.writeString(input, "我爱北京天安门。\n", StandardCharsets.UTF_8);
        String[] r = CliTest.run("", "segment", "--algo", "perceptron", input.toString());
        assertEquals("0", r[0], r[2]);
        assertEquals("我 爱 北京 天安门 。\n", r[1]);
        String[] d = CliTest.run("", "segment", input.toString());
        assertEquals(r[1], d[1], "the default segmenter is the perceptron");
    }

    @Test
    void perceptronOnlyOptionsAreRejectedForOtherAlgorithms(@TempDir Path dir) {
        String[] r = CliTest.run("", "train-segmenter", "--algo", "hmm", "--input-format", "pd98",
                "--corpus", TestData.corpus("seg-train.pd98.txt").toString(), "--epochs", "3",
                "--output", dir.resolve("x.bin").toString());
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].startsWith("error: ") && r[2].contains("--algo perceptron only"), r[2]);
    }
}
