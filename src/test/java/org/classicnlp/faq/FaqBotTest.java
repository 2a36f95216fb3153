package org.classicnlp.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.classicnlp.TestData;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.CorpusFormatException;
import org.classicnlp.core.Hit;
import org.classicnlp.index.Bm25Index;
import org.classicnlp.tfidf.TfidfModel;
import org.classicnlp.tfidf.TfidfVectorizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaqBotTest {

    @TempDir
    Path tmp;

    static double precisionAt1(FaqBot bot, List<FaqBot.Entry> test) {
        int right = 0;
        for (FaqBot.Entry t : test) {
            if (bot.answer(t.question()).id().equals(t.answer())) {
                right++;
            }
        }
        return (double) right / test.size();
    }

    @Test
    void answersParaphrasesInBothLanguages() {
        for (String lang : List.of("en", "zh")) {
            List<FaqBot.Entry> faq = FaqBot.read(TestData.corpus("faq-" + lang + ".jsonl"));
            List<FaqBot.Entry> test = FaqBot.read(TestData.corpus("faq-" + lang + "-test.jsonl"));
            assertEquals(20, faq.size());
            assertEquals(40, test.size());
            FaqBot bm25 = FaqBot.bm25(faq, Bm25Index.defaultAnalyzer());
            // every stored question finds itself
            for (FaqBot.Entry e : faq) {
                assertEquals(e.answer(), bm25.answer(e.question()).id(), e.question());
            }
            // floors under what we measure (README: BM25 zh 0.375, en 0.25; TF-IDF 0.40, 0.275) and four times
            // chance (1 in 20), so a broken ranking fails
            assertTrue(precisionAt1(bm25, test) >= 0.2, lang + " " + precisionAt1(bm25, test));
            TfidfModel tfidf = TfidfVectorizer.builder().analyzer(Bm25Index.defaultAnalyzer()).sublinearTf(true)
                    .build().fit(() -> faq.stream().map(e -> new org.classicnlp.core.Document("", e.question())));
            FaqBot dense = FaqBot.embedded(faq, tfidf);
            assertTrue(precisionAt1(dense, test) >= 0.2, lang + " tfidf " + precisionAt1(dense, test));
        }
    }

    @Test
    void thresholdAndNoAnswerReply() {
        List<FaqBot.Entry> faq = List.of(new FaqBot.Entry("how do I reset my password", "Use the reset link."),
                new FaqBot.Entry("where is my order", "See the Orders page."));
        FaqBot bot = FaqBot.bm25(faq, Analyzer.standard());
        Hit h = bot.answer("reset password please");
        assertEquals("Use the reset link.", h.id());
        assertTrue(h.score() > 0);
        FaqBot strict = bot.withThreshold(h.score() + 0.001).withNoAnswer("no idea");
        assertEquals(new Hit("no idea", h.score()), strict.answer("reset password please"));
        assertEquals(new Hit("no idea", 0), strict.answer("zebra"));
        assertEquals("Use the reset link.", bot.withThreshold(-5).answer("reset password please").id());
    }

    @Test
    void badLinesNameFileAndLine() throws Exception {
        Path f = tmp.resolve("faq.jsonl");
        Files.writeString(f, "{\"question\":\"q\",\"answer\":\"a\"}\n\n{\"question\":\"q2\"}\n");
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> FaqBot.read(f));
        assertTrue(e.getMessage().contains(f + ":3") || e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("answer"), e.getMessage());
    }
}
