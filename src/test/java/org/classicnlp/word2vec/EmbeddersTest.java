package org.classicnlp.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Document;
import org.classicnlp.core.Analyzer;
import org.classicnlp.tfidf.TfidfModel;
import org.classicnlp.tfidf.TfidfVectorizer;
import org.junit.jupiter.api.Test;

class EmbeddersTest {

    static final Analyzer LOWER = Analyzer.builder().segmenter("whitespace").lowercase(true).build();

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
        MeanEmbedder e = new MeanEmbedder(abc(), LOWER);
        assertArrayEquals(new float[] {1f / 3, 4f / 3}, e.embed(doc("A b unknown b")).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {0, 0}, e.embed(doc("nothing known")).toFloatArray());
        assertEquals(2, e.dimension());
        assertEquals("w2v-mean", e.name());
        // case kept when lowercase is off
        assertArrayEquals(new float[] {0, 2}, new MeanEmbedder(abc(), Analyzer.whitespace())
                .embed(doc("A b")).toFloatArray(), 1e-6f);
    }

    /** The server counts and embeds from one analysis: the same vector as embed and the same count. */
    @Test
    void embedCountedIsEmbedAndCountTokens() {
        List<org.classicnlp.core.TokenVocabulary> embedders = List.of(new MeanEmbedder(abc(), LOWER),
                DefaultVectors.english().sifEmbedder(), DefaultVectors.chinese().sifEmbedder(),
                DefaultVectors.english().meanEmbedder());
        List<String> texts = List.of("A b unknown b", "nothing known", "The cat sat on the qwzxv mat.",
                "我们在北京大学学习自然语言处理。", "混合 text 和 English words 123");
        for (org.classicnlp.core.TokenVocabulary v : embedders) {
            for (String t : texts) {
                org.classicnlp.core.TokenVocabulary.Counted c = v.embedCounted(t);
                assertArrayEquals(((org.classicnlp.core.Embedder) v).embed(t).toFloatArray(),
                        c.vector().toFloatArray(), v + " on " + t);
                assertEquals(v.countTokens(t), c.tokens(), v + " on " + t);
            }
        }
    }

    @Test
    void tfidfWeightedMean() {
        Map<String, Double> idf = Map.of("a", 3.0, "b", 1.0, "c", 0.0);
        TfidfWeightedEmbedder e = new TfidfWeightedEmbedder(abc(), Analyzer.whitespace(),
                w -> idf.getOrDefault(w, 0.0));
        // a: tf 1 × idf 3; b: tf 2 × idf 1; c weight 0 → (3·(1,0) + 2·(0,2)) / 5
        assertArrayEquals(new float[] {3f / 5, 4f / 5}, e.embed(doc("a b b c")).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {0, 0}, e.embed(doc("c c")).toFloatArray());
    }

    @Test
    void tfidfWeightsFromAModelUseTheModelsAnalyzer() {
        Corpus<Document> docs = () -> List.of(doc("A b"), doc("b c"), doc("c")).stream();
        TfidfModel tfidf = TfidfVectorizer.builder().tokenizer("whitespace").lowercase(true).build().fit(docs);
        TfidfWeightedEmbedder e = new TfidfWeightedEmbedder(abc(), tfidf);
        // "A" is lowercased by the model's analyzer, so it finds the vector of "a"; "zz" weighs 0
        double ia = tfidf.idf("a").orElseThrow();
        double ib = tfidf.idf("b").orElseThrow();
        float[] want = {(float) (ia / (ia + ib)), (float) (2 * ib / (ia + ib))};
        assertArrayEquals(want, e.embed(doc("A b zz")).toFloatArray(), 1e-6f);
        assertEquals(tfidf.analyzer().analyzer(), e.analyzer());
    }

    @Test
    void sifWeightsRareWordsMoreAndRemovesTheCommonComponent() {
        Corpus<Document> docs = () -> List.of(doc("a a a a b"), doc("a c"), doc("a b c"), doc("b a")).stream();
        SifEmbedder sif = SifEmbedder.fit(abc(), Analyzer.whitespace(), docs, 1e-3);
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
