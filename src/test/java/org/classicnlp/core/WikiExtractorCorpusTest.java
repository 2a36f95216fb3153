package org.classicnlp.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.classicnlp.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WikiExtractorCorpusTest {

    @TempDir
    Path tmp;

    static List<Document> read(Path p) {
        List<Document> out = new ArrayList<>();
        Corpora.wikiExtractor(p).forEach(out::add);
        return out;
    }

    @Test
    void paragraphsWithoutTagsTitlesOrBlankLines() {
        List<Document> docs = read(TestData.corpus("wiki-sample.txt"));
        assertEquals(List.of("Anarchism is a political philosophy.", "It opposes hierarchy.",
                "Albedo is the fraction of light reflected."), docs.stream().map(Document::text).toList());
        assertEquals("12/0", docs.get(0).id());
        assertEquals("12/1", docs.get(1).id());
        assertEquals("39/0", docs.get(2).id());
        assertEquals("Albedo", docs.get(2).metadata().get("title"));
    }

    @Test
    void directoriesOfGzipAndPlainFilesInPathOrder() throws IOException {
        Path dir = tmp.resolve("text/AA");
        Files.createDirectories(dir);
        byte[] sample = Files.readAllBytes(TestData.corpus("wiki-sample.txt"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("wiki_00.gz")))) {
            out.write(sample);
        }
        Files.writeString(dir.resolve("wiki_01"), "<doc id=\"7\" title=\"T\">\nT\nLast paragraph.\n</doc>\n");
        Files.writeString(dir.resolve(".hidden"), "<doc id=\"8\">\nX\nhidden\n</doc>\n");
        List<Document> docs = read(tmp.resolve("text"));
        assertEquals(4, docs.size());
        assertEquals("Last paragraph.", docs.get(3).text());
        // re-iterable
        assertEquals(4, Corpora.wikiExtractor(tmp.resolve("text")).count());
    }

    @Test
    void malformedDocLineNamesFileAndLine() throws IOException {
        Path f = tmp.resolve("bad");
        Files.writeString(f, "<doc title=\"no id\">\nT\ntext\n</doc>\n<doc broken\n");
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> read(f));
        assertTrue(e.getMessage().contains("bad:1"), e.getMessage());
    }
}
