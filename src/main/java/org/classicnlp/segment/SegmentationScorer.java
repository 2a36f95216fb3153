package org.classicnlp.segment;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.CorpusFormatException;
import org.classicnlp.core.TextFiles;

/**
 * Scores predicted segmentations against gold ones with the bakeoff measures: precision, recall, F1,
 * OOV rate, OOV recall and IV recall. Sentences are compared by character spans, so the two sides
 * must contain the same characters (white space aside). The scorer is immutable; {@link Tally}
 * accumulates one evaluation.
 */
public final class SegmentationScorer {

    private final Set<String> trainingWords;

    /** @param trainingWords the training word list defining IV words; empty means every word is OOV-unknown (no OOV figures) */
    public SegmentationScorer(Set<String> trainingWords) {
        this.trainingWords = Set.copyOf(trainingWords);
    }

    public SegmentationScorer() {
        this(Set.of());
    }

    /** A scorer whose IV words are the lines of a word list file ({@code pku_training_words.utf8}). */
    public static SegmentationScorer withWordList(Path wordList) {
        Set<String> words = new HashSet<>();
        try (Stream<String> lines = TextFiles.lines(wordList)) {
            lines.map(String::strip).filter(w -> !w.isEmpty()).forEach(words::add);
        }
        return new SegmentationScorer(words);
    }

    public Tally tally() {
        return new Tally();
    }

    /** Scores two SIGHAN-format files line by line; fails naming the first line that does not align. */
    public SegmentationScore scoreFiles(Path gold, Path predicted) {
        Tally tally = tally();
        try (Stream<TextFiles.NumberedLine> g = TextFiles.numberedLines(gold);
             Stream<TextFiles.NumberedLine> p = TextFiles.numberedLines(predicted)) {
            Iterator<TextFiles.NumberedLine> gi = g.iterator();
            Iterator<TextFiles.NumberedLine> pi = p.iterator();
            while (gi.hasNext() || pi.hasNext()) {
                if (!gi.hasNext() || !pi.hasNext()) {
                    Path shorter = gi.hasNext() ? predicted : gold;
                    long line = (gi.hasNext() ? gi.next() : pi.next()).number();
                    throw new CorpusFormatException(shorter, line,
                            "file ends early: the other file still has line " + line);
                }
                TextFiles.NumberedLine gl = gi.next();
                TextFiles.NumberedLine pl = pi.next();
                List<String> gw = Corpora.splitSighan(gl.text());
                List<String> pw = Corpora.splitSighan(pl.text());
                try {
                    tally.add(gw, pw);
                } catch (IllegalArgumentException e) {
                    throw new CorpusFormatException(predicted, pl.number(),
                            "text differs from line " + gl.number() + " of " + gold + " (the two files do not align)");
                }
            }
        }
        return tally.score();
    }

    /** Accumulates counts over sentences; not thread-safe. */
    public final class Tally {
        private long gold;
        private long predicted;
        private long correct;
        private long oov;
        private long oovCorrect;
        private long ivCorrect;

        private Tally() {
        }

        /**
         * Adds one sentence. Both word lists must spell the same text.
         *
         * @throws IllegalArgumentException if they do not
         */
        public void add(List<String> goldWords, List<String> predictedWords) {
            int gi = 0;
            int pi = 0;
            int gPos = 0;
            int pPos = 0;
            gold += goldWords.size();
            predicted += predictedWords.size();
            for (String w : goldWords) {
                if (!trainingWords.isEmpty() && !trainingWords.contains(w)) {
                    oov++;
                }
            }
            // Walk both sequences by character offset; a word is correct when both its ends coincide.
            while (gi < goldWords.size() && pi < predictedWords.size()) {
                String g = goldWords.get(gi);
                String p = predictedWords.get(pi);
                int gEnd = gPos + g.length();
                int pEnd = pPos + p.length();
                if (gPos == pPos && gEnd == pEnd) {
                    correct++;
                    if (!trainingWords.isEmpty() && !trainingWords.contains(g)) {
                        oovCorrect++;
                    } else {
                        ivCorrect++;
                    }
                }
                if (gEnd <= pEnd) {
                    gPos = gEnd;
                    gi++;
                }
                if (pEnd <= gEnd) {
                    pPos = pEnd;
                    pi++;
                }
            }
            if (gPos != pPos || gi != goldWords.size() || pi != predictedWords.size()
                    || !String.join("", goldWords).equals(String.join("", predictedWords))) {
                throw new IllegalArgumentException("gold and predicted words spell different texts");
            }
        }

        public SegmentationScore score() {
            return new SegmentationScore(gold, predicted, correct, oov, oovCorrect, ivCorrect);
        }
    }
}
