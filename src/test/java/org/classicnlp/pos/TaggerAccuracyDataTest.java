package org.classicnlp.pos;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.classicnlp.TestData;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Sentence;
import org.junit.jupiter.api.Test;

/**
 * Accuracy floors on the shared data (skipped without it), a little under what the shipped models and the
 * trainers measure (bench/pos_bench.sh): UD English EWT dev, and People's Daily 1998 days 29-31 with
 * models trained on days 01-28.
 */
class TaggerAccuracyDataTest {

    private static final String EWT_TRAIN = "ud/UD_English-EWT/en_ewt-ud-train.conllu.gz";
    private static final String EWT_DEV = "ud/UD_English-EWT/en_ewt-ud-dev.conllu";
    private static final String PD = "peoples-daily-1998/199801.txt.gz";

    private static void atLeast(String what, TagScore s, double floor) {
        assertTrue(s.accuracy() >= floor, what + ": accuracy " + s.accuracy() + " < " + floor + " (" + s + ")");
    }

    @Test
    void englishEwtDev() {
        Path train = TestData.require(EWT_TRAIN);
        Path dev = TestData.require(EWT_DEV);
        Corpus<Sentence> upos = Corpora.conllu(dev, Corpora.ConlluColumn.UPOS);
        Corpus<Sentence> trainUpos = Corpora.conllu(train, Corpora.ConlluColumn.UPOS);
        Set<String> vocab = TagScorer.vocabulary(trainUpos);
        atLeast("shipped UPOS perceptron", TagScorer.evaluate(Taggers.english(Taggers.EnglishTags.UPOS), upos, vocab),
                0.950);
        atLeast("shipped XPOS perceptron", TagScorer.evaluate(Taggers.english(Taggers.EnglishTags.XPOS),
                Corpora.conllu(dev, Corpora.ConlluColumn.XPOS), vocab), 0.944);
        atLeast("HMM UPOS", TagScorer.evaluate(HmmTaggerTrainer.builder().build().fit(trainUpos), upos, vocab), 0.934);
    }

    @Test
    void peoplesDailyDays29To31() {
        Path pd = TestData.require(PD);
        Corpus<Sentence> train = PosData.peoplesDailyDays(pd, 1, 28);
        Corpus<Sentence> test = PosData.peoplesDailyDays(pd, 29, 31);
        atLeast("shipped Chinese perceptron", TagScorer.evaluate(Taggers.chinese(), test, null), 0.965);
        atLeast("HMM", TagScorer.evaluate(HmmTaggerTrainer.builder().build().fit(train), test, null), 0.950);
    }
}
