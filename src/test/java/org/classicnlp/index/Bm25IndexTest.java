package org.classicnlp.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.DenseVector;
import org.classicnlp.core.Document;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.FeatureVector;
import org.classicnlp.core.Hit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Bm25IndexTest {

    @TempDir
    Path tmp;

    static final Corpus<Document> DOCS = () -> Stream.of(
            new Document("a", "cat cat dog"),
            new Document("b", "dog bird"),
            new Document("c", "fish fish fish fish bird"));

    @Test
    void scoresAreLucenesFormula() {
        Bm25Index bm25 = Bm25Index.fit(DOCS, Analyzer.whitespace());
        // N = 3, avgdl = (3 + 2 + 5) / 3; "cat": df 1, in "a" tf 2, |a| = 3
        double idfCat = Math.log(1 + (3 - 1 + 0.5) / (1 + 0.5));
        double avgdl = 10.0 / 3;
        double expected = idfCat * 2 / (2 + 1.2 * (1 - 0.75 + 0.75 * 3 / avgdl));
        assertEquals(idfCat, bm25.idf("cat"), 1e-12);
        List<Hit> hits = bm25.search("cat", 10);
        assertEquals(1, hits.size());
        assertEquals("a", hits.get(0).id());
        assertEquals(expected, hits.get(0).score(), 1e-6);
        // "dog bird": b holds both; a and c one each
        assertEquals("b", bm25.search("dog bird", 3).get(0).id());
        assertEquals(List.of(), bm25.search("zebra", 3));
        assertEquals(List.of("c"), bm25.search("bird", 3, id -> !id.equals("b")).stream().map(Hit::id).toList());
    }

    @Test
    void saveLoadKeepsScores() {
        Bm25Index bm25 = Bm25Index.fit(DOCS, Analyzer.whitespace(), 2.0, 0.5);
        Path f = tmp.resolve("b.bm25");
        bm25.save(f);
        Bm25Index back = Bm25Index.load(f);
        assertEquals(bm25.search("dog bird fish", 3), back.search("dog bird fish", 3));
        assertEquals(2.0, back.k1());
        assertEquals(0.5, back.b());
    }

    /** An embedder that puts each document on one axis by its first letter, so the dense ranking is known. */
    static final Embedder AXES = new Embedder() {
        @Override
        public FeatureVector embed(Document d) {
            float[] v = new float[3];
            String t = d.text();
            v[t.contains("fish") ? 2 : t.contains("bird") ? 1 : 0] = 1;
            v[0] += 0.1f;
            return new DenseVector(v);
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public String name() {
            return "axes";
        }
    };

    @Test
    void hybridWeightsMoveBetweenTheTwoRankings() {
        Bm25Index bm25 = Bm25Index.fit(DOCS, Analyzer.whitespace());
        SemanticIndex dense = SemanticIndex.build(DOCS, AXES, null);
        String q = "fish dog";
        assertEquals(bm25.search(q, 1).get(0).id(), new HybridSearch(bm25, dense, 0).search(q, 1).get(0).id());
        assertEquals(dense.search(q, 1).get(0).id(), new HybridSearch(bm25, dense, 1).search(q, 1).get(0).id());
        List<Hit> mixed = new HybridSearch(bm25, dense, 0.5).search(q, 3);
        assertEquals(3, mixed.size());
        assertTrue(mixed.get(0).score() <= 1.0 + 1e-9 && mixed.get(2).score() >= 0);
    }
}
