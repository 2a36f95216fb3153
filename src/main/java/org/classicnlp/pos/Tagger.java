package org.classicnlp.pos;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.classicnlp.core.Token;

/**
 * Part-of-speech tagging: tokens in, the same tokens (text, offsets and normalised form unchanged) with
 * {@link Token#tag()} set out. A tagger is a {@code UnaryOperator<List<Token>>}, so it plugs straight into
 * {@link org.classicnlp.core.Analyzer.Builder#tagger}. Implementations are immutable and thread-safe.
 *
 * <p>Taggers read each token's {@link Token#text()} (the surface form the model was trained on), not its
 * normalised form, so an analyzer's lowercasing does not change the tags.
 */
public interface Tagger extends UnaryOperator<List<Token>> {

    /** The tags of {@code words}, one per word. */
    List<String> tagWords(List<String> words);

    /** {@code tokens} with their tags set; a new list, same size and order. */
    default List<Token> tag(List<Token> tokens) {
        List<String> words = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            words.add(t.text());
        }
        List<String> tags = tagWords(words);
        List<Token> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            out.add(tokens.get(i).withTag(tags.get(i)));
        }
        return out;
    }

    @Override
    default List<Token> apply(List<Token> tokens) {
        return tag(tokens);
    }

    /** The tag set, in the model's order. */
    List<String> tagSet();
}
