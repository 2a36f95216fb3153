package org.classicnlp.pos;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Sentence;
import org.classicnlp.core.Token;

/**
 * Scores tags: accumulate aligned gold/predicted sentences with {@link #add}, read the {@link TagScore}.
 * Known/unknown is decided by the exact word form against the training vocabulary, when one is given.
 * Not thread-safe (an accumulator).
 */
public final class TagScorer {

    private final Set<String> vocabulary;
    private long tokens;
    private long correct;
    private long knownTokens;
    private long knownCorrect;
    private long unknownTokens;
    private long unknownCorrect;

    /** @param vocabulary training word forms, or null for no known/unknown split */
    public TagScorer(Set<String> vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The word forms of a corpus (for the known/unknown split). */
    public static Set<String> vocabulary(Corpus<Sentence> corpus) {
        Set<String> v = new HashSet<>();
        corpus.forEach(s -> s.tokens().forEach(t -> v.add(t.text())));
        return v;
    }

    /** Adds one sentence: gold words and tags against predicted tags (same length). */
    public void add(List<String> words, List<String> gold, List<String> predicted) {
        if (gold.size() != words.size() || predicted.size() != words.size()) {
            throw new IllegalArgumentException("misaligned sentence: " + words.size() + " words, " + gold.size()
                    + " gold tags, " + predicted.size() + " predicted tags");
        }
        for (int i = 0; i < words.size(); i++) {
            boolean ok = gold.get(i).equals(predicted.get(i));
            tokens++;
            if (ok) {
                correct++;
            }
            if (vocabulary != null) {
                if (vocabulary.contains(words.get(i))) {
                    knownTokens++;
                    if (ok) {
                        knownCorrect++;
                    }
                } else {
                    unknownTokens++;
                    if (ok) {
                        unknownCorrect++;
                    }
                }
            }
        }
    }

    public TagScore score() {
        return new TagScore(tokens, correct, knownTokens, knownCorrect, unknownTokens, unknownCorrect);
    }

    /** Tags every sentence of {@code gold} with {@code tagger} and scores it. */
    public static TagScore evaluate(Tagger tagger, Corpus<Sentence> gold, Set<String> vocabulary) {
        TagScorer scorer = new TagScorer(vocabulary);
        gold.forEach(s -> {
            List<String> words = s.words();
            List<String> tags = s.tokens().stream().map(Token::tag).toList();
            scorer.add(words, tags, tagger.tagWords(words));
        });
        return scorer.score();
    }
}
