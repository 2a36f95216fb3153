package org.classicnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI reads its input through {@code Corpora.open}: auto follows the content, explicit lines checks it. */
class InputFormatCliTest {

    @TempDir
    Path tmp;

    @Test
    void jsonlNamedTxtIsReadAsJsonlUnderAutoAndRejectedAsLines() throws Exception {
        Path txt = tmp.resolve("docs.txt");
        Files.writeString(txt, "{\"id\":\"a\",\"text\":\"x y\"}\n{\"id\":\"b\",\"text\":\"y z\"}\n");
        Path jsonl = tmp.resolve("docs.jsonl");
        Files.copy(txt, jsonl);
        String[] named = CliTest.run("", "tfidf", "transform", "--fit", "--input", jsonl.toString(), "--tokenizer",
                "whitespace", "-q");
        String[] auto = CliTest.run("", "tfidf", "transform", "--fit", "--input", txt.toString(), "--tokenizer",
                "whitespace", "-q");
        assertEquals("0", auto[0], auto[2]);
        assertEquals(named[1], auto[1]);
        assertTrue(auto[1].startsWith("a\t"), auto[1]);

        String[] lines = CliTest.run("", "tfidf", "transform", "--fit", "--input", txt.toString(), "--tokenizer",
                "whitespace", "--input-format", "lines", "-q");
        assertEquals("1", lines[0]);
        assertTrue(lines[2].contains(txt + ":1: opened as plain lines but holds JSONL"), lines[2]);
    }
}
