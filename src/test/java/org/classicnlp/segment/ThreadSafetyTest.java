package org.classicnlp.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.classicnlp.TestData;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Token;
import org.classicnlp.lexicon.LexiconLoaders;
import org.junit.jupiter.api.Test;

class ThreadSafetyTest {

    @Test
    void oneSegmenterSharedByEightThreadsMatchesOneThread() throws Exception {
        Path test = TestData.require("icwb2/testing/pku_test.utf8");
        List<String> lines = new ArrayList<>();
        Corpora.lines(test).forEach(d -> lines.add(d.text()));
        for (Segmenter segmenter : List.of(
                new BidirectionalMaxMatch(LexiconLoaders.wordList(TestData.require("icwb2/gold/pku_training_words.utf8"))),
                Segmenters.standard())) {
            List<List<Token>> expected = new ArrayList<>();
            for (String line : lines) {
                expected.add(segmenter.segment(line));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<List<List<Token>>>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    futures.add(pool.submit(() -> {
                        List<List<Token>> out = new ArrayList<>();
                        for (String line : lines) {
                            out.add(segmenter.segment(line));
                        }
                        return out;
                    }));
                }
                for (Future<List<List<Token>>> f : futures) {
                    assertEquals(expected, f.get(), segmenter.getClass().getSimpleName());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
