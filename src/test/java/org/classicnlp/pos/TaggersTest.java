package org.classicnlp.pos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.classicnlp.TestData;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.AnalyzerSpec;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.ModelFileChecks;
import org.classicnlp.core.ModelFormatException;
import org.classicnlp.core.Sentence;
import org.classicnlp.core.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaggersTest {

    private static final Corpus<Sentence> PD = Corpora.peoplesDaily(TestData.corpus("pos-train.pd98.txt"));
    private static final Corpus<Sentence> UD = Corpora.conllu(TestData.corpus("pos-sample.conllu"),
            Corpora.ConlluColumn.XPOS);

    private static List<Tagger> trained() {
        // 10 epochs with the lexicon: on 56 tokens the character-profile features (version 5), shared by the
        // words of a char, take a few more passes to fit every token (5 epochs: 53 of 56)
        return List.of(
                PerceptronTrainer.builder().epochs(10).build().fit(PD),
                PerceptronTrainer.builder().epochs(10).stacked(true).build().fit(PD),
                PerceptronTrainer.builder().epochs(10).build().fit(PD).withBeam(3),
                HmmTaggerTrainer.builder().build().fit(PD),
                HmmTaggerTrainer.builder().specialize(0).build().fit(PD),
                PerceptronTrainer.builder().epochs(5).lexiconMinCount(0).build().fit(PD));
    }

    @Test
    void codebookKeepsSignAndMagnitudeWithinAFewPerCent() {
        java.util.Random r = new java.util.Random(7);
        float[] w = new float[20_000];
        for (int i = 0; i < w.length; i++) {
            // heavy-tailed, both signs, five decades, as averaged perceptron weights
            w[i] = (float) ((r.nextBoolean() ? 1 : -1) * 0.01 * Math.pow(10, 5 * r.nextDouble()));
        }
        PerceptronTagger.Codebook c = PerceptronTagger.Codebook.of(w);
        assertEquals(256, c.levels().length);
        for (int i = 0; i < w.length; i++) {
            float q = c.levels()[c.codes()[i] & 0xFF];
            assertEquals(Math.signum(w[i]), Math.signum(q), "sign of " + w[i]);
            assertTrue(Math.abs(q - w[i]) <= 0.05 * Math.abs(w[i]), w[i] + " -> " + q);
        }
        assertEquals(0, PerceptronTagger.Codebook.of(new float[0]).codes().length);
    }

    @Test
    void specializedStatesAreTheFrequentWordsOwn() {
        HmmTagger plain = HmmTaggerTrainer.builder().specialize(0).build().fit(PD);
        HmmTagger special = HmmTaggerTrainer.builder().specialize(30).build().fit(PD);
        assertEquals(0, plain.specializedStates());
        assertTrue(special.specializedStates() > 0 && special.specializedStates() <= 30, special.toString());
        assertEquals(plain.tagSet(), special.tagSet());
        // output tags are the tag set's, never a specialized state
        for (String tag : special.tagWords(List.of("我们", "在", "北京", "学习", "。"))) {
            assertTrue(special.tagSet().contains(tag), tag);
        }
        assertThrows(IllegalArgumentException.class, () -> HmmTaggerTrainer.builder().specialize(401));
    }

    @Test
    void conlluReaderSkipsRangesAndEmptyNodes() {
        List<Sentence> s = new ArrayList<>();
        UD.forEach(s::add);
        assertEquals(4, s.size());
        assertEquals("s2", s.get(1).id());
        assertEquals(List.of("I", "do", "n't", "like", "dogs", "."), s.get(1).words());
        assertEquals("VBP", s.get(1).tokens().get(1).tag());
        assertEquals(List.of("The", "dog", "sleeps", "on", "the", "mat", "."), s.get(2).words());
        List<Sentence> upos = new ArrayList<>();
        Corpora.conllu(TestData.corpus("pos-sample.conllu"), Corpora.ConlluColumn.UPOS).forEach(upos::add);
        assertEquals("AUX", upos.get(1).tokens().get(1).tag());
    }

    @Test
    void taggersLearnTheirTrainingData() {
        for (Tagger t : trained()) {
            TagScore score = TagScorer.evaluate(t, PD, TagScorer.vocabulary(PD));
            assertTrue(score.accuracy() >= 0.95, t + ": " + score);
            assertEquals(score.tokens(), score.knownTokens());
            if (!(t instanceof PerceptronTagger p && p.beam() > 1)) {
                // a new sentence of training words (他 在 北京 工作, 我们 在 上海 学习); with the version-5
                // templates, 我们 在 北京 学习 gets 在/v from the plain perceptron: on 56 tokens the context of
                // 我们 (followed by 喜欢/v and 在/p) outweighs 在's own weights
                List<String> tags = t.tagWords(List.of("他", "在", "上海", "学习", "。"));
                assertEquals(List.of("r", "p", "ns", "v", "w"), tags, t.toString());
            }
        }
        // Bracketed compounds are read as their inner words with their own tags.
        Sentence second = PD.stream().skip(1).findFirst().orElseThrow();
        assertEquals(List.of("中央", "人民", "广播", "电台", "今天", "播出", "新闻", "。"), second.words());
        assertEquals("vn", second.tokens().get(2).tag());
        Tagger en = PerceptronTrainer.builder().epochs(5).build().fit(UD);
        assertEquals(List.of("DT", "NN", "VBZ", "."), en.tagWords(List.of("The", "cat", "sleeps", ".")));
    }

    @Test
    void unknownWordsGetATagAndEmptyInputWorks() {
        for (Tagger t : trained()) {
            assertEquals(List.of(), t.tagWords(List.of()));
            List<String> tags = t.tagWords(List.of("王", "大为", "喜欢", "广州", "。"));
            assertEquals(5, tags.size());
            assertTrue(t.tagSet().containsAll(tags));
        }
    }

    @Test
    void tagsTokensAndPlugsIntoTheAnalyzer() {
        Tagger t = PerceptronTrainer.builder().epochs(5).build().fit(PD);
        List<Token> tokens = List.of(new Token("北京", 3, 5), new Token("很", 5, 6));
        List<Token> tagged = t.tag(tokens);
        assertEquals(new Token("北京", 3, 5, "ns"), tagged.get(0));
        assertEquals(5, tagged.get(1).start());
        Analyzer a = Analyzer.builder(AnalyzerSpec.of("whitespace")).tagger(t).tags(List.of("ns", "nz")).build();
        assertEquals(List.of("北京", "中文"), a.analyze("我们 在 北京 学习 中文 。").stream().map(Token::text).toList());
    }

    @Test
    void saveLoadRoundTripAndDamage(@TempDir Path dir) throws IOException {
        List<List<String>> probes = List.of(List.of("我们", "在", "北京", "学习", "。"),
                List.of("王", "大为", "喜欢", "广州", "工作", "。"), List.of("经济", "发展", "很", "快"));
        int k = 0;
        for (Tagger t : trained()) {
            Path file = dir.resolve("t" + k++ + ".bin");
            if (t instanceof PerceptronTagger p) {
                p.save(file);
                PerceptronTagger back = PerceptronTagger.load(file).withBeam(p.beam());
                assertEquals(p.features(), back.features());
                assertEquals(p.stacked(), back.stacked());
            } else {
                ((HmmTagger) t).save(file);
                assertEquals(((HmmTagger) t).vocabularySize(), HmmTagger.load(file).vocabularySize());
            }
            Tagger back = Taggers.load(file);
            if (t instanceof PerceptronTagger p) {
                back = ((PerceptronTagger) back).withBeam(p.beam());
            }
            for (List<String> probe : probes) {
                assertEquals(t.tagWords(probe), back.tagWords(probe));
            }
            byte[] saved = Files.readAllBytes(file);
            ((t instanceof PerceptronTagger p) ? (Runnable) () -> p.save(dir.resolve("again.bin"))
                    : (Runnable) () -> ((HmmTagger) t).save(dir.resolve("again.bin"))).run();
            assertTrue(java.util.Arrays.equals(saved, Files.readAllBytes(dir.resolve("again.bin"))), "deterministic");
        }
        Path hmmSegmenter = Path.of("models/hmm-pd98-199801.bin");
        PerceptronTagger p = PerceptronTrainer.builder().epochs(2).build().fit(PD);
        Path pf = dir.resolve("p.bin");
        p.save(pf);
        ModelFileChecks.assertRejectsDamage(dir, pf, "pos-perceptron", PerceptronTagger::load, hmmSegmenter);
        HmmTagger h = HmmTaggerTrainer.builder().build().fit(PD);
        Path hf = dir.resolve("h.bin");
        h.save(hf);
        ModelFileChecks.assertRejectsDamage(dir, hf, "pos-hmm", HmmTagger::load, pf);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Taggers.load(hmmSegmenter));
        assertTrue(e.getMessage().contains("is a hmm model"), e.getMessage());
        assertInstanceOf(HmmTagger.class, Taggers.load(hf));
    }

    @Test
    void tagDictionaryAfterTrainingOnlySkipsScoring(@TempDir Path dir) {
        for (boolean stacked : new boolean[] {false, true}) {
            PerceptronTagger plain = PerceptronTrainer.builder().epochs(3).stacked(stacked).tagDictionary(0, 0.97)
                    .build().fit(PD);
            PerceptronTagger after = PerceptronTrainer.builder().epochs(3).stacked(stacked).tagDictionary(2, 0.9)
                    .tagDictionaryInTraining(false).build().fit(PD);
            PerceptronTagger during = PerceptronTrainer.builder().epochs(3).stacked(stacked).tagDictionary(2, 0.9)
                    .build().fit(PD);
            assertEquals(0, plain.tagDictionarySize());
            assertTrue(after.tagDictionarySize() > 3, "dictionary words: " + after.tagDictionarySize());
            assertEquals(during.tagDictionarySize(), after.tagDictionarySize());
            // trained on every token: the weights are the plain model's; only the dictionary was added
            assertEquals(plain.features(), after.features());
            assertEquals(stacked ? plain.first().features() : -1, stacked ? after.first().features() : -1);
            assertEquals(after.tagDictionarySize(), stacked ? after.first().tagDictionarySize() : after.tagDictionarySize());
            Path file = dir.resolve("after-" + stacked + ".bin");
            after.save(file);
            PerceptronTagger back = PerceptronTagger.load(file);
            assertEquals(after.tagDictionarySize(), back.tagDictionarySize());
            int dictTagged = 0;
            List<List<String>> sentences = new ArrayList<>();
            PD.forEach(s -> sentences.add(s.words()));
            for (List<String> words : sentences) {
                String[] w = words.toArray(new String[0]);
                int[] fast = after.tagIndices(w);
                assertTrue(java.util.Arrays.equals(after.tagIndicesReference(w), fast), words.toString());
                assertTrue(java.util.Arrays.equals(fast, back.tagIndices(w)), words.toString());
                for (int i = 0; i < w.length; i++) {
                    int d = after.dictionaryTag(w[i]);
                    if (d >= 0) {
                        assertEquals(d, fast[i], w[i]);
                        dictTagged++;
                    }
                }
            }
            assertTrue(dictTagged > 20, "tokens tagged by the dictionary: " + dictTagged);
        }
    }

    @Test
    void oneModelManyThreads() throws Exception {
        List<List<String>> sentences = new ArrayList<>();
        PD.forEach(s -> sentences.add(s.words()));
        sentences.add(List.of("王", "大为", "喜欢", "广州", "工作", "。"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Tagger t : trained()) {
                List<List<String>> expected = sentences.stream().map(t::tagWords).toList();
                List<Future<Boolean>> futures = new ArrayList<>();
                for (int k = 0; k < 8; k++) {
                    futures.add(pool.submit(() -> {
                        for (int rep = 0; rep < 200; rep++) {
                            for (int i = 0; i < sentences.size(); i++) {
                                if (!t.tagWords(sentences.get(i)).equals(expected.get(i))) {
                                    return false;
                                }
                            }
                        }
                        return true;
                    }));
                }
                for (Future<Boolean> f : futures) {
                    assertTrue(f.get(), t.toString());
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void trainerRejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> PerceptronTrainer.builder().epochs(0));
        assertThrows(IllegalArgumentException.class, () -> PerceptronTrainer.builder().build()
                .fit(() -> java.util.stream.Stream.of(Sentence.ofWords("1", List.of("a"), null))));
        assertThrows(IllegalArgumentException.class, () -> HmmTaggerTrainer.builder().build()
                .fit(() -> java.util.stream.Stream.empty()));
    }

    @Test
    void taggedTextFormat() {
        TaggedText.Line l = TaggedText.parse("19980101-01-001-002/m  [中央/n  人民/n]nt  播出/v  and/or/CC");
        assertEquals(List.of("中央", "人民", "播出", "and/or"), l.words());
        assertEquals(List.of("n", "n", "v", "CC"), l.tags());
        assertEquals("a/x b/y", TaggedText.format(List.of("a", "b"), List.of("x", "y")));
        assertThrows(IllegalArgumentException.class, () -> TaggedText.parse("word/TAG oops"));
    }
}
