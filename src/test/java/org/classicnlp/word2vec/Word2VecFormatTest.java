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
import org.classicnlp.core.CorpusFormatException;
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
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> WordVectors.load(cut));
        assertTrue(e.getMessage().contains("cut.bin") && e.getMessage().contains("entry 3"), e.getMessage());

        Path cutText = dir.resolve("cut.txt");
        Files.writeString(cutText, "3 2\na 1 2\nb 3\n");
        e = assertThrows(CorpusFormatException.class, () -> WordVectors.load(cutText));
        assertTrue(e.getMessage().contains("cut.txt:3") && e.getMessage().contains("1 values, expected 2"),
                e.getMessage());

        Path shortFile = dir.resolve("short.txt");
        Files.writeString(shortFile, "3 2\na 1 2\n");
        e = assertThrows(CorpusFormatException.class, () -> WordVectors.load(shortFile));
        assertTrue(e.getMessage().contains("after 1 of 3"), e.getMessage());

        Path foreign = dir.resolve("readme.txt");
        Files.writeString(foreign, "# Title\nsome prose\n");
        e = assertThrows(CorpusFormatException.class, () -> WordVectors.load(foreign));
        assertTrue(e.getMessage().contains("readme.txt:1") && e.getMessage().contains("COUNT DIMENSION"),
                e.getMessage());

        Path wrongDim = dir.resolve("wrong.bin");
        byte[] patched = bytes.clone();
        patched[2] = '2';   // header "3 3" → "3 2": vectors no longer line up
        Files.write(wrongDim, patched);
        assertThrows(CorpusFormatException.class, () -> WordVectors.load(wrongDim));
    }

    @Test
    void wordsWithSpacesCannotBeWritten() {
        WordVectors v = WordVectors.of(List.of("new york"), new float[] {1, 2}, 2, null);
        assertThrows(IllegalArgumentException.class, () -> v.save(dir.resolve("x.txt")));
    }
}
