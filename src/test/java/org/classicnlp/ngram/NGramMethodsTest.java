package org.classicnlp.ngram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.classicnlp.core.ModelFormatException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --prune, plain Kneser-Ney and add-k: normalisation, ARPA round trip, pruning semantics, lmplz parity. */
class NGramMethodsTest {

    @TempDir
    Path tmp;

    static List<String> lines;

    @BeforeAll
    static void corpus() {
        lines = new ArrayList<>(NGramModelTest.corpus(3000, 11));
        lines.removeIf(String::isEmpty);
    }

    static NGramModel train(NGramTrainer.Method method, int order, long... prune) {
        NGramTrainer.Builder b = NGramTrainer.builder().order(order).threads(1).method(method);
        if (method == NGramTrainer.Method.ADDK) {
            b.addK(0.5);
        }
        if (prune.length > 0) {
            b.prune(prune);
        }
        return b.build().fit(NGramModelTest.docs(lines));
    }

    static void assertSumsToOne(NGramModel m, String what) {
        List<String> vocab = new ArrayList<>();
        m.forEachNGram(1, (w, e) -> vocab.add(w.get(0)));
        // contexts seen in training (long and short), partly seen, unseen and at the sentence start
        List<List<String>> contexts = new ArrayList<>(List.of(List.of(), List.of("<s>"), List.of("zzz", "qqq"),
                List.of("<s>", "the"), List.of("zzz", "dog")));
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 12; i++) {
            String[] t = lines.get(r.nextInt(lines.size())).split(" ");
            int end = r.nextInt(t.length + 1);
            List<String> ctx = new ArrayList<>();
            if (end < 3) {
                ctx.add("<s>");
            }
            for (int j = Math.max(0, end - 3); j < end; j++) {
                ctx.add(t[j]);
            }
            contexts.add(ctx);
        }
        for (List<String> ctx : contexts) {
            double sum = 0;
            for (String w : vocab) {
                if (!w.equals("<s>")) {
                    sum += Math.pow(10, m.logProb(w, ctx));
                }
            }
            assertEquals(1.0, sum, 2e-4, what + ": context " + ctx);
        }
    }

    @Test
    void everyMethodSumsToOneWithAndWithoutPruning() {
        for (NGramTrainer.Method method : NGramTrainer.Method.values()) {
            assertSumsToOne(train(method, 3), method.id());
            assertSumsToOne(train(method, 3, 0, 1), method.id() + " --prune 0,1");
            assertSumsToOne(train(method, 4, 0, 0, 1, 2), method.id() + " --prune 0,0,1,2");
        }
    }

    @Test
    void arpaAndBinaryRoundTripForEveryMethod() throws IOException {
        for (NGramTrainer.Method method : NGramTrainer.Method.values()) {
            NGramModel m = train(method, 3, 0, 1);
            Path arpa = tmp.resolve(method.id() + ".arpa");
            m.writeArpa(arpa);
            NGramModelTest.assertSameEntries(m, NGramModel.readArpa(arpa), 0);
            Path bin = tmp.resolve(method.id() + ".bin");
            m.save(bin);
            NGramModelTest.assertSameEntries(m, NGramModel.load(bin), 0);
        }
    }

    @Test
    void methodsDiffer() {
        NGramModel mkn = train(NGramTrainer.Method.MKN, 3);
        NGramModel kn = train(NGramTrainer.Method.KN, 3);
        NGramModel addk = train(NGramTrainer.Method.ADDK, 3);
        String s = "the cat sat on the mat";
        assertNotEquals(mkn.score(s), kn.score(s));
        assertNotEquals(mkn.score(s), addk.score(s));
        // the same n-grams: the methods differ in probabilities only
        for (int k = 1; k <= 3; k++) {
            assertEquals(mkn.count(k), kn.count(k));
            assertEquals(mkn.count(k), addk.count(k));
        }
    }

    /** Raw counts of the n-grams of {@code <s> w1 .. wn </s>} per sentence, by order. */
    static List<Map<List<String>, Integer>> rawCounts(int order) {
        List<Map<List<String>, Integer>> out = new ArrayList<>();
        for (int k = 0; k <= order; k++) {
            out.add(new HashMap<>());
        }
        for (String line : lines) {
            List<String> t = new ArrayList<>();
            t.add("<s>");
            t.addAll(List.of(line.split(" ")));
            t.add("</s>");
            for (int k = 1; k <= order; k++) {
                for (int i = 0; i + k <= t.size(); i++) {
                    out.get(k).merge(List.copyOf(t.subList(i, i + k)), 1, Integer::sum);
                }
            }
        }
        return out;
    }

    @Test
    void pruningKeepsExactlyTheNGramsWhoseRawCountIsAboveTheThreshold() {
        long[] thresholds = {0, 1, 2};
        NGramModel m = train(NGramTrainer.Method.MKN, 4, thresholds);
        List<Map<List<String>, Integer>> raw = rawCounts(4);
        int lowerAdjustedButKept = 0;
        for (int k = 2; k <= 4; k++) {
            long t = thresholds[Math.min(k, thresholds.length) - 1];
            Set<List<String>> expected = new HashSet<>();
            for (Map.Entry<List<String>, Integer> e : raw.get(k).entrySet()) {
                if (e.getValue() > t) {
                    expected.add(e.getKey());
                }
            }
            Set<List<String>> got = new HashSet<>();
            m.forEachNGram(k, (w, e) -> got.add(List.copyOf(w)));
            assertEquals(expected, got, k + "-grams kept by --prune 0,1,2");
            assertEquals(expected.size(), m.count(k));
            if (k < 4) {
                // n-grams whose adjusted (continuation) count is at most the threshold but whose raw count is
                // above it: kept, because lmplz prunes on raw counts
                Map<List<String>, Set<String>> left = new HashMap<>();
                for (List<String> g : raw.get(k + 1).keySet()) {
                    left.computeIfAbsent(g.subList(1, g.size()), x -> new HashSet<>()).add(g.get(0));
                }
                for (List<String> g : got) {
                    Set<String> l = left.get(g);
                    if (!g.get(0).equals("<s>") && l != null && l.size() <= t) {
                        lowerAdjustedButKept++;
                    }
                }
            }
        }
        assertTrue(lowerAdjustedButKept > 0, "the corpus has kept n-grams with a small adjusted count");
        // unigrams are never pruned
        assertEquals(train(NGramTrainer.Method.MKN, 4).count(1), m.count(1));
    }

    @Test
    void addKGivesSeenNGramsTheirAddKProbability() {
        double k = 0.5;
        NGramModel m = train(NGramTrainer.Method.ADDK, 2);
        List<Map<List<String>, Integer>> raw = rawCounts(2);
        long v1 = m.vocabularySize() - 1; // without <s>
        long tokens = 0;
        for (Map.Entry<List<String>, Integer> e : raw.get(1).entrySet()) {
            if (!e.getKey().get(0).equals("<s>")) {
                tokens += e.getValue();
            }
        }
        double pThe = (raw.get(1).get(List.of("the")) + k) / (tokens + k * v1);
        assertEquals(Math.log10(pThe), m.logProb("the", List.of()), 1e-6);
        assertEquals(Math.log10(k / (tokens + k * v1)), m.logProb("never-seen", List.of()), 1e-6);
        int cTheCat = raw.get(2).getOrDefault(List.of("the", "cat"), 0);
        assertTrue(cTheCat > 0);
        int cThe = 0;
        for (Map.Entry<List<String>, Integer> e : raw.get(2).entrySet()) {
            if (e.getKey().get(0).equals("the")) {
                cThe += e.getValue();
            }
        }
        assertEquals(Math.log10((cTheCat + k) / (cThe + k * v1)), m.logProb("cat", List.of("the")), 1e-6);
    }

    @Test
    void pruneThresholdsAreCheckedAsLmplzChecksThem() {
        assertThrows(IllegalArgumentException.class, () -> NGramTrainer.builder().prune(0, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> NGramTrainer.builder().prune(1, 1));
        assertThrows(IllegalArgumentException.class, () -> NGramTrainer.builder().order(2).prune(0, 1, 1).build());
        assertThrows(IllegalArgumentException.class, () -> NGramTrainer.builder().addK(0));
    }

    @Test
    void mappedBinaryWithADamagedTableFailsItsChecksum() throws IOException {
        NGramModel m = train(NGramTrainer.Method.MKN, 3);
        Path bin = tmp.resolve("m.bin");
        m.save(bin);
        byte[] b = Files.readAllBytes(bin);
        b[b.length - 100] ^= 1;
        Path bad = tmp.resolve("bad.bin");
        Files.write(bad, b);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> NGramModel.load(bad));
        assertTrue(e.getMessage().contains("bad.bin") && e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void fileScoringOnBytesEqualsScoringAnalysedText() throws IOException {
        List<String> tricky = List.of("the cat\tsat  on\u000Bthe mat", "", "  ", "the\u3000dog ran\u00A0to the house",
                "big 😀 red\u2007one two", "the\u200Bcat", "é the cat", "w17 w18 w19 zzz");
        Path f = tmp.resolve("t.txt");
        // BOM, CRLF and a last line without a line end
        Files.write(f, ("\uFEFF" + String.join("\r\n", tricky)).getBytes(StandardCharsets.UTF_8));
        for (Unit unit : Unit.values()) {
            NGramModel m = train(NGramTrainer.Method.MKN, 3).withAnalysis(org.classicnlp.core.Analyzer.whitespace().spec(), unit);
            Perplexity viaText = m.perplexity(NGramModelTest.docs(tricky));
            Perplexity viaBytes = m.perplexity(f);
            assertEquals(viaText, viaBytes, unit.id());
            List<Double> totals = new ArrayList<>();
            try (org.classicnlp.core.LineReader r = org.classicnlp.core.TextFiles.lineReader(f)) {
                m.scoreLines(r, totals::add);
            }
            assertEquals(tricky.size(), totals.size());
            for (int i = 0; i < tricky.size(); i++) {
                assertEquals(m.score(tricky.get(i)), totals.get(i), 0, unit.id() + " line " + i);
            }
        }
    }

    /**
     * Our --prune against lmplz's own output with the same thresholds, when KenLM is built here (KENLM_BIN, or
     * /tmp/kenlm/build/bin as bench/ngram_bench.sh builds it); the CI machine has no KenLM and skips this.
     */
    @Test
    void pruneMatchesLmplz() throws Exception {
        String dir = System.getenv().getOrDefault("KENLM_BIN", "/tmp/kenlm/build/bin");
        Path lmplz = Path.of(dir, "lmplz");
        Assumptions.assumeTrue(Files.isExecutable(lmplz), "KenLM's lmplz not found in " + dir
                + " (set KENLM_BIN): skipping the --prune parity check against lmplz");
        Path text = tmp.resolve("train.txt");
        Files.write(text, lines, StandardCharsets.UTF_8);
        for (long[] t : new long[][] {{0, 0, 1}, {0, 1, 1}, {0, 1, 2, 3}}) {
            int order = t.length;
            Path arpa = tmp.resolve("kenlm-" + order + ".arpa");
            List<String> cmd = new ArrayList<>(List.of(lmplz.toString(), "-o", Integer.toString(order),
                    // lmplz's default -S 80% of physical memory gets it (or this test's JVM) killed on a shared machine
                    "-S", "1G", "--text",
                    text.toString(), "--arpa", arpa.toString(), "--prune"));
            for (long x : t) {
                cmd.add(Long.toString(x));
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile()).start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "lmplz failed: " + Files.readString(tmp.resolve("log")));
            NGramModel kenlm = NGramModel.readArpa(arpa);
            NGramModel ours = train(NGramTrainer.Method.MKN, order, t);
            for (int k = 1; k <= order; k++) {
                assertEquals(kenlm.count(k), ours.count(k), "number of " + k + "-grams with --prune " + java.util.Arrays.toString(t));
                int kk = k;
                kenlm.forEachNGram(k, (words, ref) -> {
                    float[] e = ours.entry(words);
                    assertNotNull(e, () -> "missing " + kk + "-gram " + words);
                    assertEquals(ref[0], e[0], 1e-5, () -> "prob of " + words);
                    assertEquals(ref[1], e[1], 1e-5, () -> "backoff of " + words);
                });
            }
        }
    }
}
