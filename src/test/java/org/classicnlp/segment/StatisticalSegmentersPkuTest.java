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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The accuracy bar on the shared data: trained on People's Daily 1998 January (one pass),
 * scored on the SIGHAN 2005 PKU test set. IV/OOV words are decided width-folded on both sides (the
 * word list is full-width, the test text half-width). Skips without the data.
 */
class StatisticalSegmentersPkuTest {

    static HybridModel model;
    static List<List<String>> gold;
    static SegmentationScorer scorer;

    @BeforeAll
    static void trainAndLoad() {
        Path pd = TestData.require("peoples-daily-1998/199801.txt.gz");
        Path goldFile = TestData.require("icwb2/gold/pku_test_gold.utf8");
        Path words = TestData.require("icwb2/gold/pku_training_words.utf8");
        model = HybridModel.train(Corpora.peoplesDaily(pd));
        gold = new ArrayList<>();
        try (Stream<String> lines = TextFiles.lines(goldFile)) {
            lines.forEach(l -> gold.add(Corpora.splitSighan(l).stream().map(CharNormalizer::foldWidth).toList()));
        }
        Set<String> iv = new HashSet<>();
        try (Stream<String> lines = TextFiles.lines(words)) {
            lines.map(String::strip).filter(w -> !w.isEmpty()).map(CharNormalizer::foldWidth).forEach(iv::add);
        }
        scorer = new SegmentationScorer(iv);
    }

    private static SegmentationScore score(Segmenter segmenter) {
        SegmentationScorer.Tally tally = scorer.tally();
        for (List<String> g : gold) {
            List<String> predicted = segmenter.words(String.join("", g)).stream().map(CharNormalizer::foldWidth).toList();
            tally.add(g, predicted);
        }
        return tally.score();
    }

    @Test
    void hmmReachesF1Of080() {
        SegmentationScore s = score(new HmmSegmenter(model.hmm()));
        assertTrue(s.f1() >= 0.80, "hmm " + s);
    }

    @Test
    void hybridOnTrainingWordsReachesF1Of089AndOovRecallOf050() {
        SegmentationScore s = score(HybridSegmenter.builder().model(model).coreDictionary(false).build());
        assertTrue(s.f1() >= 0.89, "hybrid " + s);
        assertTrue(s.oovRecall() >= 0.50, "hybrid " + s);
    }

    @Test
    void defaultHybridBeatsJiebasPublishedF1() {
        // jieba's published PKU test F1 is 0.818; the default adds HanLP's core dictionary.
        SegmentationScore s = score(HybridSegmenter.standard());
        assertTrue(s.f1() > 0.818, "default hybrid " + s);
        assertTrue(s.f1() >= 0.89, "default hybrid " + s);
    }
}
