package org.classicnlp.pos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.classicnlp.TestData;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Sentence;
import org.junit.jupiter.api.Test;

/**
 * The perceptron tagger's fast path ({@link WordScores}: pre-summed rows per word type, a shared word cache)
 * tags exactly as the reference path (every feature looked up per token, the code the trainer uses), for
 * the shipped models, small trained models (stacked, beam) and concurrent taggers; on the shared data
 * (UD English EWT dev, People's Daily 1998 days 29-31) for every token.
 */
class PerceptronFastPathTest {

    private static final Corpus<Sentence> PD = Corpora.peoplesDaily(TestData.corpus("pos-train.pd98.txt"));

    private static List<String[]> sentences(Corpus<Sentence> c) {
        List<String[]> out = new ArrayList<>();
        c.forEach(s -> out.add(s.words().toArray(new String[0])));
        return out;
    }

    /** The sample sentences, and random sentences of their words (1-12 words: edges and new contexts). */
    private static List<String[]> samples() {
        List<String[]> out = new ArrayList<>(sentences(PD));
        out.addAll(sentences(Corpora.conllu(TestData.corpus("pos-sample.conllu"), Corpora.ConlluColumn.UPOS)));
        List<String> vocab = new ArrayList<>();
        out.forEach(s -> vocab.addAll(List.of(s)));
        vocab.addAll(List.of("Unseen", "WORDS", "2026", "未见过的词", "！"));
        Random r = new Random(5);
        for (int k = 0; k < 300; k++) {
            String[] s = new String[1 + r.nextInt(12)];
            for (int i = 0; i < s.length; i++) {
                s[i] = vocab.get(r.nextInt(vocab.size()));
            }
            out.add(s);
        }
        return out;
    }

    /** Tags every sentence twice by the fast path (cold, then cached entries) and compares with the reference. */
    private static long assertSame(String what, PerceptronTagger t, List<String[]> sentences) {
        long tokens = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (String[] s : sentences) {
                assertArrayEquals(t.tagIndicesReference(s), t.tagIndices(s), () -> what + ": " + String.join(" ", s));
                tokens += s.length;
            }
        }
        return tokens;
    }

    @Test
    void shippedModelsOnSamples() {
        List<String[]> s = samples();
        assertSame("zh", Taggers.chinese(), s);
        assertSame("en upos", Taggers.english(Taggers.EnglishTags.UPOS), s);
        assertSame("en xpos", Taggers.english(Taggers.EnglishTags.XPOS), s);
        assertSame("zh beam 3", Taggers.chinese().withBeam(3), s);
        assertSame("en upos beam 2", Taggers.english(Taggers.EnglishTags.UPOS).withBeam(2), s);
    }

    @Test
    void trainedModelsOnSamples() {
        List<String[]> s = samples();
        assertSame("plain", PerceptronTrainer.builder().epochs(5).build().fit(PD), s);
        PerceptronTagger stacked = PerceptronTrainer.builder().epochs(10).stacked(true).build().fit(PD);
        assertTrue(stacked.stacked());
        assertSame("stacked", stacked, s);
        assertSame("stacked beam 3", stacked.withBeam(3), s);
        assertSame("no lexicon", PerceptronTrainer.builder().epochs(5).lexiconMinCount(0).build().fit(PD), s);
        assertSame("empty sentence", stacked, List.<String[]>of(new String[0]));
    }

    @Test
    void concurrentTaggersShareTheWordCache() throws Exception {
        PerceptronTagger t = PerceptronTrainer.builder().epochs(5).stacked(true).build().fit(PD);
        List<String[]> s = samples();
        List<int[]> want = new ArrayList<>();
        s.forEach(x -> want.add(t.tagIndicesReference(x)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                int shift = k;
                done.add(pool.submit(() -> {
                    for (int rep = 0; rep < 5; rep++) {
                        for (int i = 0; i < s.size(); i++) {
                            int j = (i * 7 + shift * 13 + rep) % s.size();
                            assertArrayEquals(want.get(j), t.tagIndices(s.get(j)));
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(t.wordScores().cached() > 0);
        assertTrue(t.wordScores().cached() <= t.wordScores().capacity());
    }

    @Test
    void shippedModelsOnTheSharedData() {
        Path dev = TestData.require("ud/UD_English-EWT/en_ewt-ud-dev.conllu");
        Path pd = TestData.require("peoples-daily-1998/199801.txt.gz");
        List<String[]> ewt = sentences(Corpora.conllu(dev, Corpora.ConlluColumn.UPOS));
        assertEquals(2 * 25_147, assertSame("en upos, EWT dev", Taggers.english(Taggers.EnglishTags.UPOS), ewt));
        assertEquals(2 * 25_147, assertSame("en xpos, EWT dev", Taggers.english(Taggers.EnglishTags.XPOS), ewt));
        List<String[]> days = sentences(PosData.peoplesDailyDays(pd, 29, 31));
        assertEquals(2 * 44_922, assertSame("zh, People's Daily days 29-31", Taggers.chinese(), days));
    }
}
