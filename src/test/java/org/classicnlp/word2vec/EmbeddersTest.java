package org.classicnlp.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Document;
import org.classicnlp.segment.WhitespaceTokenizer;
import org.junit.jupiter.api.Test;

class EmbeddersTest {

    static WordVectors abc() {
        return WordVectors.of(List.of("a", "b", "c"), new float[] {
            1, 0,
            0, 2,
            4, 4}, 2, null);
    }

    static Document doc(String text) {
        return new Document("d", text);
    }

    @Test
    void meanOfKnownWordsCountingRepeats() {
        MeanEmbedder e = new MeanEmbedder(abc(), WhitespaceTokenizer.INSTANCE, true);
        assertArrayEquals(new float[] {1f / 3, 4f / 3}, e.embed(doc("A b unknown b")).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {0, 0}, e.embed(doc("nothing known")).toFloatArray());
        assertEquals(2, e.dimension());
        assertEquals("w2v-mean", e.name());
        // case kept when lowercase is off
        assertArrayEquals(new float[] {0, 2}, new MeanEmbedder(abc(), WhitespaceTokenizer.INSTANCE, false)
                .embed(doc("A b")).toFloatArray(), 1e-6f);
    }

    @Test
    void tfidfWeightedMean() {
        Map<String, Double> idf = Map.of("a", 3.0, "b", 1.0, "c", 0.0);
        TfidfWeightedEmbedder e = new TfidfWeightedEmbedder(abc(), WhitespaceTokenizer.INSTANCE, false,
                w -> idf.getOrDefault(w, 0.0));
        // a: tf 1 × idf 3; b: tf 2 × idf 1; c weight 0 → (3·(1,0) + 2·(0,2)) / 5
        assertArrayEquals(new float[] {3f / 5, 4f / 5}, e.embed(doc("a b b c")).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {0, 0}, e.embed(doc("c c")).toFloatArray());
    }

    @Test
    void sifWeightsRareWordsMoreAndRemovesTheCommonComponent() {
        Corpus<Document> docs = () -> List.of(doc("a a a a b"), doc("a c"), doc("a b c"), doc("b a")).stream();
        SifEmbedder sif = SifEmbedder.fit(abc(), WhitespaceTokenizer.INSTANCE, false, docs, 1e-3);
        assertEquals(7 / 12.0, sif.probability("a"), 1e-12);
        float[] u = sif.commonComponent().toFloatArray();
        assertEquals(1.0, Math.hypot(u[0], u[1]), 1e-5);
        for (Document d : List.of(doc("a b"), doc("c"), doc("a c b"))) {
            float[] v = sif.embed(d).toFloatArray();
            assertEquals(0, v[0] * u[0] + v[1] * u[1], 1e-5, d.text());   // nothing left along the component
        }
        assertEquals(2 / 12.0, sif.probability("c"), 1e-12);
    }

    @Test
    void powerIterationFindsTheLeadingEigenvector() {
        // [[2,1],[1,2]] has eigenvectors (1,1)/√2 (eigenvalue 3) and (1,-1)/√2 (1)
        float[] u = SifEmbedder.firstComponent(new double[] {2, 1, 1, 2}, 2);
        assertEquals(Math.sqrt(0.5), Math.abs(u[0]), 1e-5);
        assertEquals(u[0], u[1], 1e-5);
    }
}
