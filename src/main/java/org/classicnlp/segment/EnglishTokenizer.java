package org.classicnlp.segment;

import java.util.ArrayList;
import java.util.List;
import org.classicnlp.core.Token;
import org.classicnlp.lexicon.CharNormalizer;

/**
 * Rule-based tokenizer for English and other space-delimited text, without a dictionary: words,
 * numbers ({@code 2.0}, {@code 3,000}), hyphenated words, URLs, e-mail addresses, abbreviations,
 * PTB-style clitics ({@code do n't}), each punctuation mark alone. Han characters come out one per
 * token; use a Chinese segmenter for Chinese or mixed text (they apply these same rules to non-Han runs).
 */
public final class EnglishTokenizer implements Segmenter, java.io.Serializable {

    public static final EnglishTokenizer INSTANCE = new EnglishTokenizer();

    private EnglishTokenizer() {
    }

    /** Stateless: a deserialised copy is the one instance. */
    private Object readResolve() {
        return INSTANCE;
    }

    @Override
    public List<Token> segment(String text) {
        int[] spans = spans(text);
        List<Token> tokens = new ArrayList<>(spans.length / 2);
        for (int i = 0; i < spans.length; i += 2) {
            tokens.add(new Token(text.substring(spans[i], spans[i + 1]), spans[i], spans[i + 1]));
        }
        return tokens;
    }

    /** The atoms' boundaries straight from the scan, with no token or substring made (the analyzer's path). */
    @Override
    public int[] spans(String text) {
        int n = text.length();
        char[] folded = text.toCharArray();
        CharNormalizer.foldWidth(folded, 0, n);
        int[] atomLength = new int[n];
        Atoms.scan(folded, n, atomLength, new boolean[n + 1]);
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (atomLength[i] > 0) {
                count++;
            }
        }
        int[] out = new int[2 * count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (atomLength[i] > 0) {
                out[k++] = i;
                out[k++] = i + atomLength[i];
            }
        }
        return out;
    }
}
