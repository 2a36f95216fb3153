package org.classicnlp.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnglishTokenizerTest {

    private static List<String> tok(String s) {
        return EnglishTokenizer.INSTANCE.words(s);
    }

    @Test
    void wordsNumbersAndPunctuation() {
        assertEquals(List.of("It", "costs", "$", "3,000", "or", "2.5", "%", "."), tok("It costs $3,000 or 2.5%."));
        assertEquals(List.of("1", ",", "2", ",", "3"), tok("1,2,3"));
    }

    @Test
    void contractionsSplitAsInPennTreebank() {
        assertEquals(List.of("I", "do", "n't", "think", "it", "'s", "John", "'s", "."), tok("I don't think it's John's."));
        assertEquals(List.of("They", "'re", "here", ",", "we", "'ve", "won", "!"), tok("They're here, we've won!"));
        assertEquals(List.of("O'Neil", "rock'n'roll"), tok("O'Neil rock'n'roll"));
    }

    @Test
    void hyphensAbbreviationsUrlsAndEmails() {
        assertEquals(List.of("state-of-the-art", "U.S.", "policy", ",", "Mr.", "Smith", "said", "..."),
                tok("state-of-the-art U.S. policy, Mr. Smith said..."));
        assertEquals(List.of("See", "https://example.com/a?b=1", "or", "mail", "jo.doe@mail.example.org", "."),
                tok("See https://example.com/a?b=1 or mail jo.doe@mail.example.org."));
        assertEquals(List.of("(", "www.people.com.cn", ")"), tok("(www.people.com.cn)"));
    }

    @Test
    void versionNumbersAndFileNames() {
        assertEquals(List.of("version", "2.0", "of", "setup.exe", "v1.2.3"), tok("version 2.0 of setup.exe v1.2.3"));
    }
}
