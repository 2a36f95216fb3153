package org.classicnlp.word2vec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.classicnlp.core.DenseVector;
import org.classicnlp.core.Hit;
import org.junit.jupiter.api.Test;

class WordVectorsTest {

    /** man, woman, king, queen, apple: king − man + woman lands on queen. */
    static WordVectors royals() {
        return WordVectors.of(List.of("man", "woman", "king", "queen", "apple"), new float[] {
            1, 0, 0,
            0, 2, 0,
            1, 0, 1,
            0, 1, 1,
            0, 0, -3}, 3, null);
    }

    static List<String> words(List<Hit> s) {
        return s.stream().map(Hit::id).toList();
    }

    @Test
    void lookupAndCosine() {
        WordVectors v = royals();
        assertEquals(5, v.size());
        assertEquals(3, v.dimension());
        assertEquals(2, v.indexOf("king"));
        assertEquals(-1, v.indexOf("prince"));
        assertEquals(new DenseVector(new float[] {0, 2, 0}), v.vector("woman"));
        assertEquals(new DenseVector(new float[] {0, 1, 0}), v.unitVector("woman"));
        assertEquals(Math.sqrt(0.5), v.similarity("man", "king"), 1e-6);
        assertEquals(0, v.similarity("man", "woman"), 1e-6);
        assertEquals(-1, v.count("man"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.similarity("man", "prince"));
        assertTrue(e.getMessage().contains("prince"));
    }

    @Test
    void mostSimilarExcludesTheQueryAndSortsByCosine() {
        WordVectors v = royals();
        List<Hit> s = v.mostSimilar("king", 4);
        assertEquals(List.of("man", "queen", "woman", "apple"), words(s));
        assertEquals("man", s.get(0).id());
        assertEquals(Math.sqrt(0.5), s.get(0).score(), 1e-6);
        assertEquals("queen", s.get(1).id());
        assertEquals(0.5, s.get(1).score(), 1e-6);
        assertEquals("apple", s.get(3).id());
        // by vector, with exclusions
        List<Hit> byVector = v.mostSimilar(new DenseVector(new float[] {0, 0, 5}), 2, Set.of("king"));
        // man and woman tie at 0: the more frequent (earlier) word first
        assertEquals(List.of("queen", "man"), words(byVector));
    }

    @Test
    void analogyByAddAndMul() {
        WordVectors v = royals();
        assertEquals("queen", v.analogy("man", "king", "woman", 1, WordVectors.AnalogyMethod.COS_ADD).get(0).id());
        assertEquals("queen", v.analogy("man", "king", "woman", 1, WordVectors.AnalogyMethod.COS_MUL).get(0).id());
        // 3CosMul score by hand: cos'(queen,king)·cos'(queen,woman)/(cos'(queen,man)+1e-6), cos' = (cos+1)/2
        double expected = ((0.5 + 1) / 2) * ((Math.sqrt(0.5) + 1) / 2) / ((0 + 1) / 2.0 + 1e-6);
        assertEquals(expected, v.analogy("man", "king", "woman", 1, WordVectors.AnalogyMethod.COS_MUL).get(0).score(),
                1e-5);
        // restricted to the first 3 words, queen cannot be the answer; the question words are excluded
        assertTrue(v.analogy("man", "king", "woman", 5, WordVectors.AnalogyMethod.COS_ADD, 3).isEmpty());
    }

    @Test
    void doesntMatchFindsTheOddWord() {
        WordVectors v = royals();
        assertEquals("apple", v.doesntMatch(List.of("king", "queen", "man", "apple", "unknown")));
        assertThrows(IllegalArgumentException.class, () -> v.doesntMatch(List.of("x", "y")));
    }

    @Test
    void duplicateWordsAndShapeErrorsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> WordVectors.of(List.of("a", "a"), new float[4], 2, null));
        assertThrows(IllegalArgumentException.class, () -> WordVectors.of(List.of("a", "b"), new float[3], 2, null));
    }
}
