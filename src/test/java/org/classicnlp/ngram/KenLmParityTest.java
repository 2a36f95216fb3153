package org.classicnlp.ngram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.classicnlp.TestData;
import org.classicnlp.core.Corpora;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our lmplz against KenLM's own outputs on People's Daily days 1–5 (shared/data/kenlm-fixtures, MANIFEST §10). */
class KenLmParityTest {

    static final String DIR = "kenlm-fixtures/";
    static Path train;
    static Path test;
    static NGramModel order3;

    @BeforeAll
    static void train() {
        train = TestData.require(DIR + "pd98-days01-05.train.txt");
        test = TestData.require(DIR + "pd98-day06.test.txt");
        order3 = NGramTrainer.builder().order(3).build().fit(Corpora.lines(train));
    }

    @Test
    void everyProbabilityAndBackoffOfLmplzOrder3() {
        NGramModel kenlm = NGramModel.readArpa(TestData.require(DIR + "pd98-days01-05.order3.arpa.gz"));
        double[] max = new double[2];
        for (int k = 1; k <= 3; k++) {
            assertEquals(kenlm.count(k), order3.count(k), "number of " + k + "-grams");
            int kk = k;
            kenlm.forEachNGram(k, (words, ref) -> {
                float[] ours = order3.entry(words);
                assertNotNull(ours, () -> "missing " + kk + "-gram " + words);
                double dp = Math.abs(ours[0] - ref[0]);
                double db = Math.abs(ours[1] - ref[1]);
                max[0] = Math.max(max[0], dp);
                max[1] = Math.max(max[1], db);
                if (dp > 1e-5 || db > 1e-5) {
                    throw new AssertionError(kk + "-gram " + words + ": ours " + ours[0] + " " + ours[1]
                            + ", lmplz " + ref[0] + " " + ref[1]);
                }
            });
        }
        System.out.println("max abs diff log10 prob " + max[0] + ", backoff " + max[1]);
    }

    @Test
    void perSentenceTotalsOfQuery() throws IOException {
        List<String> lines = Files.readAllLines(test);
        List<String> ref = Files.readAllLines(TestData.require(DIR + "pd98-day06.order3.sentence-log10.txt"));
        assertEquals(lines.size(), ref.size());
        double max = 0;
        for (int i = 0; i < lines.size(); i++) {
            double r = Double.parseDouble(ref.get(i));
            double ours = order3.score(lines.get(i));
            max = Math.max(max, Math.abs(ours - r));
            assertEquals(r, ours, Math.max(1e-4, Math.abs(r) * 1e-5), "line " + (i + 1));
        }
        System.out.println("max abs diff per-sentence log10 " + max);
    }

    @Test
    void perplexitiesOfOrders2To5() {
        Map<Integer, double[]> ref = Map.of(
                2, new double[] {1019.436077188708, 588.2061227682494},
                3, new double[] {962.9836890169369, 554.4759558255708},
                4, new double[] {957.6986881121811, 551.8276808536237},
                5, new double[] {957.8279157055314, 552.0173258748165});
        for (int n = 2; n <= 5; n++) {
            NGramModel m = n == 3 ? order3 : NGramTrainer.builder().order(n).build().fit(Corpora.lines(train));
            Perplexity p = m.perplexity(Corpora.lines(test));
            assertEquals(p, m.perplexity(Corpora.lines(test), 2), "the pipelined scorer");
            assertEquals(5078, p.oovs(), "OOVs");
            assertEquals(49355, p.tokens(), "tokens");
            double[] r = ref.get(n);
            System.out.printf("order %d: ppl %.6f (KenLM %.6f), excl. OOVs %.6f (KenLM %.6f)%n", n,
                    p.includingOovs(), r[0], p.excludingOovs(), r[1]);
            assertTrue(Math.abs(p.includingOovs() / r[0] - 1) < 1e-5, "order " + n + " ppl " + p.includingOovs());
            assertTrue(Math.abs(p.excludingOovs() / r[1] - 1) < 1e-5, "order " + n + " ppl excl " + p.excludingOovs());
        }
    }
}
