package org.classicnlp.ngram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Document;
import org.classicnlp.core.ModelFormatException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Formats, queries and options on a small generated corpus (no shared data needed). */
class NGramModelTest {

    @TempDir
    Path tmp;

    static List<String> lines;
    static NGramModel model;

    /** Sentences from a reproducible random process: Zipf-like words, each depending on the one before. */
    static List<String> corpus(int n, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        String[] base = "the a cat dog sat on mat and ran to house big small red one two".split(" ");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int len = 1 + r.nextInt(12);
            StringBuilder sb = new StringBuilder();
            int prev = r.nextInt(base.length);
            for (int j = 0; j < len; j++) {
                String w;
                if (r.nextInt(2) == 0) {
                    // a long tail of rarer words: singletons and doubletons at every order
                    int z = (int) Math.floor(Math.exp(r.nextDouble() * Math.log(3000)));
                    w = z < base.length ? base[z] : "w" + z;
                } else {
                    prev = (prev * 7 + r.nextInt(4)) % base.length;
                    w = base[prev];
                }
                sb.append(j > 0 ? " " : "").append(w);
            }
            out.add(sb.toString());
        }
        out.add("");
        return out;
    }

    static Corpus<Document> docs(List<String> lines) {
        return () -> {
            int[] i = {0};
            return lines.stream().map(l -> new Document(Integer.toString(i[0]++), l));
        };
    }

    @BeforeAll
    static void train() {
        lines = corpus(3000, 7);
        model = NGramTrainer.builder().order(4).threads(1).build().fit(docs(lines));
    }

    static void assertSameEntries(NGramModel a, NGramModel b, double tol) {
        assertEquals(a.order(), b.order());
        for (int k = 1; k <= a.order(); k++) {
            assertEquals(a.count(k), b.count(k), "count of " + k + "-grams");
            int kk = k;
            a.forEachNGram(k, (words, e) -> {
                float[] f = b.entry(words);
                assertNotNull(f, () -> "missing " + kk + "-gram " + words);
                assertEquals(e[0], f[0], tol, () -> "prob of " + words);
                assertEquals(e[1], f[1], tol, () -> "backoff of " + words);
            });
        }
    }

    @Test
    void pipelinedCountingGivesTheSameModel() {
        NGramModel piped = NGramTrainer.builder().order(4).threads(3).build().fit(docs(lines));
        assertSameEntries(model, piped, 0);
    }

    @Test
    void probabilitiesSumToOneInEveryContext() {
        List<String> vocab = new ArrayList<>();
        model.forEachNGram(1, (w, e) -> vocab.add(w.get(0)));
        for (List<String> ctx : List.of(List.<String>of(), List.of("<s>"), List.of("the", "cat"),
                List.of("<s>", "big", "red"), List.of("zzz", "dog"))) {
            double sum = 0;
            for (String w : vocab) {
                if (!w.equals("<s>")) {
                    sum += Math.pow(10, model.logProb(w, ctx));
                }
            }
            assertEquals(1.0, sum, 1e-4, "context " + ctx);
        }
    }

    @Test
    void scoreIsTheSumOfLogProbsWithEndOfSentence() {
        String s = "the cat sat on the zzz mat";
        List<String> t = Arrays.asList(s.split(" "));
        double sum = 0;
        List<String> hist = new ArrayList<>(List.of("<s>"));
        for (String w : t) {
            sum += model.logProb(w, hist);
            hist.add(w);
        }
        sum += model.logProb("</s>", hist);
        assertEquals(sum, model.score(s), 1e-4);
        assertEquals(sum, model.score(t), 1e-4);
        Perplexity p = model.perplexity(docs(List.of(s)));
        assertEquals(8, p.tokens());
        assertEquals(1, p.oovs());
        assertEquals(Math.pow(10, -sum / 8), p.includingOovs(), 1e-6 * p.includingOovs());
    }

    @Test
    void arpaRoundTripsPlainAndGzip() {
        for (String name : List.of("m.arpa", "m.arpa.gz")) {
            Path f = tmp.resolve(name);
            model.writeArpa(f);
            NGramModel back = NGramModel.readArpa(f);
            assertSameEntries(model, back, 0);
            assertSameEntries(back, model, 0);
            assertEquals(model.score("the cat sat"), back.score("the cat sat"), 1e-6);
            assertEquals(model.score("the cat sat"), NGramModel.open(f).score("the cat sat"), 1e-6);
        }
    }

    @Test
    void binaryRoundTrips() throws IOException {
        Path f = tmp.resolve("m.bin");
        model.save(f);
        NGramModel back = NGramModel.load(f);
        assertSameEntries(model, back, 0);
        assertEquals(model.analyzerSpec(), back.analyzerSpec());
        assertEquals(model.unit(), back.unit());
        assertEquals(model.score("the dog ran"), NGramModel.open(f).score("the dog ran"), 0);
        byte[] all = Files.readAllBytes(f);
        NGramModel fromStream = NGramModel.load(new ByteArrayInputStream(all), "mem");
        assertEquals(model.score("the dog ran"), fromStream.score("the dog ran"), 0);
        Path cut = tmp.resolve("cut.bin");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> NGramModel.load(cut));
        assertTrue(e.getMessage().contains("cut.bin") && e.getMessage().contains("truncated"), e.getMessage());
    }

    private String arpa() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NGramTrainer.builder().order(2).build().fit(docs(corpus(600, 3))).writeArpa(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A stream has no size to bound the counts by; counts needing more than the heap are refused at once. */
    @Test
    void aStreamWhoseCountsNeedMoreThanTheHeapIsRefused() {
        // five orders of 350 M n-grams: about 42 GB of tables, each order under the per-order limit
        long need = 5 * 350_000_000L * 24;
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() < need,
                "this JVM's heap could hold " + need + " bytes of tables");
        String m = arpaError("\\data\\\nngram 1=1\nngram 2=350000000\nngram 3=350000000\nngram 4=350000000\n"
                + "ngram 5=350000000\nngram 6=350000000\n\n\\1-grams:\n-1.0\ta\n");
        assertTrue(m.contains("more than this JVM's heap"), m);
    }

    private String arpaError(String text) {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> NGramModel.readArpa(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "bad.arpa"));
        assertTrue(e.getMessage().startsWith("bad.arpa"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void badAndTruncatedArpaFilesNameTheLine() throws IOException {
        String good = arpa();
        List<String> l = good.lines().collect(Collectors.toList());
        int bigrams = l.indexOf("\\2-grams:");
        // cut inside the bigrams
        String cut = String.join("\n", l.subList(0, bigrams + 3)) + "\n";
        String m = arpaError(cut);
        assertTrue(m.contains("line " + (bigrams + 3)) && m.contains("truncated"), m);
        // cut in the middle of a line
        m = arpaError(good.substring(0, good.indexOf('\n', good.indexOf("\\2-grams:")) + 10));
        assertTrue(m.contains("line " + (bigrams + 2)), m);
        // a bad number
        List<String> bad = new ArrayList<>(l);
        bad.set(bigrams + 2, bad.get(bigrams + 2).replaceFirst("^-[0-9.e-]+", "-x1"));
        m = arpaError(String.join("\n", bad));
        assertTrue(m.contains("line " + (bigrams + 3)) && m.contains("not a number"), m);
        // an unknown word
        bad = new ArrayList<>(l);
        bad.set(bigrams + 1, bad.get(bigrams + 1).replaceFirst("\t\\S+ ", "\tnope "));
        m = arpaError(String.join("\n", bad));
        assertTrue(m.contains("line " + (bigrams + 2)) && m.contains("'nope'"), m);
        // no \end\
        m = arpaError(good.replace("\\end\\", ""));
        assertTrue(m.contains("\\end\\"), m);
        // not ARPA at all
        m = arpaError("hello\nworld\n");
        assertTrue(m.contains("line 2") && m.contains("\\data\\"), m);
        // header count larger than the section
        m = arpaError(good.replaceFirst("ngram 2=(\\d+)", "ngram 2=999999"));
        assertTrue(m.contains("fewer 2-grams") || m.contains("truncated"), m);
    }

    @Test
    void characterUnitEqualsSpaceSeparatedCharacters() {
        List<String> zh = List.of("我们 爱 北京", "北京 是 首都", "我 爱 你们", "首都 北京 很 大", "你们 好");
        List<String> spaced = zh.stream().map(s -> s.replace(" ", "").chars().mapToObj(c -> Character.toString(c))
                .collect(Collectors.joining(" "))).toList();
        List<String> big = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            big.addAll(zh.subList(0, 1 + i % zh.size()));
        }
        List<String> bigSpaced = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            bigSpaced.addAll(spaced.subList(0, 1 + i % spaced.size()));
        }
        big.addAll(corpus(300, 1));
        bigSpaced.addAll(corpus(300, 1).stream().map(s -> s.replace(" ", "").chars()
                .mapToObj(c -> Character.toString(c)).collect(Collectors.joining(" "))).toList());
        NGramModel chars = NGramTrainer.builder().order(3).unit(Unit.CHAR).build().fit(docs(big));
        NGramModel words = NGramTrainer.builder().order(3).build().fit(docs(bigSpaced));
        assertSameEntries(words, chars, 0);
        assertEquals(words.score("北 京 很 好"), chars.score("北京 很好"), 1e-6);
        assertEquals(Unit.CHAR, chars.unit());
    }

    @Test
    void sampleIsReproducibleAndUsesTheVocabulary() {
        List<String> a = model.sample(List.of("the"), 30, 42);
        assertEquals(a, model.sample(List.of("the"), 30, 42));
        assertTrue(a.size() <= 30);
        for (String w : a) {
            assertTrue(model.contains(w) && !w.equals("<s>") && !w.equals("<unk>") && !w.equals("</s>"), w);
        }
        assertTrue(model.sample(List.of(), 0, 1).isEmpty());
    }

    @Test
    void reservedWordsAndBadOptionsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NGramTrainer.builder().order(2).build().fit(docs(List.of("a <s> b"))));
        assertTrue(e.getMessage().contains("document 0") && e.getMessage().contains("<s>"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NGramTrainer.builder().order(7));
        assertThrows(IllegalArgumentException.class, () -> NGramTrainer.builder().order(0));
        e = assertThrows(IllegalArgumentException.class,
                () -> NGramTrainer.builder().order(3).build().fit(docs(List.of("a b c"))));
        assertTrue(e.getMessage().contains("discounts") && e.getMessage().contains("discountFallback"), e.getMessage());
        NGramModel tiny = NGramTrainer.builder().order(3).discountFallback(0.5f, 1f, 1.5f).build()
                .fit(docs(List.of("a b c", "a b")));
        assertTrue(tiny.score("a b") < 0);
    }

    @Test
    void ordersOneToSix() {
        for (int n = 1; n <= 6; n++) {
            // the toy corpus has too few high-order n-grams for closed-form discounts: lmplz would need them too
            NGramModel m = NGramTrainer.builder().order(n).discountFallback(0.5f, 1f, 1.5f).build().fit(docs(lines));
            assertEquals(n, m.order());
            double ppl = m.perplexity(docs(lines.subList(0, 100))).includingOovs();
            assertTrue(ppl > 1 && ppl < 200, "order " + n + " ppl " + ppl);
        }
        NGramModel ws = NGramTrainer.builder().order(2).analyzer(Analyzer.whitespace()).build().fit(docs(lines));
        assertEquals("whitespace", ws.analyzerSpec().segmenter());
    }

    /**
     * The sentence scorer (all of a sentence's probes of one order at once) gives, bit for bit, the totals of
     * {@link NGramModel#step} word by word: orders 1-6, pruned, word and character units, unknown words, blank
     * and non-ASCII lines, read from a file (the byte path) and through documents.
     */
    @Test
    void sentenceScorerEqualsWordByWordSteps() throws IOException {
        List<String> test = new ArrayList<>(corpus(400, 99));
        test.add("  the  cat\tzzz \u00e9t\u00e9 caf\u00e9 ");
        test.add("北京 的 猫 the 𠀋 dog");
        test.add("");
        Path file = tmp.resolve("test.txt");
        Files.write(file, test, StandardCharsets.UTF_8);
        List<NGramModel> models = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            models.add(NGramTrainer.builder().order(n).discountFallback(0.5f, 1f, 1.5f).build().fit(docs(lines)));
        }
        models.add(NGramTrainer.builder().order(4).prune(0, 1, 1, 2).discountFallback(0.5f, 1f, 1.5f).build().fit(docs(lines)));
        models.add(NGramTrainer.builder().order(3).unit(Unit.CHAR).discountFallback(0.5f, 1f, 1.5f).build().fit(docs(lines)));
        // whitespace-tokenized: ASCII lines are split and hashed on their bytes
        models.add(NGramTrainer.builder().order(5).analyzer(Analyzer.whitespace()).discountFallback(0.5f, 1f, 1.5f)
                .build().fit(docs(lines)));
        models.add(NGramTrainer.builder().order(3).analyzer(Analyzer.whitespace()).unit(Unit.CHAR).discountFallback(0.5f, 1f, 1.5f)
                .build().fit(docs(lines)));
        for (NGramModel m : models) {
            String what = "order " + m.order() + " " + m.unit() + " " + m.analyzerSpec().segmenter() + ", "
                    + m.count(m.order()) + " top n-grams";
            double total = 0;
            long tokens = 0;
            for (String line : test) {
                List<String> toks = m.tokens(line);
                double byStep = m.score(toks);
                assertEquals(byStep, m.score(line), 0, () -> what + ": " + line);
                total += byStep;
                tokens += toks.size() + 1;
            }
            Perplexity fromFile = m.perplexity(file);
            Perplexity stepped = m.perplexity(docs(test), 2);
            assertEquals(tokens, fromFile.tokens(), what);
            assertEquals(stepped.tokens(), fromFile.tokens(), what);
            assertEquals(stepped.oovs(), fromFile.oovs(), what);
            assertEquals(Math.pow(10, -total / tokens), fromFile.includingOovs(), 1e-9 * fromFile.includingOovs(), what);
            assertEquals(stepped.includingOovs(), fromFile.includingOovs(), 1e-9 * stepped.includingOovs(), what);
            assertEquals(stepped.excludingOovs(), fromFile.excludingOovs(), 1e-9 * stepped.excludingOovs(), what);
            List<Double> lineTotals = new ArrayList<>();
            try (org.classicnlp.core.LineReader r = org.classicnlp.core.TextFiles.lineReader(file)) {
                m.scoreLines(r, lineTotals::add);
            }
            assertEquals(test.size(), lineTotals.size(), what);
            for (int i = 0; i < test.size(); i++) {
                assertEquals(m.score(m.tokens(test.get(i))), lineTotals.get(i), 0, what + ": line " + (i + 1));
            }
        }
    }

    @Test
    void lookupInATableWithNoEmptySlotEnds() {
        // a damaged binary (checksum repaired) may hold a full table: probing must stop after one lap
        long[] full = {5, 0, 6, 0, 7, 0, 8, 0};
        assertEquals(-1, NGramModel.find(full, 9));
        assertEquals(2, NGramModel.find(full, 7));
    }
}
