package org.classicnlp.pos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Sentence;
import org.classicnlp.core.Token;

/** A tagged corpus read once into arrays (words, tag indices over a sorted tag set) for the trainers. */
final class TaggedSentences {

    final String[] tags;
    final Map<String, Integer> tagIndex;
    final String[][] words;
    final int[][] gold;
    final long tokens;

    private TaggedSentences(String[] tags, Map<String, Integer> tagIndex, String[][] words, int[][] gold, long tokens) {
        this.tags = tags;
        this.tagIndex = tagIndex;
        this.words = words;
        this.gold = gold;
        this.tokens = tokens;
    }

    static TaggedSentences read(Corpus<Sentence> corpus) {
        List<Sentence> list = new ArrayList<>();
        TreeSet<String> tagSet = new TreeSet<>();
        corpus.forEach(s -> {
            if (s.isEmpty()) {
                return;
            }
            for (Token t : s.tokens()) {
                if (t.tag() == null || t.tag().isEmpty()) {
                    throw new IllegalArgumentException("sentence " + s.id() + ": word '" + t.text() + "' has no tag");
                }
                tagSet.add(t.tag());
            }
            list.add(s);
        });
        if (list.isEmpty()) {
            throw new IllegalArgumentException("the training corpus has no tagged sentence");
        }
        String[] tags = tagSet.toArray(new String[0]);
        if (tags.length > 255) {
            throw new IllegalArgumentException("the corpus has " + tags.length + " distinct tags; at most 255 are supported");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int t = 0; t < tags.length; t++) {
            index.put(tags[t], t);
        }
        String[][] words = new String[list.size()][];
        int[][] gold = new int[list.size()][];
        long n = 0;
        for (int s = 0; s < words.length; s++) {
            List<Token> toks = list.get(s).tokens();
            words[s] = new String[toks.size()];
            gold[s] = new int[toks.size()];
            for (int i = 0; i < toks.size(); i++) {
                words[s][i] = toks.get(i).text();
                gold[s][i] = index.get(toks.get(i).tag());
            }
            n += toks.size();
        }
        return new TaggedSentences(tags, index, words, gold, n);
    }
}
