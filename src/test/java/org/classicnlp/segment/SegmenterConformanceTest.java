package org.classicnlp.segment;

import static org.classicnlp.testkit.SegmenterConformance.assertSegments;
import static org.classicnlp.testkit.SegmenterConformance.checkRandomText;

import java.util.List;
import java.util.stream.Stream;
import org.classicnlp.lexicon.LexiconLoaders;
import org.classicnlp.testkit.SegmenterConformance;
import org.classicnlp.testkit.SegmenterConformance.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every segmenter through the conformance kit, and the character-class cases it found. */
class SegmenterConformanceTest {

    static Stream<Arguments> segmenters() {
        return Stream.of(
                Arguments.of("fmm", Segmenters.create("fmm"), Options.SEGMENTER),
                Arguments.of("bmm", Segmenters.create("bmm"), Options.SEGMENTER),
                Arguments.of("bimm", Segmenters.create("bimm"), Options.SEGMENTER),
                Arguments.of("fmm classic", new ForwardMaxMatch(LexiconLoaders.hanlpCore(), MatchRules.CLASSIC), Options.SEGMENTER),
                Arguments.of("bmm classic", new BackwardMaxMatch(LexiconLoaders.hanlpCore(), MatchRules.CLASSIC), Options.SEGMENTER),
                Arguments.of("bimm classic", new BidirectionalMaxMatch(LexiconLoaders.hanlpCore(), MatchRules.CLASSIC), Options.SEGMENTER),
                Arguments.of("hmm", Segmenters.create("hmm"), Options.SEGMENTER),
                Arguments.of("hybrid", Segmenters.create("hybrid"), Options.SEGMENTER),
                Arguments.of("perceptron", Segmenters.create("perceptron"), Options.SEGMENTER),
                Arguments.of("search", SearchSegmenter.of(HybridSegmenter.standard()), Options.OVERLAPPING),
                Arguments.of("english", EnglishTokenizer.INSTANCE, Options.SEGMENTER),
                Arguments.of("whitespace", WhitespaceTokenizer.INSTANCE, Options.WHITESPACE),
                Arguments.of("standard", Segmenters.standard(), Options.SEGMENTER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("segmenters")
    void randomText(String name, Segmenter segmenter, Options options) {
        checkRandomText(segmenter, 50, options);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("segmenters")
    void whitespaceIsNeverAToken(String name, Segmenter segmenter, Options options) {
        for (String space : List.of("\u2007", "\u202F", "\u0085", "\u00A0", "\u3000", "\u2028")) {
            SegmenterConformance.checkText(segmenter, "中" + space + "a" + space + space + "1" + space, options);
            if (!name.contains("classic")) {
                assertSegments0(segmenter, "中" + space + "ab", "中", "ab");
            }
        }
    }

    private static void assertSegments0(Segmenter segmenter, String text, String... words) {
        org.junit.jupiter.api.Assertions.assertEquals(List.of(words), segmenter.words(text), text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("segmenters")
    void emojiSequencesStayOneToken(String name, Segmenter segmenter, Options options) {
        if (segmenter == WhitespaceTokenizer.INSTANCE) {
            return; // it splits on white space only, so these stay whole trivially
        }
        for (String emoji : List.of("👍🏽", "👨\u200D👩\u200D👧", "🇨🇳", "1\uFE0F\u20E3", "#\u20E3", "❤\uFE0F",
                "👩🏾\u200D💻", "🏳\uFE0F\u200D🌈",
                "🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F")) {
            if (name.contains("classic")) {
                assertSegments0(segmenter, "好" + emoji + " 1", "好", emoji, "1");
            } else {
                assertSegments0(segmenter, "好" + emoji + " ok", "好", emoji, "ok");
            }
        }
        assertSegments0(segmenter, "🇨🇳🇺🇸", "🇨🇳", "🇺🇸");
    }

    @Test
    void exactOffsets() {
        // 我 / 爱 as the PKU standard has it (People's Daily 1998 has no word 我爱): the hybrid's 我爱 was an
        // HMM-invented word, which its new-word margin now rejects; the perceptron never made it.
        for (Segmenter standard : List.of(Segmenters.standard(), HybridSegmenter.standard())) {
            assertSegments(standard, "我爱北京天安门 👍🏽\u2007ok", new String[] {"我", "爱", "北京", "天安门", "👍🏽", "ok"},
                    new int[] {0, 1, 2, 4, 8, 13}, new int[] {1, 2, 4, 7, 12, 15});
        }
        assertSegments(Segmenters.create("fmm"), "a\u202Fb\u0085c", new String[] {"a", "b", "c"}, new int[] {0, 2, 4},
                new int[] {1, 3, 5});
    }

    @Test
    void traditionalTextKeepsItsCharacters() {
        // Lookups see 後來/發展 as 后来/发展; the tokens are the original characters at the original offsets.
        assertSegments(Segmenters.standard(), "後來的發展", new String[] {"後來", "的", "發展"}, new int[] {0, 2, 3},
                new int[] {2, 3, 5});
    }
}
