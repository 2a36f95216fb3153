package org.classicnlp.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.classicnlp.TestData;
import org.classicnlp.core.CorpusFormatException;
import org.classicnlp.lexicon.LexiconLoaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentationScorerTest {

    @TempDir
    Path tmp;

    @Test
    void countsBySpansWithOovAndIvRecall() {
        SegmentationScorer scorer = new SegmentationScorer(Set.of("研究", "生命", "起源"));
        SegmentationScorer.Tally t = scorer.tally();
        // gold: 研究 生命 起源 新词 ; pred: 研究生 命 起源 新词
        t.add(List.of("研究", "生命", "起源", "新词"), List.of("研究生", "命", "起源", "新词"));
        SegmentationScore s = t.score();
        assertEquals(4, s.goldWords());
        assertEquals(4, s.predictedWords());
        assertEquals(2, s.correctWords());
        assertEquals(0.5, s.precision(), 1e-12);
        assertEquals(0.5, s.recall(), 1e-12);
        assertEquals(0.5, s.f1(), 1e-12);
        assertEquals(0.25, s.oovRate(), 1e-12);
        assertEquals(1.0, s.oovRecall(), 1e-12);
        assertEquals(1.0 / 3, s.ivRecall(), 1e-12);
    }

    @Test
    void differentTextsAreRejected() {
        SegmentationScorer.Tally t = new SegmentationScorer().tally();
        assertThrows(IllegalArgumentException.class, () -> t.add(List.of("ab"), List.of("a", "c")));
    }

    @Test
    void misalignedFilesNameTheLine() throws IOException {
        Path gold = tmp.resolve("gold.txt");
        Path pred = tmp.resolve("pred.txt");
        Files.writeString(gold, "我们  在\r\n北京\r\n");
        Files.writeString(pred, "我们 在\n北 京\n多\n");
        CorpusFormatException e = assertThrows(CorpusFormatException.class,
                () -> new SegmentationScorer().scoreFiles(gold, pred));
        assertEquals(3, e.line());
        Files.writeString(pred, "我们 在\n南京\n");
        e = assertThrows(CorpusFormatException.class, () -> new SegmentationScorer().scoreFiles(gold, pred));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("do not align"));
    }

    @Test
    void classicForwardMaxMatchOnPkuReproducesTheBakeoffBaselineAndBidirectionalIsNotWorse() {
        Path test = TestData.require("icwb2/testing/pku_test.utf8");
        Path gold = TestData.require("icwb2/gold/pku_test_gold.utf8");
        Path words = TestData.require("icwb2/gold/pku_training_words.utf8");
        SegmentationScorer scorer = SegmentationScorer.withWordList(words);
        // Classic rules over the exact word list: the bakeoff's maximum-matching baseline (F1 0.869).
        var exact = LexiconLoaders.wordList(words, false);
        double fmm = PkuEvaluation.score(new ForwardMaxMatch(exact, MatchRules.CLASSIC), test, gold, scorer).f1();
        double bimm = PkuEvaluation.score(new BidirectionalMaxMatch(exact, MatchRules.CLASSIC), test, gold, scorer).f1();
        assertTrue(fmm >= 0.865 && fmm <= 0.885, "classic fmm F1 " + fmm);
        assertTrue(bimm >= fmm, "classic bimm " + bimm + " < fmm " + fmm);
        // Mixed rules (digit runs whole; the full-width list matches the test's ASCII digits) do better.
        var folded = LexiconLoaders.wordList(words);
        double mixedFmm = PkuEvaluation.score(new ForwardMaxMatch(folded), test, gold, scorer).f1();
        double mixedBimm = PkuEvaluation.score(new BidirectionalMaxMatch(folded), test, gold, scorer).f1();
        assertTrue(mixedFmm > fmm, "mixed fmm " + mixedFmm + " <= classic " + fmm);
        assertTrue(mixedBimm >= mixedFmm, "mixed bimm " + mixedBimm + " < fmm " + mixedFmm);
    }
}
