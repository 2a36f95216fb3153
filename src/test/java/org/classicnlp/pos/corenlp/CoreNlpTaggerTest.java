package org.classicnlp.pos.corenlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.classicnlp.core.Token;
import org.junit.jupiter.api.Test;

/** Runs when CoreNLP and its models jar are on the test classpath (the pom puts them there); skips otherwise. */
class CoreNlpTaggerTest {

    private static void assumeCoreNlp() {
        assumeTrue(CoreNlpTagger.available(), "skipped: CoreNLP (edu.stanford.nlp:stanford-corenlp) is not on the test classpath");
        assumeTrue(CoreNlpTagger.modelAvailable(CoreNlpTagger.ENGLISH_LEFT3WORDS),
                "skipped: CoreNLP's models jar (" + CoreNlpTagger.ENGLISH_LEFT3WORDS + ") is not on the test classpath");
    }

    @Test
    void tagsEnglishWithPennTags() {
        assumeCoreNlp();
        CoreNlpTagger t = CoreNlpTagger.englishLeft3Words();
        assertEquals(List.of("DT", "JJ", "NN", "VBZ", "IN", "DT", "JJ", "NN", "."),
                t.tagWords(List.of("The", "quick", "fox", "jumps", "over", "the", "lazy", "dog", ".")));
        assertTrue(t.tagSet().containsAll(List.of("NN", "NNP", "VBD", "JJ", "IN", "DT")), "Penn tag set: " + t.tagSet());
        assertEquals(List.of(), t.tagWords(List.of()));
        // tokens keep text and offsets; pre-tokenized words are never re-split
        List<Token> in = List.of(new Token("She", 0, 3), new Token("ran", 4, 7), new Token("home", 8, 12));
        List<Token> out = t.tag(in);
        assertEquals(3, out.size());
        assertEquals(new Token("She", 0, 3, "PRP"), out.get(0));
        assertEquals("VBD", out.get(1).tag());
        assertEquals(8, out.get(2).start());
    }

    @Test
    void missingModelIsAClearError() {
        assumeTrue(CoreNlpTagger.available(), "skipped: CoreNLP (edu.stanford.nlp:stanford-corenlp) is not on the test classpath");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CoreNlpTagger.load("no/such/model.tagger"));
        assertTrue(e.getMessage().contains("no/such/model.tagger"), e.getMessage());
    }
}
