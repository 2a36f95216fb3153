package org.classicnlp.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnalyzerTest {

    private static final Analyzer LOWER_WS = Analyzer.builder().segmenter("whitespace").lowercase(true).build();

    @Test
    void normalisesPerTokenAndKeepsOriginalTextAndOffsets() {
        String text = "  Hello ＷＯＲＬＤ  İstanbul ";
        Analyzer a = Analyzer.builder().segmenter("whitespace").normalizers("width", "lowercase").build();
        List<Token> tokens = a.analyze(text);
        assertEquals(3, tokens.size());
        for (Token t : tokens) {
            assertEquals(t.text(), text.substring(t.start(), t.end()));
        }
        assertEquals(List.of("Hello", "ＷＯＲＬＤ", "İstanbul"), tokens.stream().map(Token::text).toList());
        // İ lowercases to two chars: the normalised form may be longer than the original
        assertEquals(List.of("hello", "world", "i̇stanbul"), tokens.stream().map(Token::norm).toList());
        assertEquals(List.of("hello", "world", "i̇stanbul"), a.terms(text));
    }

    @Test
    void stopWordsAreComparedOnTheNormalisedForm() {
        Analyzer a = Analyzer.builder().segmenter("whitespace").lowercase(true).stopWords(List.of("the", "a"))
                .build();
        assertEquals(List.of("cat", "mat"), a.terms("The cat A mat"));
        assertEquals(List.of("a", "the"), a.spec().stopWords()); // kept sorted in the spec
    }

    @Test
    void minLengthAndSymbolFilters() {
        Analyzer a = Analyzer.builder().segmenter("whitespace").minLength(2).dropSymbols(true).build();
        assertEquals(List.of("ab", "中国", "x1"), a.terms("a ab , 中国 … x1 -- 中"));
        // min length counts code points, not chars: one emoji of two chars is length 1
        assertEquals(List.of(), Analyzer.builder().segmenter("whitespace").minLength(2).build().terms("😀"));
    }

    @Test
    void tagFilterNeedsATaggerAndKeepsOnlyListedTags() {
        assertThrows(IllegalArgumentException.class,
                () -> Analyzer.builder().segmenter("whitespace").tags(List.of("n")).build());
        Analyzer a = Analyzer.builder().segmenter("whitespace").tags(List.of("n"))
                .tagger(tokens -> tokens.stream().map(t -> t.withTag(t.text().endsWith("s") ? "n" : "v")).toList())
                .build();
        List<Token> kept = a.analyze("dogs run cats");
        assertEquals(List.of("dogs", "cats"), kept.stream().map(Token::text).toList());
        assertEquals(List.of("n", "n"), kept.stream().map(Token::tag).toList());
        assertEquals(List.of("dogs", "cats"), a.terms("dogs run cats"));
    }

    @Test
    void specRoundTripsAndRebuildsTheSameChain() throws IOException {
        AnalyzerSpec spec = Analyzer.builder().segmenter("whitespace").normalizers("width", "lowercase")
                .stopWords(List.of("x", "b")).minLength(1).dropSymbols(true).build().spec();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        spec.write(new DataOutputStream(bytes));
        AnalyzerSpec back = AnalyzerSpec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                "mem");
        assertEquals(spec, back);
        Analyzer rebuilt = Analyzer.of(back);
        assertEquals(List.of("a", "c"), rebuilt.terms("A B x ! Ｃ"));
    }

    @Test
    void unknownNamesFailNamingWhatIsMissing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Analyzer.of(AnalyzerSpec.of("my-own")));
        assertTrue(e.getMessage().contains("my-own") && e.getMessage().contains("Analyzer.of(spec, segmenter)"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Analyzer.builder().normalizers("stem"));
        assertTrue(e.getMessage().contains("stem"), e.getMessage());
        byte[] bad = {0, 0, 0, 9};
        ModelFormatException m = assertThrows(ModelFormatException.class,
                () -> AnalyzerSpec.read(new DataInputStream(new ByteArrayInputStream(bad)), "model.bin"));
        assertTrue(m.getMessage().startsWith("model.bin: ") && m.getMessage().contains("version 9"), m.getMessage());
    }

    @Test
    void customSegmenterKeepsItsNameInTheSpec() {
        Analyzer a = Analyzer.builder().segmenter("chars", text -> {
            List<Token> out = new ArrayList<>();
            for (int i = 0; i < text.length(); i++) {
                out.add(Token.of(text, i, i + 1));
            }
            return out;
        }).build();
        assertEquals("chars", a.spec().segmenter());
        assertEquals(List.of("a", "b"), a.terms("ab"));
    }

    @Test
    void bufferPathEqualsTokenPathOnRandomText() {
        Random r = new Random(7);
        String alphabet = "aAbBİıΣσς ＡＢ１２中國學習 \t,.!😀e\u0301";
        Analyzer[] analyzers = {
            LOWER_WS,
            Analyzer.builder().segmenter("whitespace").normalizers("width", "t2s", "lowercase")
                    .stopWords(List.of("ab", "中")).dropSymbols(true).build(),
            Analyzer.builder().segmenter("english").lowercase(true).minLength(2).build(),
        };
        TermBuffer buf = new TermBuffer();
        for (int n = 0; n < 300; n++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(40);
            for (int i = 0; i < len; i++) {
                int k = r.nextInt(alphabet.length());
                sb.append(alphabet.charAt(k));
            }
            String text = sb.toString();
            for (Analyzer a : analyzers) {
                List<Token> tokens = a.analyze(text);
                a.analyze(text, buf);
                assertEquals(tokens.size(), buf.count(), text);
                for (int i = 0; i < tokens.size(); i++) {
                    Token t = tokens.get(i);
                    assertEquals(t.norm(), buf.term(i), text);
                    assertEquals(t.start(), buf.sourceStart(i));
                    assertEquals(t.end(), buf.sourceEnd(i));
                    assertEquals(t.text(), text.substring(t.start(), t.end()));
                }
            }
        }
    }

    @Test
    void standardAnalyzerUsesTheStandardSegmenterAndNormalisers() {
        Analyzer a = Analyzer.standard();
        assertEquals("standard", a.spec().segmenter());
        assertEquals(List.of("width", "t2s", "lowercase"), a.spec().normalizers());
        List<Token> tokens = a.analyze("我用Java写程序");
        assertTrue(tokens.stream().anyMatch(t -> t.text().equals("Java") && t.norm().equals("java")), tokens.toString());
    }
}
