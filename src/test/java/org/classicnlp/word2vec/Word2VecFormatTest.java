package org.classicnlp.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.classicnlp.TestData;
import org.classicnlp.core.ModelFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Word2VecFormatTest {

    @TempDir
    Path dir;

    static WordVectors sample() {
        float[] m = {0.1f, -2.5e-7f, 3.4028235e38f, 1f / 3, -0f, 12345.678f, 7, 8, 9};
        return WordVectors.of(List.of("the", "北京", "naïve"), m, 3, null);
    }

    static void assertSame(WordVectors a, WordVectors b) {
        assertEquals(a.words(), b.words());
        assertEquals(a.dimension(), b.dimension());
        for (String w : a.words()) {
            assertArrayEquals(a.vector(w).toFloatArray(), b.vector(w).toFloatArray(), w);
        }
    }

    @Test
    void textAndBinaryRoundTripExactly() {
        WordVectors v = sample();
        for (String name : List.of("v.txt", "v.bin", "v.txt.gz", "v.bin.gz", "v.vec")) {
            Path f = dir.resolve(name);
            v.save(f);
            assertSame(v, WordVectors.load(f));
        }
        assertEquals(Word2VecFormat.BINARY, Word2VecFormat.forName(Path.of("x.bin.gz")));
        assertEquals(Word2VecFormat.TEXT, Word2VecFormat.forName(Path.of("x.w2v")));
    }

    @Test
    void formatIsDetectedFromContentWithoutAKnownExtension() throws IOException {
        WordVectors v = sample();
        Path bin = dir.resolve("vectors.model");
        v.save(bin, Word2VecFormat.BINARY);
        assertSame(v, WordVectors.load(bin));
        Path txt = dir.resolve("vectors.w2v");
        v.save(txt, Word2VecFormat.TEXT);
        assertTrue(Files.readString(txt).startsWith("3 3\nthe 0.1 "));
        assertSame(v, WordVectors.load(txt));
    }

    @Test
    void loadsFilesWrittenTheWayTheCToolAndGensimWriteThem() {
        float[][] expected = {{0.5f, -0.25f, 0.125f}, {1f, 2f, -3.5f}, {0f, 1e-3f, -2.25f}};
        for (String name : List.of("w2v-c-tool.bin", "w2v-gensim-style.bin", "w2v-c-tool.txt")) {
            WordVectors v = WordVectors.load(TestData.corpus(name));
            assertEquals(List.of("the", "king", "北京"), v.words(), name);
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(expected[i], v.vector(v.word(i)).toFloatArray(), 1e-6f, name);
            }
        }
    }

    @Test
    void truncatedAndForeignFilesFailWithFileAndPlace() throws IOException {
        Path good = dir.resolve("good.bin");
        sample().save(good);
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.bin");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 6));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> WordVectors.load(cut));
        assertTrue(e.getMessage().startsWith(cut + ": byte ") && e.getMessage().contains("entry 3 of 3"), e.getMessage());

        Path cutText = dir.resolve("cut.txt");
        Files.writeString(cutText, "3 2\na 1 2\nb 3\n");
        e = assertThrows(ModelFormatException.class, () -> WordVectors.load(cutText));
        assertTrue(e.getMessage().startsWith(cutText + ": line 3: ") && e.getMessage().contains("1 values, expected 2"),
                e.getMessage());

        Path shortFile = dir.resolve("short.txt");
        Files.writeString(shortFile, "3 2\na 1 2\n");
        e = assertThrows(ModelFormatException.class, () -> WordVectors.load(shortFile));
        assertTrue(e.getMessage().contains("line 3: file ends after 1 of the 3 words"), e.getMessage());

        Path foreign = dir.resolve("readme.txt");
        Files.writeString(foreign, "# Title\nsome prose\n");
        e = assertThrows(ModelFormatException.class, () -> WordVectors.load(foreign));
        assertTrue(e.getMessage().startsWith(foreign + ": line 1: ") && e.getMessage().contains("COUNT DIMENSION"),
                e.getMessage());

        Path wrongDim = dir.resolve("wrong.bin");
        byte[] patched = bytes.clone();
        patched[2] = '2';   // header "3 3" → "3 2": vectors no longer line up
        Files.write(wrongDim, patched);
        e = assertThrows(ModelFormatException.class, () -> WordVectors.load(wrongDim));
        assertTrue(e.getMessage().startsWith(wrongDim + ": byte "), e.getMessage());
    }

    @Test
    void emptyAndOtherForeignFilesFailClearly() throws IOException {
        for (String name : List.of("empty.txt", "empty.bin", "empty.vec", "empty")) {
            Path empty = dir.resolve(name);
            Files.write(empty, new byte[0]);
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> WordVectors.load(empty));
            assertTrue(e.getMessage().equals(empty + ": empty file; expected the word2vec header line"
                    + " 'COUNT DIMENSION' at line 1"), e.getMessage());
        }
        Path emptyGz = dir.resolve("empty.txt.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(emptyGz))) {
            out.flush();
        }
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> WordVectors.load(emptyGz));
        assertTrue(e.getMessage().contains("empty file (after gzip decompression)"), e.getMessage());

        Path notGz = dir.resolve("plain.txt.gz");
        Files.writeString(notGz, "3 2\n");
        e = assertThrows(ModelFormatException.class, () -> WordVectors.load(notGz));
        assertTrue(e.getMessage().startsWith(notGz + ": not a gzip file"), e.getMessage());

        Path model = dir.resolve("model.bin");
        org.classicnlp.lexicon.Lexicon.ofWords("w", List.of("a")).save(model);
        e = assertThrows(ModelFormatException.class, () -> WordVectors.load(model));
        assertTrue(e.getMessage().startsWith(model + ": line 1: ") && e.getMessage().contains("ClassicNLP model"),
                e.getMessage());

        Path badValue = dir.resolve("bad.txt");
        Files.writeString(badValue, "1 2\na 1 x\n");
        e = assertThrows(ModelFormatException.class, () -> WordVectors.load(badValue));
        assertTrue(e.getMessage().equals(badValue + ": line 2: value 2 of word 'a' is 'x', expected a number"),
                e.getMessage());

        Path twice = dir.resolve("twice.txt");
        Files.writeString(twice, "2 1\na 1\na 2\n");
        e = assertThrows(ModelFormatException.class, () -> WordVectors.load(twice));
        assertTrue(e.getMessage().contains("occurs twice"), e.getMessage());

        Path extra = dir.resolve("extra.txt");
        Files.writeString(extra, "1 1\na 1\nb 2\n");
        e = assertThrows(ModelFormatException.class, () -> WordVectors.load(extra));
        assertTrue(e.getMessage().startsWith(extra + ": line 3: more entries"), e.getMessage());
    }

    @Test
    void loadsFromAStreamNamedBySource() throws IOException {
        Path f = dir.resolve("s.bin");
        sample().save(f);
        try (var in = Files.newInputStream(f)) {
            assertSame(sample(), WordVectors.load(in, "classpath:/vectors.bin"));
        }
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> WordVectors.load(
                new java.io.ByteArrayInputStream(new byte[0]), "classpath:/none.txt"));
        assertTrue(e.getMessage().startsWith("classpath:/none.txt: empty file"), e.getMessage());
    }

    /** A stream has no size to bound the header by; a header asking for more than the heap is refused at once. */
    @Test
    void aStreamWhoseHeaderAsksForMoreThanTheHeapIsRefused() {
        byte[] text = "2000000000 1\na 1\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> WordVectors.load(
                new java.io.ByteArrayInputStream(text), "classpath:/huge.txt"));
        assertTrue(e.getMessage().startsWith("classpath:/huge.txt: line 1: the header announces 2000000000 words"),
                e.getMessage());
        assertTrue(e.getMessage().contains("heap"), e.getMessage());
    }

    @Test
    void wordsWithSpacesCannotBeWritten() {
        WordVectors v = WordVectors.of(List.of("new york"), new float[] {1, 2}, 2, null);
        assertThrows(IllegalArgumentException.class, () -> v.save(dir.resolve("x.txt")));
    }
}
