package org.classicnlp.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.classicnlp.TestData;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Sentence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmenterTrainersTest {

    @TempDir
    Path tmp;

    private final Corpus<Sentence> corpus = Corpora.sighan(TestData.corpus("seg-train.sighan.txt"));

    @Test
    void trainersGiveTheModelsOfTheStaticShortcuts() throws IOException {
        HmmTrainer.builder().smoothing(0.3).build().fit(corpus).save(tmp.resolve("a.bin"));
        HmmModel.train(corpus, 0.3).save(tmp.resolve("b.bin"));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("b.bin")), Files.readAllBytes(tmp.resolve("a.bin")));

        HybridTrainer.builder().build().fit(corpus).save(tmp.resolve("c.bin"));
        HybridModel.train(corpus).save(tmp.resolve("d.bin"));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("d.bin")), Files.readAllBytes(tmp.resolve("c.bin")));
    }

    @Test
    void progressCountsTheSentencesOfThePass() {
        List<Long> done = new ArrayList<>();
        HmmTrainer.builder().build().fit(corpus, (stage, n, total) -> {
            assertEquals("count", stage);
            assertEquals(-1, total);
            done.add(n);
        });
        assertEquals(corpus.count(), (long) done.get(done.size() - 1));
    }

    @Test
    void smoothingMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HybridTrainer.builder().smoothing(0));
        assertEquals("smoothing must be > 0, was 0.0", e.getMessage());
    }
}
