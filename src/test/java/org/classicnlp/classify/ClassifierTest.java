package org.classicnlp.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.classicnlp.TestData;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.DenseVector;
import org.classicnlp.core.Document;
import org.classicnlp.core.FeatureVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierTest {

    @TempDir
    Path tmp;

    static final Corpus<Document> TRAIN = Corpora.jsonl(TestData.corpus("classify-train.jsonl"));
    static final Corpus<Document> TEST = Corpora.jsonl(TestData.corpus("classify-test.jsonl"));

    @Test
    void everyAlgorithmLearnsTheSampleAndSurvivesSaveLoad() {
        for (Algorithm a : Algorithm.values()) {
            LinearClassifier m = ClassifierTrainer.builder().algorithm(a).threads(2).build().fit(TRAIN);
            assertEquals(List.of("food", "sports", "tech"), m.labels());
            assertEquals(1.0, m.evaluate(TRAIN, 1).accuracy(), a.toString());
            Evaluation test = m.evaluate(TEST, 1);
            assertEquals(6, test.documents());
            assertTrue(test.accuracy() >= 0.5, a + " " + test);
            Path f = tmp.resolve(a.id() + ".model");
            m.save(f);
            LinearClassifier back = LinearClassifier.load(f);
            assertEquals(a, back.algorithm());
            TEST.forEach(d -> assertEquals(m.scores(d.text()), back.scores(d.text())));
        }
    }

    @Test
    void naiveBayesIsScikitLearnsFormula() {
        // two features, two classes: class 0 sums (3, 1), class 1 sums (0, 2); alpha 1
        List<FeatureVector> x = List.of(new DenseVector(new float[] {3, 1}), new DenseVector(new float[] {0, 2}));
        double[][] w = ClassifierTrainer.naiveBayes(x, new int[] {0, 1}, 2, 2, 1.0);
        assertEquals(Math.log(4.0 / 6), w[0][0], 1e-12);
        assertEquals(Math.log(2.0 / 6), w[0][1], 1e-12);
        assertEquals(Math.log(1.0 / 4), w[1][0], 1e-12);
        assertEquals(Math.log(0.5), w[0][2], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ClassifierTrainer.naiveBayes(
                List.of(new DenseVector(new float[] {-1, 0})), new int[] {0}, 2, 2, 1.0));
    }

    @Test
    void macroF1CountsEveryGoldOrPredictedLabel() {
        // a: tp 1, fn 1 -> F1 2/3; b: tp 1, fp 1 -> 2/3; c: fp... none; accuracy 2/3
        Evaluation e = Evaluation.of(List.of("a", "a", "b"), List.of("a", "b", "b"));
        assertEquals(2.0 / 3, e.accuracy(), 1e-12);
        assertEquals(2.0 / 3, e.macroF1(), 1e-12);
        assertEquals(0.5, Evaluation.of(List.of("a", "b"), List.of("a", "a")).accuracy());
    }

    @Test
    void labelsAreRequired() {
        Corpus<Document> none = () -> Stream.of(new Document("1", "text"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassifierTrainer.builder().build().fit(none));
        assertTrue(e.getMessage().contains("label"), e.getMessage());
    }

    @Test
    void kmeansScores() {
        int[] clusters = {0, 0, 1, 1};
        assertEquals(1.0, KMeansClustering.purity(clusters, List.of("x", "x", "y", "y")));
        assertEquals(1.0, KMeansClustering.nmi(clusters, List.of("x", "x", "y", "y")), 1e-12);
        assertEquals(0.5, KMeansClustering.purity(clusters, List.of("x", "y", "x", "y")));
        assertEquals(0.0, KMeansClustering.nmi(clusters, List.of("x", "y", "x", "y")), 1e-12);
        List<FeatureVector> pts = List.of(new DenseVector(new float[] {0, 0}), new DenseVector(new float[] {0, 0.1f}),
                new DenseVector(new float[] {5, 5}), new DenseVector(new float[] {5, 5.1f}));
        KMeansClustering c = KMeansClustering.fit(pts, 2, 1);
        assertEquals(c.assignments()[0], c.assignments()[1]);
        assertEquals(c.assignments()[2], c.assignments()[3]);
        assertTrue(c.assignments()[0] != c.assignments()[2]);
    }
}
