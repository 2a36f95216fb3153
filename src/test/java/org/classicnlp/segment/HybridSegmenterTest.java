package org.classicnlp.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.classicnlp.TestData;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Token;
import org.classicnlp.lexicon.Lexicon;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HybridSegmenterTest {

    static HybridModel model;

    @BeforeAll
    static void train() {
        model = HybridModel.train(Corpora.sighan(TestData.corpus("seg-train.sighan.txt")));
    }

    private static HybridSegmenter trainedOnly() {
        return HybridSegmenter.builder().model(model).coreDictionary(false).build();
    }

    @Test
    void countsTrainingWords() {
        Lexicon words = model.trainingWords();
        assertEquals(6, words.frequency("学习"));
        assertEquals(5, words.frequency("北京"));
        assertFalse(words.contains("张小明"));
    }

    @Test
    void mostProbablePathOverTheDictionary() {
        // 北京大学 is not a training word; 北京 + 大学 are, and the path uses them.
        assertEquals(List.of("李小红", "在", "北京", "大学", "学习", "数学", "。"),
                trainedOnly().words("李小红在北京大学学习数学。"));
    }

    @Test
    void discoversNewWordsWithTheHmm() {
        String text = "张小明喜欢学习中文。";
        HybridSegmenter hybrid = trainedOnly();
        assertFalse(hybrid.lexicon().contains("张小明"));
        // Max-match over the same words leaves the unknown name in single characters ...
        assertEquals(List.of("张", "小", "明", "喜欢", "学习", "中文", "。"),
                new ForwardMaxMatch(hybrid.lexicon()).words(text));
        // ... the hybrid hands the run of single characters to the HMM, which joins the name.
        assertEquals(List.of("张小明", "喜欢", "学习", "中文", "。"), hybrid.words(text));
    }

    @Test
    void exactOffsetsAndAtomsInMixedText() {
        String text = " 我们用Python 3.11学习，http://example.com 很好！\n";
        List<Token> tokens = trainedOnly().segment(text);
        for (Token t : tokens) {
            assertEquals(text.substring(t.start(), t.end()), t.text());
        }
        List<String> words = tokens.stream().map(Token::text).toList();
        assertTrue(words.containsAll(List.of("我们", "Python", "3.11", "学习", "http://example.com", "！")), words.toString());
    }

    @Test
    void userDictionaryWordsJoinTheLattice() {
        Lexicon user = Lexicon.fromCounts("user", java.util.Map.of("北京大学", 50L));
        HybridSegmenter hybrid = HybridSegmenter.builder().model(model).coreDictionary(false).addDictionary(user).build();
        assertTrue(hybrid.words("李小红在北京大学学习。").contains("北京大学"));
    }

    @Test
    void wordListWordsGetASuggestedFrequencyThatBeatsTheirPieces() {
        Lexicon list = Lexicon.ofWords("list", List.of("北京大学", "中文"));
        HybridSegmenter hybrid = HybridSegmenter.builder().model(model).coreDictionary(false).addDictionary(list).build();
        assertTrue(hybrid.words("李小红在北京大学学习。").contains("北京大学"));
        // Only just: jieba's suggest_freq, floor(total · P(北京)·P(大学)) + 1 against the other sources.
        HybridSegmenter base = trainedOnly();
        double pieces = base.bestPathLogProb("北京大学");
        assertEquals((long) Math.floor(base.lexicon().totalFrequency() * Math.exp(pieces)) + 1,
                hybrid.lexicon().frequency("北京大学"));
        assertTrue(Math.log(hybrid.lexicon().frequency("北京大学") / (double) hybrid.lexicon().totalFrequency()) > pieces);
        assertEquals(model.trainingWords().frequency("中文") * HybridSegmenter.Builder.DEFAULT_TRAINING_WEIGHT,
                hybrid.lexicon().frequency("中文"), 1e-9);
    }

    @Test
    void saveLoadRoundTrip(@TempDir Path dir) {
        Path file = dir.resolve("hybrid.bin");
        model.save(file);
        HybridModel back = HybridModel.load(file);
        assertEquals(model.trainingWords().size(), back.trainingWords().size());
        assertEquals(model.trainingWords().frequency("老师"), back.trainingWords().frequency("老师"));
        // The HMM of a hybrid file also loads on its own.
        assertEquals(model.hmm().characters(), HmmModel.load(file).characters());
        String text = "张小明和王小华在北京大学学习历史。";
        assertEquals(trainedOnly().segment(text),
                HybridSegmenter.builder().model(back).coreDictionary(false).build().segment(text));
    }

    @Test
    void damagedHybridFilesFailNamingFileAndPlace(@TempDir Path dir) throws java.io.IOException {
        Path file = dir.resolve("hybrid.bin");
        model.save(file);
        Path hmm = dir.resolve("hmm.bin");
        model.hmm().save(hmm);
        org.classicnlp.core.ModelFileChecks.assertRejectsDamage(dir, file, "hybrid", HybridModel::load, hmm);
    }

    @Test
    void shippedModelsLoadFromTheClasspath() {
        assertTrue(HybridModel.defaultModel().trainingWordCount() > 50_000);
        assertTrue(HmmModel.defaultModel().characters() > 4_000);
    }

    @Test
    void searchModeEmitsInnerDictionaryWords() {
        Lexicon words = Lexicon.ofWords("test", List.of("中华", "华人", "人民", "共和", "共和国", "中华人民共和国", "成立"));
        HybridSegmenter hybrid = new HybridSegmenter(model.hmm(), words);
        String text = "中华人民共和国成立";
        List<Token> tokens = SearchSegmenter.of(hybrid).segment(text);
        assertEquals(List.of(
                new Token("中华", 0, 2), new Token("华人", 1, 3), new Token("人民", 2, 4), new Token("共和", 4, 6),
                new Token("共和国", 4, 7), new Token("中华人民共和国", 0, 7), new Token("成立", 7, 9)), tokens);
    }

    @Test
    void standardIsTheSharedDefaultAndHandlesTheExample() {
        assertSame(Segmenters.standard(), Segmenters.standard());
        assertSame(HybridSegmenter.standard(), Segmenters.create("hybrid"));
        assertEquals(List.of("中华", "华人", "人民", "共和", "共和国", "中华人民共和国"),
                SearchSegmenter.of(HybridSegmenter.standard()).words("中华人民共和国"));
    }
}
