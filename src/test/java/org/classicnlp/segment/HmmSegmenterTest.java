package org.classicnlp.segment;

import org.classicnlp.core.ModelFormatException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.classicnlp.TestData;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Token;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HmmSegmenterTest {

    static HmmModel model;

    @BeforeAll
    static void train() {
        model = HmmModel.train(Corpora.sighan(TestData.corpus("seg-train.sighan.txt")));
    }

    @Test
    void illegalStartsAndTransitionsAreImpossible() {
        assertEquals(Double.NEGATIVE_INFINITY, model.logStart(HmmModel.M));
        assertEquals(Double.NEGATIVE_INFINITY, model.logStart(HmmModel.E));
        assertTrue(model.logStart(HmmModel.B) > Double.NEGATIVE_INFINITY);
        assertTrue(model.logStart(HmmModel.S) > Double.NEGATIVE_INFINITY);
        int[][] illegal = {{0, 0}, {0, 3}, {1, 0}, {1, 3}, {2, 1}, {2, 2}, {3, 1}, {3, 2}};
        for (int[] t : illegal) {
            assertEquals(Double.NEGATIVE_INFINITY, model.logTransition(t[0], t[1]), () -> t[0] + "->" + t[1]);
        }
        int[][] legal = {{0, 1}, {0, 2}, {1, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 0}, {3, 3}};
        for (int[] t : legal) {
            assertTrue(model.logTransition(t[0], t[1]) > Double.NEGATIVE_INFINITY, () -> t[0] + "->" + t[1]);
        }
    }

    @Test
    void unseenCharactersGetAFiniteSmoothedEmission() {
        char unseen = '龘';
        for (int s = 0; s < 4; s++) {
            double e = model.logEmission(s, unseen);
            assertTrue(e > Double.NEGATIVE_INFINITY && e < model.logEmission(s, '学'), "state " + s);
        }
        // A sentence made only of unseen characters still gets a legal segmentation.
        List<Token> tokens = new HmmSegmenter(model).segment("龘靐齉爩");
        assertEquals("龘靐齉爩", String.join("", tokens.stream().map(Token::text).toList()));
    }

    @Test
    void viterbiTagsFormLegalSequences() {
        HmmModel.Work work = new HmmModel.Work();
        char[] text = "我们喜欢学习中文张小明在北京大学龘".toCharArray();
        model.tag(text, 0, text.length, work);
        int prev = -1;
        for (int t = 0; t < text.length; t++) {
            int tag = work.tags[t];
            if (prev < 0) {
                assertTrue(tag == HmmModel.B || tag == HmmModel.S, "start tag " + tag);
            } else {
                assertTrue(HmmModel.legal(prev, tag), prev + "->" + tag + " at " + t);
            }
            prev = tag;
        }
        assertTrue(prev == HmmModel.E || prev == HmmModel.S, "end tag " + prev);
    }

    @Test
    void segmentsTrainingPatterns() {
        HmmSegmenter seg = new HmmSegmenter(model);
        assertEquals(List.of("我们", "喜欢", "学习", "中文", "。"), seg.words("我们喜欢学习中文。"));
    }

    @Test
    void keepsAtomsAndExactOffsets() {
        String text = "我们用 Java 2.0学习，ｗｗｗ  中文。\t他们";
        List<Token> tokens = new HmmSegmenter(model).segment(text);
        for (Token t : tokens) {
            assertEquals(text.substring(t.start(), t.end()), t.text());
            assertFalse(t.text().isBlank());
        }
        List<String> words = tokens.stream().map(Token::text).toList();
        assertTrue(words.contains("Java"), words.toString());
        assertTrue(words.contains("2.0"), words.toString());
        assertTrue(words.contains("ｗｗｗ"), words.toString());
        assertTrue(words.contains("，"), words.toString());
        assertEquals("他们", words.get(words.size() - 1));
        // Offsets in text order, no overlaps.
        for (int k = 1; k < tokens.size(); k++) {
            assertTrue(tokens.get(k).start() >= tokens.get(k - 1).end());
        }
    }

    @Test
    void trainsFromPeoplesDailyFormatWithWidthFolding() {
        HmmModel pd = HmmModel.train(Corpora.peoplesDaily(TestData.corpus("seg-train.pd98.txt")));
        // Full-width digits are not Han: the run breaks there and they are not emitted by the HMM.
        assertEquals(pd.logEmission(HmmModel.S, '龘'), pd.logEmission(HmmModel.S, '１'));
        assertTrue(pd.logEmission(HmmModel.B, '北') > pd.logEmission(HmmModel.B, '龘'));
        assertEquals(List.of("北京", "大学", "有", "123", "位", "老师", "。"),
                new HmmSegmenter(pd).words("北京大学有123位老师。"));
    }

    @Test
    void saveLoadRoundTrip(@TempDir Path dir) {
        Path file = dir.resolve("m.bin");
        model.save(file);
        HmmModel back = HmmModel.load(file);
        assertEquals(model.characters(), back.characters());
        for (int s = 0; s < 4; s++) {
            assertEquals(model.logStart(s), back.logStart(s));
            for (int t = 0; t < 4; t++) {
                assertEquals(model.logTransition(s, t), back.logTransition(s, t));
            }
            for (char c : "我们喜欢龘".toCharArray()) {
                assertEquals(model.logEmission(s, c), back.logEmission(s, c));
            }
        }
        String text = "张大明和王小华今天在上海学习数学。";
        assertEquals(new HmmSegmenter(model).segment(text), new HmmSegmenter(back).segment(text));
    }

    @Test
    void damagedForeignAndOtherKindFilesFailNamingFileAndPlace(@TempDir Path dir) throws IOException {
        Path hmm = dir.resolve("m.bin");
        model.save(hmm);
        Path lexicon = dir.resolve("words.lexicon");
        org.classicnlp.lexicon.Lexicon.ofWords("w", List.of("我们", "喜欢")).save(lexicon);
        org.classicnlp.core.ModelFileChecks.assertRejectsDamage(Files.createDirectories(dir.resolve("hmm")), hmm,
                "hmm", HmmModel::load, lexicon);
        // An HMM-only file is not a hybrid model; the HMM of a hybrid file is an HMM.
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> HybridModel.load(hmm));
        assertTrue(e.getMessage().contains("is a hmm model (kind tag at byte 13), expected hybrid"), e.getMessage());
    }

    @Test
    void concurrentUseGivesTheSameResults() throws Exception {
        HmmSegmenter seg = new HmmSegmenter(model);
        List<String> texts = List.of("我们喜欢学习中文。", "张大明今天在学校上课。", "王小华明天去上海。", "北京是中国的首都。");
        List<List<Token>> expected = texts.stream().map(seg::segment).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int k = 0; k < 16; k++) {
                results.add(pool.submit(() -> {
                    for (int r = 0; r < 200; r++) {
                        for (int i = 0; i < texts.size(); i++) {
                            if (!seg.segment(texts.get(i)).equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shippedModelLoadsFromTheClasspath() {
        HmmModel shipped = HmmModel.defaultModel();
        assertTrue(shipped.characters() > 4000, "characters: " + shipped.characters());
        assertArrayEquals(new String[] {"我们", "是", "中国", "人"},
                new HmmSegmenter(shipped).words("我们是中国人").toArray());
    }
}
