package org.classicnlp.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.ModelFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackedVectorsTest {

    @TempDir
    Path tmp;

    /** The toy corpus's skip-gram vectors (they carry counts). */
    static WordVectors toyVectors() {
        return Word2VecTrainerTest.small().model(Word2VecTrainer.Model.SKIP_GRAM).build()
                .fit(Word2VecTrainerTest.toy());
    }

    static double rowCosine(WordVectors a, WordVectors b, String w) {
        return a.unitVector(w).dot(b.unitVector(w));
    }

    /**
     * Stated tolerances of the per-row quantisation on a small model: worst row cosine to the float row at
     * least 0.9995 (8 bits), 0.998 (6 bits), 0.99 (4 bits); at 6 bits word-pair cosine similarities within 0.03
     * of the float ones, 0.006 on average (20 dimensions; the error shrinks with more dimensions).
     */
    @Test
    void quantisedRowsStayCloseToTheFloatRows() {
        WordVectors full = toyVectors();
        double[] worstAllowed = {0, 0, 0, 0, 0.99, 0, 0.998, 0, 0.9995};
        for (int bits : new int[] {8, 6, 4}) {
            PackedVectors p = PackedVectors.pack(full, 0, bits, Analyzer.whitespace().spec(), 0);
            assertEquals(full.size(), p.vectors().size());
            double worst = 1;
            for (String w : full.words()) {
                worst = Math.min(worst, rowCosine(full, p.vectors(), w));
            }
            assertTrue(worst >= worstAllowed[bits], bits + " bits: worst row cosine " + worst);
        }
        PackedVectors six = PackedVectors.pack(full, 0, 6, Analyzer.whitespace().spec(), 0);
        double maxDiff = 0;
        double sum = 0;
        int pairs = 0;
        List<String> words = full.words();
        for (int i = 0; i < words.size(); i++) {
            for (int j = i + 1; j < words.size(); j++) {
                double d = Math.abs(full.similarity(words.get(i), words.get(j))
                        - six.vectors().similarity(words.get(i), words.get(j)));
                maxDiff = Math.max(maxDiff, d);
                sum += d;
                pairs++;
            }
        }
        assertTrue(maxDiff < 0.03, "max |similarity difference| at 6 bits: " + maxDiff);
        assertTrue(sum / pairs < 0.006, "mean |similarity difference| at 6 bits: " + sum / pairs);
    }

    @Test
    void packKeepsTheMostFrequentWordsAndTheirCounts() {
        WordVectors full = toyVectors();
        PackedVectors p = PackedVectors.pack(full, 10, 6, Analyzer.whitespace().spec(), 0);
        assertEquals(full.words().subList(0, 10), p.vectors().words());
        for (String w : p.vectors().words()) {
            assertEquals(full.count(w), p.vectors().count(w));
        }
        long total = 0;
        for (String w : full.words()) {
            total += full.count(w);
        }
        assertEquals(total, p.corpusTokens());
        float[] c = p.sifComponent();
        double norm = 0;
        for (float x : c) {
            norm += x * x;
        }
        assertEquals(1.0, norm, 1e-4, "the SIF component is a unit vector");
    }

    @Test
    void saveLoadRoundTripsExactlyAndTheFileIsCompact() throws IOException {
        WordVectors full = toyVectors();
        PackedVectors p = PackedVectors.pack(full, 0, 6, DefaultVectors.ANALYZER_SPEC, 0);
        Path f = tmp.resolve("v.bin");
        p.save(f);
        PackedVectors back = PackedVectors.load(f);
        assertEquals(p.vectors().words(), back.vectors().words());
        assertArrayEquals(p.vectors().rawMatrix(), back.vectors().rawMatrix());
        assertArrayEquals(p.sifComponent(), back.sifComponent());
        assertEquals(DefaultVectors.ANALYZER_SPEC, back.spec());
        assertEquals(6, back.bits());
        // the codes take 6 bits a value; the container adds the words, counts, scales and header
        long codes = ((long) full.size() * full.dimension() * 6 + 7) / 8;
        assertTrue(Files.size(f) < codes + 40L * full.size() + 1000, "file " + Files.size(f) + " bytes");
        // and it reads as word vectors wherever a --vectors file is accepted
        assertEquals(back.vectors().words(), DefaultVectors.named(f.toString()).words());
    }

    @Test
    void damagedOrForeignFilesAreRejected() throws IOException {
        WordVectors full = toyVectors();
        Path f = tmp.resolve("v.bin");
        PackedVectors.pack(full, 0, 6, DefaultVectors.ANALYZER_SPEC, 0).save(f);
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 0x55;
        Path bad = tmp.resolve("bad.bin");
        Files.write(bad, b);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> PackedVectors.load(bad));
        assertTrue(e.getMessage().contains("bad.bin"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> PackedVectors.pack(full, 0, 9, DefaultVectors.ANALYZER_SPEC, 0));
        WordVectors noCounts = WordVectors.of(List.of("a"), new float[] {1, 2}, 2, null);
        assertThrows(IllegalArgumentException.class,
                () -> PackedVectors.pack(noCounts, 0, 6, DefaultVectors.ANALYZER_SPEC, 0));
    }
}
