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
    void defaultDictionarySegmentsTheIssueExample() {
        assertEquals(List.of("我", "用", "Java", "写", "了", "NLP", "程序", "，", "version", "2.0", "。"),
                Segmenters.standard().words("我用Java写了NLP程序，version 2.0。"));
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
