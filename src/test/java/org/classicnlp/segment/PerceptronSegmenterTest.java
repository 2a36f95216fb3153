package org.classicnlp.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.classicnlp.TestData;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Sentence;
import org.classicnlp.lexicon.Lexicon;
import org.classicnlp.testkit.SegmenterConformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The perceptron segmenter trained on the small corpora of this repository, and the shipped model. */
class PerceptronSegmenterTest {

    @TempDir
    Path tmp;

    private final Corpus<Sentence> sighan = Corpora.sighan(TestData.corpus("seg-train.sighan.txt"));
    private final Corpus<Sentence> pd98 = Corpora.peoplesDaily(TestData.corpus("seg-train.pd98.txt"));

    private static PerceptronSegmenter train(Corpus<Sentence> corpus, int threads) {
        return PerceptronSegmenterTrainer.builder().epochs(8).threads(threads).dictionaryMinCount(1)
                .featureMinCount(1).build().fit(corpus);
    }

    @Test
    void learnsTheTrainingSegmentation() {
        PerceptronSegmenter p = train(sighan, 2);
        assertEquals(List.of("我们", "喜欢", "学习", "中文", "。"), p.words("我们喜欢学习中文。"));
        assertEquals(List.of("张大明", "是", "我们", "的", "老师", "。"), p.words("张大明是我们的老师。"));
        // a new combination of known words
        assertEquals(List.of("李小红", "喜欢", "历史", "。"), p.words("李小红喜欢历史。"));
    }

    @Test
    void peoplesDailyCompoundsAreTheirInnerWordsAndNumbersStayWhole() {
        PerceptronSegmenter p = train(pd98, 1);
        assertEquals(List.of("北京", "大学", "有", "１２３", "位", "老师", "。"), p.words("北京大学有１２３位老师。"));
        assertEquals(List.of("张", "大明", "是", "我们", "的", "老师", "。"), p.words("张大明是我们的老师。"));
    }

    @Test
    void saveLoadRoundTripIsTheSameModel() throws IOException {
        PerceptronSegmenter p = train(sighan, 2);
        Path file = tmp.resolve("p.bin");
        p.save(file);
        PerceptronSegmenter q = PerceptronSegmenter.load(file);
        assertTrue(p.sameModel(q));
        for (Sentence s : sighan.stream().toList()) {
            assertEquals(p.words(s.text()), q.words(s.text()));
        }
        // saving the loaded copy gives the same bytes
        Path again = tmp.resolve("q.bin");
        q.save(again);
        assertEquals(List.of(Files.readAllBytes(file).length), List.of(Files.readAllBytes(again).length));
        org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again));
    }

    @Test
    void deterministicForASeedWhateverTheThreads() {
        assertTrue(train(sighan, 1).sameModel(train(sighan, 3)));
        PerceptronSegmenter other = PerceptronSegmenterTrainer.builder().epochs(8).seed(7).dictionaryMinCount(1)
                .featureMinCount(1).build().fit(sighan);
        assertFalse(train(sighan, 1).sameModel(other), "another shuffle seed gives other averaged weights");
    }

    @Test
    void devCorpusStopsEarlyAndReportsProgress() {
        List<String> stages = new ArrayList<>();
        List<Long> devF1 = new ArrayList<>();
        PerceptronSegmenterTrainer.builder().epochs(30).patience(2).build().fit(sighan, sighan, (stage, done, total) -> {
            stages.add(stage);
            if (stage.equals("dev-f1")) {
                devF1.add(done);
                assertEquals(1_000_000, total);
            }
        });
        assertTrue(stages.contains("read") && stages.contains("features") && stages.contains("train"), stages.toString());
        assertTrue(devF1.size() < 30, "stopped early: " + devF1);
        assertTrue(devF1.stream().mapToLong(Long::longValue).max().getAsLong() > 900_000, devF1.toString());
    }

    @Test
    void userDictionaryWordsArePreferred() {
        PerceptronSegmenter p = train(sighan, 1);
        // not a training word: the model has never seen it as one word
        PerceptronSegmenter withWords = p.withDictionary(Lexicon.ofWords("user", List.of("天安门")));
        assertEquals(p.dictionarySize() + 1, withWords.dictionarySize());
        assertFalse(p.words("我们去天安门。").contains("天安门"), p.words("我们去天安门。").toString());
        assertTrue(withWords.words("我们去天安门。").contains("天安门"), withWords.words("我们去天安门。").toString());
    }

    @Test
    void passesTheConformanceKit() {
        PerceptronSegmenter p = train(sighan, 1);
        SegmenterConformance.checkRandomText(p, 30, SegmenterConformance.Options.SEGMENTER);
        SegmenterConformance.assertSegments(p, "我们 喜欢ok 2.0版", "我们", "喜欢", "ok", "2.0", "版");
    }

    @Test
    void emptyCorpusIsAClearError() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.txt"), "\n\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PerceptronSegmenterTrainer.builder().build().fit(Corpora.sighan(empty)));
        assertTrue(e.getMessage().contains("no word"), e.getMessage());
    }

    @Test
    void damagedOrForeignFilesAreRejected() throws IOException {
        Path file = tmp.resolve("p.bin");
        train(sighan, 1).save(file);
        Path hmm = tmp.resolve("hmm.bin");
        HmmModel.train(sighan).save(hmm);
        org.classicnlp.core.ModelFileChecks.assertRejectsDamage(Files.createDirectories(tmp.resolve("damage")), file,
                "perceptron-seg", PerceptronSegmenter::load, hmm);
    }

    @Test
    void shippedModelSegmentsNewsText() {
        PerceptronSegmenter p = PerceptronSegmenter.defaultModel();
        assertEquals(List.of("中国", "人民", "银行", "今天", "宣布", "降息", "。"), p.words("中国人民银行今天宣布降息。"));
        // Traditional characters are read as Simplified; tokens keep the original text
        assertEquals(List.of("後來", "的", "發展"), p.words("後來的發展"));
    }

    @Test
    void standardFromBuildImagesIsTheMergeOfTheShippedModelAndHanlpCore() throws IOException {
        PerceptronSegmenter standard = PerceptronSegmenter.standard();
        PerceptronSegmenter merged = PerceptronSegmenter.mergeStandard();
        assertTrue(PerceptronSegmenter.class.getResource(PerceptronSegmenter.STANDARD_TABLES) != null,
                "the build writes " + PerceptronSegmenter.STANDARD_TABLES);
        assertTrue(standard.sameModel(merged), "image-loaded standard differs from the run-time merge");
        assertTrue(standard.traditionalToSimplified());
        assertTrue(standard.dictionarySize() > PerceptronSegmenter.defaultModel().dictionarySize() + 40_000);
        assertTrue(Segmenters.standard() == standard && Segmenters.byName("standard") == standard);
        for (String line : Files.readAllLines(Path.of("corpora/news-zh-en.txt"))) {
            assertEquals(merged.segment(line), standard.segment(line), line);
        }
        // HanLP's core dictionary makes it prefer the dictionary's word where the plain model cuts it.
        assertEquals(List.of("我", "爱", "北京", "天安门"), standard.segment("我爱北京天安门").stream()
                .map(t -> t.text()).toList());
    }

    @Test
    void damagedStandardImageIsRefusedWithItsName(@TempDir Path dir) throws IOException {
        Path image = dir.resolve("std.tables");
        PerceptronSegmenter.defaultModel().saveImage(image);
        byte[] all = Files.readAllBytes(image);
        PerceptronSegmenter back = PerceptronSegmenter.loadImage(Files.newInputStream(image), image.toString(),
                () -> PerceptronSegmenter.defaultModel().dictionary(), true);
        assertTrue(back.sameModel(PerceptronSegmenter.defaultModel()));
        Files.write(image, java.util.Arrays.copyOf(all, all.length - 100));
        var e = assertThrows(org.classicnlp.core.ModelFormatException.class, () -> PerceptronSegmenter.loadImage(
                Files.newInputStream(image), image.toString(), () -> PerceptronSegmenter.defaultModel().dictionary(),
                true));
        assertTrue(e.getMessage().contains(image.toString()), e.getMessage());
    }
}
