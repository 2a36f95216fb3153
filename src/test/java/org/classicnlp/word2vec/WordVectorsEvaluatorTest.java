package org.classicnlp.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.classicnlp.core.CorpusFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordVectorsEvaluatorTest {

    @TempDir
    Path dir;

    @Test
    void analogiesAsGensimCountsThem() throws IOException {
        Path f = dir.resolve("q.txt");
        Files.writeString(f, String.join("\r\n",
                ": capital-common",
                "man king woman queen",      // correct
                "MAN KING WOMAN QUEEN",      // case-insensitive: correct
                "man king woman apple",      // wrong (queen)
                "man king woman prince",     // skipped: unknown
                ": gram1-adjective",
                "king man queen woman",      // correct
                "") + "\r\n");
        WordVectorsEvaluator.AnalogyResult r = WordVectorsEvaluator.analogies(WordVectorsTest.royals(), f);
        assertEquals(2, r.sections().size());
        assertEquals(new WordVectorsEvaluator.Section("capital-common", 2, 3, 1), r.sections().get(0));
        assertEquals(3, r.correct());
        assertEquals(4, r.attempted());
        assertEquals(1, r.skipped());
        assertEquals(0.75, r.accuracy(), 1e-12);
        assertEquals(2, r.semantic().correct());
        assertEquals(3, r.semantic().attempted());
        assertEquals(1, r.syntactic().correct());
        // restricted to the 3 most frequent words every question has an unknown word
        assertEquals(0, WordVectorsEvaluator.analogies(WordVectorsTest.royals(), f, 3).attempted());
    }

    @Test
    void analogyFileWithoutSectionIsRejected() throws IOException {
        Path f = dir.resolve("bad.txt");
        Files.writeString(f, "man king woman queen\n");
        CorpusFormatException e = assertThrows(CorpusFormatException.class,
                () -> WordVectorsEvaluator.analogies(WordVectorsTest.royals(), f));
        assertTrue(e.getMessage().contains("bad.txt:1"), e.getMessage());
    }

    @Test
    void wordPairsSpearmanWithHeaderAndUnknownWords() throws IOException {
        // model cosines: king-man .707, king-queen .5, man-woman 0, queen-apple -.707
        Path csv = dir.resolve("pairs.csv");
        Files.writeString(csv, "Word 1,Word 2,Human (mean)\r\nking,man,9\r\nking,queen,7.5\r\nman,woman,3\r\n"
                + "queen,apple,1\r\nking,prince,8\r\n");
        WordVectorsEvaluator.SimilarityResult r = WordVectorsEvaluator.wordPairs(WordVectorsTest.royals(), csv);
        assertEquals(1.0, r.spearman(), 1e-12);
        assertEquals(4, r.used());
        assertEquals(5, r.total());
        Path tab = dir.resolve("pairs.tab");
        Files.writeString(tab, "# comment\nking\tman\t1\tx\nking\tqueen\t2\tx\nman\twoman\t3\tx\nqueen\tapple\t4\tx\n");
        assertEquals(-1.0, WordVectorsEvaluator.wordPairs(WordVectorsTest.royals(), tab).spearman(), 1e-12);
    }

    @Test
    void spearmanAveragesTiedRanks() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, WordVectorsEvaluator.ranks(new double[] {1, 5, 5, 7}), 0);
        // scipy.stats.spearmanr([1,2,3,4,5], [5,6,7,8,7]) = 0.8207826816681233
        assertEquals(0.8207826816681233,
                WordVectorsEvaluator.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {5, 6, 7, 8, 7}), 1e-12);
    }
}
