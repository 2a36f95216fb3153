package org.classicnlp.segment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.classicnlp.TestData;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.TextFiles;
import org.classicnlp.lexicon.CharNormalizer;
import org.junit.jupiter.api.Test;

/**
 * Regression guard on the shared data: the shipped perceptron model (trained on People's Daily 1998
 * January, see models/README.md) on the SIGHAN 2005 PKU test set. The floors sit a little under the figures
 * measured when the model was built (F1 0.9547; OOV recall 0.596 with IV/OOV decided width-folded as here);
 * the target is F1 ≥ 0.950. Skips without the data.
 */
class PerceptronSegmenterPkuTest {

    @Test
    void shippedModelKeepsItsPkuAccuracy() {
        Path goldFile = TestData.require("icwb2/gold/pku_test_gold.utf8");
        Path words = TestData.require("icwb2/gold/pku_training_words.utf8");
        List<List<String>> gold = new ArrayList<>();
        try (Stream<String> lines = TextFiles.lines(goldFile)) {
            lines.forEach(l -> gold.add(Corpora.splitSighan(l).stream().map(CharNormalizer::foldWidth).toList()));
        }
        Set<String> iv = new HashSet<>();
        try (Stream<String> lines = TextFiles.lines(words)) {
            lines.map(String::strip).filter(w -> !w.isEmpty()).map(CharNormalizer::foldWidth).forEach(iv::add);
        }
        SegmentationScorer.Tally tally = new SegmentationScorer(iv).tally();
        PerceptronSegmenter p = PerceptronSegmenter.defaultModel();
        for (List<String> g : gold) {
            tally.add(g, p.words(String.join("", g)).stream().map(CharNormalizer::foldWidth).toList());
        }
        SegmentationScore s = tally.score();
        assertTrue(s.f1() >= 0.950, "perceptron " + s);
        assertTrue(s.oovRecall() >= 0.58, "perceptron " + s);
    }
}
