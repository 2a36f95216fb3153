package org.classicnlp.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.classicnlp.testkit.SegmenterConformance;
import org.classicnlp.testkit.SegmenterConformance.Options;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The segmenter conformance kit on analyzers (no filters, so tokens must still cover the text exactly). */
class AnalyzerConformanceTest {

    static Stream<Arguments> analyzers() {
        return Stream.of(
                Arguments.of("standard", Analyzer.standard(), Options.SEGMENTER),
                Arguments.of("english+lowercase", Analyzer.builder().segmenter("english").lowercase(true).build(),
                        Options.SEGMENTER),
                Arguments.of("whitespace+width+t2s+lowercase", Analyzer.builder().segmenter("whitespace")
                        .normalizers("width", "t2s", "lowercase").build(), Options.WHITESPACE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("analyzers")
    void randomTextKeepsOffsetsIntoTheOriginal(String name, Analyzer analyzer, Options options) {
        java.util.function.Function<String, List<Token>> subject = analyzer::analyze;
        SegmenterConformance.checkRandomText(subject, 40, options);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("analyzers")
    void bufferPathGivesTheSameTermsAsTokens(String name, Analyzer analyzer, Options options) {
        TermBuffer buf = new TermBuffer();
        for (String text : SegmenterConformance.randomTexts(new Random(3), 60)) {
            List<Token> tokens = analyzer.analyze(text);
            analyzer.analyze(text, buf);
            assertEquals(tokens.size(), buf.count(), text);
            for (int i = 0; i < tokens.size(); i++) {
                assertEquals(tokens.get(i).norm(), buf.term(i));
                assertEquals(tokens.get(i).start(), buf.sourceStart(i));
                assertEquals(tokens.get(i).end(), buf.sourceEnd(i));
            }
            assertEquals(tokens.stream().map(Token::norm).toList(), analyzer.terms(text));
        }
    }
}
