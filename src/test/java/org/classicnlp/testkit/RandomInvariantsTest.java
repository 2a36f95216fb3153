package org.classicnlp.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.classicnlp.core.Token;
import org.classicnlp.testkit.RandomInvariants.Subject;
import org.classicnlp.testkit.SegmenterConformance.Invariant;
import org.classicnlp.testkit.SegmenterConformance.Options;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The randomized invariants in CI: 2,000 random texts through every subject of {@link RandomInvariants}, on
 * four threads, each output compared with the subject's twin (saved and loaded, or built again). The
 * million-text run is {@code bench/random_invariants.sh}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RandomInvariantsTest {

    static final int TEXTS = 2000;

    RandomInvariants all;

    @BeforeAll
    void build() {
        all = new RandomInvariants();
    }

    @AfterAll
    void close() {
        if (all != null) {
            all.close();
        }
    }

    List<Subject> subjects() {
        if (all == null) {
            build();
        }
        return all.subjects();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void invariantsHoldOnRandomText(Subject s) {
        SegmenterConformance.RandomRun r = SegmenterConformance.checkRandom(s.subject(), s.twin(), TEXTS, 11, 4, 60);
        assertEquals(TEXTS, r.texts());
        assertTrue(r.chars() > TEXTS * 10L, "random texts are not empty: " + r);
    }

    @Test
    void everyKindOfSubjectIsThere() {
        List<String> names = subjects().stream().map(Subject::name).toList();
        for (String part : List.of("segmenter hmm", "segmenter perceptron", "segmenter standard", "analyzer standard",
                "analyzer english", "tagger perceptron zh", "tagger perceptron en", "tagger hmm zh", "tagger hmm en",
                "n-gram tokens, unit word", "n-gram tokens, unit char")) {
            assertTrue(names.stream().anyMatch(n -> n.startsWith(part)), part + " in " + names);
        }
    }

    @Test
    void theKitCatchesABrokenSubjectAndATwinThatDiffers() {
        // a tokenizer that drops the last character: a coverage failure the kit must report with the text
        Invariant dropsLast = SegmenterConformance.tokensInvariant(text -> text.length() < 2 ? List.of()
                : List.of(new Token(text.substring(0, text.length() - 1), 0, text.length() - 1)), Options.WHITESPACE);
        AssertionError e = assertThrows(AssertionError.class, () -> SegmenterConformance.checkRandom(dropsLast, dropsLast,
                200, 1, 2, 40));
        // whichever invariant it breaks first (a split surrogate pair, a char in no token, a separator inside one)
        assertTrue(e.getMessage().contains("splits a surrogate pair") || e.getMessage().contains("in no token")
                || e.getMessage().contains("inside a token"), e.getMessage());
        // a twin that differs on some texts
        Invariant a = text -> text.length();
        Invariant b = text -> text.length() % 7 == 3 ? -1 : text.length();
        AssertionError d = assertThrows(AssertionError.class, () -> SegmenterConformance.checkRandom(a, b, 500, 1, 2, 40));
        assertTrue(d.getMessage().contains("twin"), d.getMessage());
        // an exception is a failure naming the text
        Invariant throwsOnLong = text -> {
            if (text.length() > 30) {
                throw new IllegalStateException("boom");
            }
            return 0;
        };
        AssertionError x = assertThrows(AssertionError.class, () -> SegmenterConformance.checkRandom(throwsOnLong,
                throwsOnLong, 500, 1, 2, 40));
        assertTrue(x.getMessage().contains("exception on") && x.getMessage().contains("boom"), x.getMessage());
    }
}
