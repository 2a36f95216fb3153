package org.classicnlp.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.classicnlp.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorporaTest {

    @TempDir
    Path tmp;

    @Test
    void sighanSplitsOnSpaceRunsAndKeepsLinesAligned() {
        List<Sentence> s = list(Corpora.sighan(TestData.corpus("sighan-sample.utf8")));
        assertEquals(4, s.size());
        assertEquals(List.of("我们", "在", "北京", "学习", "自然", "语言", "处理", "。"), s.get(0).words());
        assertTrue(s.get(1).isEmpty());
        assertEquals("他说：“今天天气很好。”", s.get(2).text());
        Token t = s.get(0).tokens().get(2);
        assertEquals("北京", s.get(0).text().substring(t.start(), t.end()));
        assertEquals("3", s.get(3).id());
    }

    @Test
    void byteOrderMarkIsDropped() {
        List<Sentence> s = list(Corpora.sighan(TestData.corpus("sighan-bom.utf8")));
        assertEquals(List.of("中国", "人民"), s.get(0).words());
    }

    @Test
    void ideographicSpaceSeparatesWords() {
        assertEquals(List.of("中国", "人民", "x"), Corpora.splitSighan("中国\u3000人民  \u3000 x "));
    }

    @Test
    void peoplesDailyReadsIdsTagsAndCompounds() {
        List<Sentence> s = list(Corpora.peoplesDaily(TestData.corpus("pd98-sample.txt")));
        assertEquals(2, s.size(), "blank line skipped");
        assertEquals("19980101-01-001-001", s.get(0).id());
        assertEquals("迈向", s.get(0).tokens().get(0).text());
        assertEquals("v", s.get(0).tokens().get(0).tag());
        assertEquals(List.of("中央", "人民", "广播", "电台", "播出", "。"), s.get(1).words());
        assertEquals("vn", s.get(1).tokens().get(2).tag());
        List<Sentence> merged = list(Corpora.peoplesDaily(TestData.corpus("pd98-sample.txt"), true));
        assertEquals("中央人民广播电台", merged.get(1).tokens().get(0).text());
        assertEquals("nt", merged.get(1).tokens().get(0).tag());
    }

    @Test
    void peoplesDailyReportsFileAndLineOfBadToken() throws IOException {
        Path bad = tmp.resolve("bad.txt");
        Files.writeString(bad, "19980101-01-001-001/m  好/a\n\n19980101-01-001-002/m  坏了  x/n\n");
        CorpusFormatException e = assertThrows(CorpusFormatException.class,
                () -> list(Corpora.peoplesDaily(bad)));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("bad.txt:3") && e.getMessage().contains("坏了"), e.getMessage());
    }

    @Test
    void linesKeepBlankLinesAsDocuments() {
        List<Document> d = list(Corpora.lines(TestData.corpus("sighan-sample.utf8")));
        assertEquals(4, d.size());
        assertEquals("1", d.get(1).id());
        assertEquals("", d.get(1).text());
    }

    @Test
    void jsonlReadsIdsTextAndMetadata() {
        List<Document> d = list(Corpora.jsonl(TestData.corpus("docs-sample.jsonl")));
        assertEquals(3, d.size());
        assertEquals("a1", d.get(0).id());
        assertEquals("news", d.get(0).metadata().get("label"));
        assertEquals("7", d.get(1).id());
        assertEquals("3", d.get(2).id(), "missing id: 0-based line number");
    }

    @Test
    void jsonlErrorsNameTheLine() throws IOException {
        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, "{\"id\":1,\"text\":\"ok\"}\n{\"id\":2}\n");
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> list(Corpora.jsonl(bad)));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("text"));
        Files.writeString(bad, "{\"id\":1,\"text\":\"ok\"\n");
        e = assertThrows(CorpusFormatException.class, () -> list(Corpora.jsonl(bad)));
        assertEquals(1, e.line());
        // the column where the parser stopped, and none of Jackson's "[Source: REDACTED ...]" location text
        assertTrue(e.getMessage().contains("invalid JSON at column 20: "), e.getMessage());
        assertTrue(e.getMessage().contains("start marker at column 1"), e.getMessage());
        assertFalse(e.getMessage().contains("Source"), e.getMessage());
    }

    @Test
    void directoryYieldsSortedRelativeIds() {
        List<Document> d = list(Corpora.directory(TestData.corpus("docs-dir")));
        assertEquals(List.of("a.txt", "sub/b.txt"), d.stream().map(Document::id).toList());
        assertEquals("第二个文件\n", d.get(1).text());
    }

    @Test
    void directoryReadsEachFileOnlyWhenItsDocumentIsReached() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("lazy"));
        for (String name : List.of("1.txt", "2.txt", "3.txt")) {
            Files.writeString(dir.resolve(name), "old " + name);
        }
        try (var docs = Corpora.directory(dir).stream()) {
            var it = docs.iterator();
            assertEquals("old 1.txt", it.next().text());
            // a reader that had already loaded every file would still return the old text
            Files.writeString(dir.resolve("3.txt"), "new 3.txt");
            assertEquals("old 2.txt", it.next().text());
            assertEquals("new 3.txt", it.next().text());
        }
    }

    @Test
    void wholeFileReaderReusesItsBufferAcrossFilesOfAnySize() throws IOException {
        // one reader over: a large file with a BOM and multi-byte characters (the buffer grows), then a
        // short one (stale bytes of the large file must not leak into it), then a file that is not UTF-8
        StringBuilder big = new StringBuilder();
        for (int i = 0; big.length() < 300_000; i++) {
            big.append("行 ").append(i).append(" é😀\r\n");
        }
        Path a = tmp.resolve("big.txt");
        byte[] utf8 = big.toString().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        Files.write(a, withBom);
        Path b = tmp.resolve("small.txt");
        Files.writeString(b, "short\n");
        Path bad = tmp.resolve("bad.txt");
        Files.write(bad, new byte[] {'o', 'k', (byte) 0xC3, '(', '\n'});
        TextFiles.WholeFileReader reader = new TextFiles.WholeFileReader();
        assertEquals(big.toString(), reader.read(a));
        assertEquals("short\n", reader.read(b));
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> reader.read(bad));
        assertTrue(e.getMessage().contains("bad.txt"), e.getMessage());
        assertEquals(big.toString(), TextFiles.read(a));
    }

    @Test
    void gzipIsTransparentAndCorpusIsReiterable() throws IOException {
        Path gz = tmp.resolve("x.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("a b\nc\n".getBytes(StandardCharsets.UTF_8));
        }
        Corpus<Document> c = Corpora.lines(gz);
        assertEquals(2, c.count());
        assertEquals(2, c.count());
        List<String> texts = new ArrayList<>();
        for (Document doc : c) {
            texts.add(doc.text());
        }
        assertEquals(List.of("a b", "c"), texts);
    }

    @Test
    void invalidUtf8IsReportedWithLine() throws IOException {
        Path bad = tmp.resolve("bad.txt");
        Files.write(bad, new byte[] {'o', 'k', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> list(Corpora.lines(bad)));
        assertEquals(2, e.line());
    }

    @Test
    void missingFileFailsClearly() {
        Exception e = assertThrows(RuntimeException.class, () -> Corpora.lines(tmp.resolve("nope.txt")));
        assertTrue(e.getMessage().contains("nope.txt"));
    }

    @Test
    void readsPeoplesDaily1998InFull() {
        Path pd = TestData.require("peoples-daily-1998/199801.txt.gz");
        long[] counts = new long[2];
        Corpora.peoplesDaily(pd).forEach(s -> {
            counts[0]++;
            counts[1] += s.tokens().size();
        });
        // MANIFEST: 19,484 non-empty lines; 1,121,447 word/TAG tokens besides the ids.
        assertEquals(19_484, counts[0]);
        assertEquals(1_121_447, counts[1]);
    }

    private static <T> List<T> list(Corpus<T> corpus) {
        List<T> out = new ArrayList<>();
        corpus.forEach(out::add);
        return out;
    }
}
