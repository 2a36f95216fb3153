package org.classicnlp.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.classicnlp.TestData;
import org.classicnlp.core.Token;
import org.classicnlp.lexicon.Lexicon;
import org.classicnlp.lexicon.LexiconLoaders;
import org.junit.jupiter.api.Test;

class MaxMatchTest {

    private final Lexicon words = LexiconLoaders.wordList(TestData.corpus("words-sample.txt"));

    @Test
    void forwardAndBackwardDifferWhereTheTextIsAmbiguous() {
        assertEquals(List.of("研究生", "命", "起源"), new ForwardMaxMatch(words).words("研究生命起源"));
        assertEquals(List.of("研究", "生命", "起源"), new BackwardMaxMatch(words).words("研究生命起源"));
    }

    @Test
    void bidirectionalPrefersFewerWordsThenFewerSinglesThenBackward() {
        // Same count (3), forward has one single char (命), backward none: backward wins.
        assertEquals(List.of("研究", "生命", "起源"), new BidirectionalMaxMatch(words).words("研究生命起源"));
        // Fewer words wins: forward 北京大学 学生 (2) vs backward 北京 大学生? (no 大学生) -> 北京 大 学生 (3).
        Lexicon l = Lexicon.ofWords("t", List.of("北京大学", "北京", "学生", "大学"));
        assertEquals(List.of("北京大学", "生"), new ForwardMaxMatch(l).words("北京大学生"));
        assertEquals(List.of("北京", "大", "学生"), new BackwardMaxMatch(l).words("北京大学生"));
        assertEquals(List.of("北京大学", "生"), new BidirectionalMaxMatch(l).words("北京大学生"));
    }

    @Test
    void latinAndDigitRunsStayWholeAndPunctuationIsAlone() {
        Lexicon l = Lexicon.ofWords("t", List.of("程序", "写"));
        assertEquals(List.of("我", "用", "Java", "写", "了", "NLP", "程序", "，", "version", "2.0", "。"),
                new ForwardMaxMatch(l).words("我用Java写了NLP程序，version 2.0。"));
        assertEquals(List.of("ＡＢＣ１２３", "程序"), new BackwardMaxMatch(l).words("ＡＢＣ１２３程序"));
    }

    @Test
    void dictionaryWordsMayContainDigitsButNeverCutARun() {
        assertEquals(List.of("1998年", "的"), new ForwardMaxMatch(words).words("1998年的"));
        assertEquals(List.of("１９９８年", "的"), new BackwardMaxMatch(words).words("１９９８年的"));
        Lexicon l = Lexicon.ofWords("t", List.of("Java"));
        assertEquals(List.of("Javascript"), new ForwardMaxMatch(l).words("Javascript"));
    }

    @Test
    void classicRulesMatchTheDictionaryOnlyAndTextAsWritten() {
        Lexicon exact = LexiconLoaders.wordList(TestData.corpus("words-sample.txt"), false);
        // Characters the dictionary lacks are tokens of their own; the full-width entry does not match ASCII.
        assertEquals(List.of("1", "9", "9", "8", "年", "J", "a", "v", "a"),
                new ForwardMaxMatch(exact, MatchRules.CLASSIC).words("1998年Java"));
        assertEquals(List.of("１９９８年", "的"), new BackwardMaxMatch(exact, MatchRules.CLASSIC).words("１９９８年的"));
        // The same list under mixed rules keeps runs whole and, folded, matches across widths.
        assertEquals(List.of("1998", "年", "Java"), new ForwardMaxMatch(exact, MatchRules.MIXED).words("1998年Java"));
        assertEquals(List.of("1998年", "Java"), new ForwardMaxMatch(words, MatchRules.MIXED).words("1998年Java"));
        // Classic rules: white space separates, a surrogate pair is one character, offsets stay exact.
        List<Token> t = new BidirectionalMaxMatch(exact, MatchRules.CLASSIC).segment("研究 生命　𠀀起源");
        assertEquals(List.of("研究", "生命", "𠀀", "起源"), t.stream().map(Token::text).toList());
        assertEquals(6, t.get(2).start());
        assertEquals(8, t.get(2).end());
    }

    @Test
    void defaultDictionarySegmentsTheIssueExample() {
        assertEquals(List.of("我", "用", "Java", "写", "了", "NLP", "程序", "，", "version", "2.0", "。"),
                Segmenters.create("bimm").words("我用Java写了NLP程序，version 2.0。"));
    }

    @Test
    void offsetsAreExactEverywhere() {
        String text = "  他说：“2001年，www.people.com.cn 上 e-mail: a.b@x.org ”\u3000𠀀字 don't ";
        for (Segmenter s : List.of(new ForwardMaxMatch(words), new BackwardMaxMatch(words),
                new BidirectionalMaxMatch(words), EnglishTokenizer.INSTANCE, WhitespaceTokenizer.INSTANCE)) {
            int last = 0;
            for (Token t : s.segment(text)) {
                assertEquals(text.substring(t.start(), t.end()), t.text(), s.getClass().getSimpleName());
                assertEquals(t.text(), t.text().strip(), "no white space in tokens");
                org.junit.jupiter.api.Assertions.assertTrue(t.start() >= last, "in order");
                last = t.end();
            }
        }
        List<String> w = new BidirectionalMaxMatch(words).words(text);
        org.junit.jupiter.api.Assertions.assertTrue(w.contains("𠀀"), "surrogate pair kept whole: " + w);
    }

    @Test
    void emptyAndBlankTextGiveNoTokens() {
        assertEquals(List.of(), new BidirectionalMaxMatch(words).segment(""));
        assertEquals(List.of(), new ForwardMaxMatch(words).segment(" \t\u3000 "));
    }
}
