package org.classicnlp.word2vec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.classicnlp.core.Corpus;
import org.junit.jupiter.api.Test;

/** {@code Word2VecTrainer.Builder.init}: training that continues from earlier vectors (domain adaptation). */
class ContinueTrainingTest {

    /** The toy corpus without the sentences that mention {@code grape}: the initial vectors never see it. */
    static Corpus<List<String>> withoutGrape() {
        return Word2VecTrainerTest.toy().filter(s -> !s.contains("grape"));
    }

    @Test
    void knownWordsRefineAndNewWordsAreAddedAfterThem() {
        WordVectors initial = Word2VecTrainerTest.small().build().fit(withoutGrape());
        assertFalse(initial.contains("grape"));
        WordVectors adapted = Word2VecTrainerTest.small().epochs(3).init(initial).build()
                .fit(Word2VecTrainerTest.toy());
        // the initial words first, in their order, then the new ones
        assertEquals(initial.words(), adapted.words().subList(0, initial.size()));
        assertTrue(adapted.words().subList(initial.size(), adapted.size()).contains("grape"), adapted.words().toString());
        // known words moved (refined) but stayed close to where they started
        double moved = 0;
        double meanCos = 0;
        for (String w : initial.words()) {
            double cos = initial.unitVector(w).dot(adapted.unitVector(w));
            meanCos += cos / initial.size();
            moved += Arrays.equals(initial.vector(w).toFloatArray(), adapted.vector(w).toFloatArray()) ? 0 : 1;
        }
        assertEquals(initial.size(), (int) moved, "every known word occurs in the corpus, so every one is updated");
        assertTrue(meanCos > 0.5, "mean cosine between initial and refined vectors: " + meanCos);
        // counts: the initial corpus's plus this one's
        assertTrue(adapted.count("cat") > initial.count("cat"));
        // the new word learned its group: grape is nearer the fruits than the vehicles
        double fruits = 0;
        double vehicles = 0;
        for (String f : List.of("apple", "banana", "pear")) {
            fruits += adapted.similarity("grape", f);
        }
        for (String v : List.of("car", "bus", "truck")) {
            vehicles += adapted.similarity("grape", v);
        }
        assertTrue(fruits > vehicles, "grape~fruits " + fruits + " vs grape~vehicles " + vehicles);
    }

    @Test
    void knownWordsBelowMinCountAreStillTrained() {
        WordVectors initial = Word2VecTrainerTest.small().build().fit(Word2VecTrainerTest.toy());
        // one sentence where "cat" occurs once (below minCount 2): gensim trains known words however rare
        Corpus<List<String>> one = () -> java.util.stream.Stream.of(List.of("cat", "dog", "horse", "dog", "horse"));
        WordVectors adapted = Word2VecTrainerTest.small().epochs(1).sample(0).init(initial).build().fit(one);
        assertEquals(initial.size(), adapted.size(), "no new word reaches minCount");
        assertFalse(Arrays.equals(initial.vector("cat").toFloatArray(), adapted.vector("cat").toFloatArray()));
        // words absent from the corpus keep their vectors exactly
        assertTrue(Arrays.equals(initial.vector("bus").toFloatArray(), adapted.vector("bus").toFloatArray()));
    }

    @Test
    void dimensionMustMatch() {
        WordVectors initial = Word2VecTrainerTest.small().build().fit(Word2VecTrainerTest.toy());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Word2VecTrainerTest.small().dimension(30).init(initial).build());
        assertTrue(e.getMessage().contains("dimension 20"), e.getMessage());
    }
}
