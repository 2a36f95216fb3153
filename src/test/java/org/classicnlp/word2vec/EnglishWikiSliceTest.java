package org.classicnlp.word2vec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.classicnlp.TestData;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.segment.Segmenter;
import org.classicnlp.segment.Segmenters;
import org.junit.jupiter.api.Test;

/** Trains on two files of the shared English Wikipedia slice (~300k tokens, a few seconds); one thread and a fixed seed make it deterministic. */
class EnglishWikiSliceTest {

    static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");

    @Test
    void monthsCluster() {
        Path a = TestData.require("en-text/AA/wiki_00.gz");
        Path b = TestData.require("en-text/AA/wiki_01.gz");
        Segmenter english = Segmenters.tokenizer("english");
        Corpus<List<String>> corpus = () -> java.util.stream.Stream.of(a, b)
                .flatMap(p -> Corpora.wikiExtractor(p).stream())
                .map(d -> english.words(d.text().toLowerCase(Locale.ROOT)));
        WordVectors v = Word2VecTrainer.builder().model(Word2VecTrainer.Model.SKIP_GRAM).dimension(50).epochs(3)
                .minCount(5).threads(1).seed(1).build().fit(corpus);
        long months = v.mostSimilar("january", 10).stream().filter(s -> MONTHS.contains(s.id())).count();
        assertTrue(months >= 5, "months among january's 10 neighbours: " + v.mostSimilar("january", 10));

        WordVectorsEvaluator.AnalogyResult r = WordVectorsEvaluator.analogies(v,
                TestData.require("wordvec-eval/questions-words.txt"));
        assertEquals(14, r.sections().size());
        assertEquals(19_544, r.attempted() + r.skipped());
        assertTrue(r.attempted() > 1000, "attempted " + r.attempted());
    }
}
