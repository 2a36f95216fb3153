package org.classicnlp.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.classicnlp.TestData;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.segment.WhitespaceTokenizer;
import org.junit.jupiter.api.Test;

class Word2VecTrainerTest {

    static final List<String> ANIMALS = List.of("cat", "dog", "horse", "rabbit", "mouse", "cow");
    static final List<String> VEHICLES = List.of("car", "bus", "truck", "train", "bicycle", "tractor");
    static final List<String> FRUITS = List.of("apple", "banana", "cherry", "grape", "pear", "plum");

    static Corpus<List<String>> toy() {
        return Corpora.lines(TestData.corpus("w2v-toy.txt")).map(d -> WhitespaceTokenizer.INSTANCE.words(d.text()));
    }

    static Word2VecTrainer.Builder small() {
        return Word2VecTrainer.builder().dimension(20).epochs(10).minCount(2).threads(1).seed(3);
    }

    /** Mean similarity within the three groups minus mean similarity across them. */
    static double groupMargin(WordVectors v) {
        List<List<String>> groups = List.of(ANIMALS, VEHICLES, FRUITS);
        double within = 0;
        double across = 0;
        int nw = 0;
        int na = 0;
        for (int g = 0; g < 3; g++) {
            for (int h = 0; h < 3; h++) {
                for (String a : groups.get(g)) {
                    for (String b : groups.get(h)) {
                        if (a.equals(b)) {
                            continue;
                        }
                        double s = v.similarity(a, b);
                        if (g == h) {
                            within += s;
                            nw++;
                        } else {
                            across += s;
                            na++;
                        }
                    }
                }
            }
        }
        return within / nw - across / na;
    }

    /** How many of each group word's 5 nearest head words (other groups' words as distractors) are its own. */
    static double neighbourPrecision(WordVectors v) {
        List<List<String>> groups = List.of(ANIMALS, VEHICLES, FRUITS);
        int good = 0;
        int total = 0;
        for (List<String> group : groups) {
            for (String w : group) {
                List<String> candidates = new ArrayList<>();
                groups.forEach(candidates::addAll);
                candidates.remove(w);
                candidates.sort((x, y) -> Double.compare(v.similarity(w, y), v.similarity(w, x)));
                for (String n : candidates.subList(0, 5)) {
                    good += group.contains(n) ? 1 : 0;
                    total++;
                }
            }
        }
        return good / (double) total;
    }

    @Test
    void skipGramNegativeSamplingGroupsWords() {
        WordVectors v = small().model(Word2VecTrainer.Model.SKIP_GRAM).build().fit(toy());
        assertTrue(groupMargin(v) > 0.3, "margin " + groupMargin(v));
        assertTrue(neighbourPrecision(v) > 0.9, "precision " + neighbourPrecision(v));
    }

    @Test
    void cbowNegativeSamplingGroupsWords() {
        WordVectors v = small().model(Word2VecTrainer.Model.CBOW).build().fit(toy());
        assertTrue(groupMargin(v) > 0.3, "margin " + groupMargin(v));
        assertTrue(neighbourPrecision(v) > 0.9, "precision " + neighbourPrecision(v));
    }

    @Test
    void hierarchicalSoftmaxAloneGroupsWords() {
        for (Word2VecTrainer.Model m : Word2VecTrainer.Model.values()) {
            WordVectors v = small().model(m).hs(true).negative(0).build().fit(toy());
            assertTrue(groupMargin(v) > 0.2, m + " margin " + groupMargin(v));
            assertTrue(neighbourPrecision(v) > 0.8, m + " precision " + neighbourPrecision(v));
        }
    }

    @Test
    void cbowSumAndMultipleThreadsStillLearn() {
        WordVectors sum = small().cbowMean(false).build().fit(toy());
        assertTrue(groupMargin(sum) > 0.2, "sum margin " + groupMargin(sum));
        WordVectors threaded = small().threads(3).model(Word2VecTrainer.Model.SKIP_GRAM).build().fit(toy());
        assertTrue(neighbourPrecision(threaded) > 0.9, "threaded precision " + neighbourPrecision(threaded));
    }

    @Test
    void untrainedVectorsDoNotGroupWords() {
        // the same measure on the initial random vectors (alpha tiny): the toy's structure is learned, not given
        WordVectors v = small().epochs(1).alpha(1e-7).minAlpha(0).build().fit(toy());
        assertTrue(Math.abs(groupMargin(v)) < 0.1, "margin " + groupMargin(v));
    }

    @Test
    void oneThreadAndSeedAreDeterministic() {
        for (Word2VecTrainer.Model m : Word2VecTrainer.Model.values()) {
            Word2VecTrainer t = small().model(m).epochs(2).hs(true).build();
            WordVectors a = t.fit(toy());
            WordVectors b = t.fit(toy());
            assertEquals(a.words(), b.words());
            for (String w : a.words()) {
                assertArrayEquals(a.vector(w).toFloatArray(), b.vector(w).toFloatArray(), m + " " + w);
            }
            WordVectors c = small().model(m).epochs(2).hs(true).seed(4).build().fit(toy());
            assertFalse(Arrays.equals(a.vector("cat").toFloatArray(), c.vector("cat").toFloatArray()));
        }
    }

    @Test
    void cachedEpochsReplayTheCorpusExactly() {
        // with one thread the id cache must give bit-identical training to re-reading the text every epoch
        WordVectors cached = small().epochs(3).build().fit(toy());
        WordVectors reread = small().epochs(3).cacheCorpus(false).build().fit(toy());
        for (String w : cached.words()) {
            assertArrayEquals(cached.vector(w).toFloatArray(), reread.vector(w).toFloatArray(), w);
        }
    }

    @Test
    void longSentencesAreSplitNotDropped() {
        List<String> longSentence = new ArrayList<>();
        for (int i = 0; i < 25_000; i++) {
            longSentence.add(i % 2 == 0 ? "x" : (i % 3 == 0 ? "y" : "z"));
        }
        Corpus<List<String>> c = () -> List.of(List.of("x", "y"), longSentence, List.of("z")).stream();
        long[] last = new long[2];
        WordVectors v = Word2VecTrainer.builder().minCount(1).dimension(8).threads(2).epochs(2)
                .build().fit(c, (stage, done, total) -> {
                    last[0] = done;
                    last[1] = total;
                });
        assertEquals(3, v.size());
        assertEquals(2 * 25_003, last[1]);
        assertEquals(last[1], last[0]);
    }

    @Test
    void vocabularyIsSortedByCountAndPruned() {
        Corpus<List<String>> c = () -> List.of(
                List.of("b", "a", "b", "c", "a", "b"),
                List.of("d", "a", "b", "c", "e")).stream();
        WordVectors v = Word2VecTrainer.builder().minCount(2).dimension(4).threads(1).build().fit(c);
        assertEquals(List.of("b", "a", "c"), v.words());
        assertEquals(4, v.count("b"));
        assertEquals(3, v.count("a"));
        assertEquals(0, v.count("d"));
        // maxVocab as gensim's max_final_vocab: raise the minimum count so at most 2 words remain
        WordVectors top = Word2VecTrainer.builder().minCount(1).maxVocab(2).dimension(4).threads(1).build().fit(c);
        assertEquals(List.of("b", "a"), top.words());
        // d and e (count 1) tie at the cut: both go rather than one arbitrarily
        WordVectors three = Word2VecTrainer.builder().minCount(1).maxVocab(4).dimension(4).threads(1).build().fit(c);
        assertEquals(List.of("b", "a", "c"), three.words());
    }

    @Test
    void emptyVocabularyAndBadParametersFailClearly() {
        Corpus<List<String>> c = () -> List.of(List.of("x", "y")).stream();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Word2VecTrainer.builder().build().fit(c));
        assertTrue(e.getMessage().contains("empty vocabulary"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Word2VecTrainer.builder().negative(0).build());
        assertThrows(IllegalArgumentException.class, () -> Word2VecTrainer.builder().dimension(0));
        assertThrows(IllegalArgumentException.class, () -> Word2VecTrainer.builder().sample(-1));
    }

    @Test
    void corpusThatChangesBetweenPassesIsReported() {
        int[] pass = {0};
        Corpus<List<String>> c = () -> {
            pass[0]++;
            List<List<String>> s = new ArrayList<>();
            for (int i = 0; i < (pass[0] == 1 ? 100 : 50); i++) {
                s.add(List.of("a", "b", "c"));
            }
            return s.stream();
        };
        // only without the cache is the corpus read again after the vocabulary pass
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Word2VecTrainer.builder().minCount(1).dimension(4).threads(1).cacheCorpus(false).build()
                        .fit(c));
        assertTrue(e.getMessage().startsWith("reading corpus, epoch 1: corpus changed"), e.getMessage());
        // with the cache it is read once
        pass[0] = 0;
        Word2VecTrainer.builder().minCount(1).dimension(4).threads(1).build().fit(c);
        assertEquals(1, pass[0]);
    }

    @Test
    void progressIsReportedUpToTheTotal() {
        List<long[]> seen = new ArrayList<>();
        small().epochs(2).build().fit(toy(), (stage, done, total) -> {
            assertEquals("train", stage);
            seen.add(new long[] {done, total});
        });
        long[] last = seen.get(seen.size() - 1);
        assertEquals(last[1], last[0]);
        assertEquals(2 * 15065, last[1]);
    }

    @Test
    void documentsThroughAnAnalyzerTrainExactlyAsTheirTerms() throws Exception {
        // the analyzer path (ids from the term buffer) equals fit() on the analyzer's terms as lists
        java.nio.file.Path file = TestData.corpus("w2v-toy.txt");
        Corpus<org.classicnlp.core.Document> docs = Corpora.lines(file);
        org.classicnlp.core.Analyzer upper = org.classicnlp.core.Analyzer.builder().segmenter("whitespace")
                .normalizers("width").stopWords(List.of("the")).build();
        for (org.classicnlp.core.Analyzer a : List.of(upper, org.classicnlp.core.Analyzer.whitespace())) {
            for (boolean cache : new boolean[] {true, false}) {
                Word2VecTrainer t = small().epochs(2).cacheCorpus(cache).build();
                WordVectors lists = t.fit(docs.map(d -> a.terms(d.text())));
                WordVectors analyzed = t.fit(docs, a);
                assertEquals(lists.words(), analyzed.words());
                for (String w : lists.words()) {
                    assertArrayEquals(lists.vector(w).toFloatArray(), analyzed.vector(w).toFloatArray(), w);
                }
            }
        }
        assertTrue(small().build().fit(docs, upper).indexOf("the") < 0, "stop word filtered");
    }

    @Test
    void preTokenizedLinesTrainExactlyAsWhitespaceWords() throws Exception {
        // same vocabulary, same batches, same vectors: only the way words become ids differs
        java.nio.file.Path file = TestData.corpus("w2v-toy.txt");
        Corpus<String> lines = Corpora.lines(file).map(org.classicnlp.core.Document::text);
        for (boolean cache : new boolean[] {true, false}) {
            Word2VecTrainer t = small().epochs(3).cacheCorpus(cache).build();
            WordVectors words = t.fit(toy());
            WordVectors text = t.fitPreTokenized(lines);
            assertEquals(words.words(), text.words());
            for (String w : words.words()) {
                assertEquals(words.count(w), text.count(w));
                assertArrayEquals(words.vector(w).toFloatArray(), text.vector(w).toFloatArray(), w);
            }
        }
        // white space as WhitespaceTokenizer defines it, including no-break spaces and tabs
        Corpus<String> odd = () -> java.util.stream.Stream.of("a\u00A0b\tc  a", "", " b a\u2007c ");
        Corpus<List<String>> split = () -> java.util.stream.Stream.of("a\u00A0b\tc  a", "", " b a\u2007c ")
                .map(WhitespaceTokenizer.INSTANCE::words);
        Word2VecTrainer t = Word2VecTrainer.builder().minCount(1).dimension(4).threads(1).build();
        WordVectors x = t.fitPreTokenized(odd);
        WordVectors y = t.fit(split);
        assertEquals(y.words(), x.words());
        assertEquals(List.of("a", "b", "c"), x.words());
        assertEquals(3, x.count("a"));
    }

    @Test
    void aReaderFailureNamesTheStageAndEpoch() {
        // the corpus fails on its third pass: with cacheCorpus(false) that is epoch 2, read on the reader thread
        int[] pass = {0};
        Corpus<List<String>> c = () -> {
            int p = ++pass[0];
            return java.util.stream.IntStream.range(0, 100).mapToObj(i -> {
                if (p == 3 && i == 50) {
                    throw new ArrayIndexOutOfBoundsException("Index 1000 out of bounds for length 1000");
                }
                return List.of("a", "b", "c");
            });
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Word2VecTrainer.builder().minCount(1).dimension(4).threads(2).epochs(3).cacheCorpus(false)
                        .build().fit(c));
        assertEquals("reading corpus, epoch 2: internal error (Index 1000 out of bounds for length 1000)",
                e.getMessage());
        // the vocabulary pass runs on the caller's thread and is named too
        Corpus<List<String>> broken = () -> java.util.stream.Stream.of(List.of("a"), null);
        IllegalStateException v = assertThrows(IllegalStateException.class,
                () -> Word2VecTrainer.builder().minCount(1).build().fit(broken));
        assertTrue(v.getMessage().startsWith("reading corpus: internal error ("), v.getMessage());
    }

    @Test
    void failuresAreDescribedWithoutJavaClassNames() {
        RuntimeException w = Word2VecTrainer.stageFailure("training epoch 2, worker 1",
                new ArrayIndexOutOfBoundsException("Index 1000 out of bounds for length 1000"));
        assertEquals("training epoch 2, worker 1: internal error (Index 1000 out of bounds for length 1000)",
                w.getMessage());
        assertTrue(w instanceof IllegalStateException);
        RuntimeException io = Word2VecTrainer.stageFailure("reading corpus", new java.io.UncheckedIOException(
                "cannot open x.txt: java.nio.file.NoSuchFileException: x.txt",
                new java.nio.file.NoSuchFileException("x.txt")));
        assertEquals("reading corpus: cannot open x.txt: no such file: x.txt", io.getMessage());
        assertTrue(io instanceof java.io.UncheckedIOException);
        RuntimeException oom = Word2VecTrainer.stageFailure("training epoch 1, worker 0",
                new OutOfMemoryError("Java heap space"));
        assertTrue(oom.getMessage().startsWith("training epoch 1, worker 0: out of memory (Java heap space;"),
                oom.getMessage());
        RuntimeException npe = Word2VecTrainer.stageFailure("s", new NullPointerException());
        assertEquals("s: internal error (no detail)", npe.getMessage());
        for (RuntimeException e : List.of(w, io, oom, npe)) {
            assertFalse(e.getMessage().matches(".*\\b(java|javax)\\.[a-z]+\\..*"), e.getMessage());
            assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        }
    }

    /** Runs the CLI, returning {exit code, stderr}. */
    static String[] cli(String... args) {
        java.io.PrintStream oldErr = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        try {
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            int code = org.classicnlp.cli.Main.run(args);
            return new String[] {Integer.toString(code), err.toString(java.nio.charset.StandardCharsets.UTF_8)};
        } finally {
            System.setErr(oldErr);
        }
    }

    static void assertOneErrorLine(String[] r, String prefix) {
        List<String> errors = r[1].lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals("1", r[0], r[1]);
        assertEquals(1, errors.size(), r[1]);
        assertTrue(errors.get(0).startsWith(prefix), errors.get(0));
        assertFalse(errors.get(0).contains("Exception"), errors.get(0));
        assertFalse(r[1].contains("\tat "), "no stack trace: " + r[1]);
    }

    @Test
    void theCommandLineReportsAFailureAsOneErrorLineAndExitsWithOne(@org.junit.jupiter.api.io.TempDir
                                                                   java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path notGzip = tmp.resolve("corpus.txt.gz");
        java.nio.file.Files.writeString(notGzip, "not gzip at all\n");
        assertOneErrorLine(cli("w2v", "train", "--input", notGzip.toString(), "--output",
                tmp.resolve("v.bin").toString(), "--tokenizer", "whitespace", "--no-progress"),
                "error: cannot open " + notGzip + ": Not in GZIP format");
        java.nio.file.Path missing = tmp.resolve("missing.txt");
        assertOneErrorLine(cli("w2v", "train", "--input", missing.toString(), "--output",
                tmp.resolve("m.bin").toString(), "--no-progress"), "error: --input " + missing + ": no such file");
        // a gzip file that breaks half-way: the first line reads, the vocabulary pass fails
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gz)) {
            java.util.SplittableRandom r = new java.util.SplittableRandom(1);
            for (int i = 0; i < 20_000; i++) {
                out.write(("w" + r.nextInt(5000) + " w" + r.nextInt(5000) + " the cat\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        byte[] bytes = gz.toByteArray();
        java.nio.file.Path broken = tmp.resolve("broken.txt.gz");
        java.nio.file.Files.write(broken, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertOneErrorLine(cli("w2v", "train", "--input", broken.toString(), "--output",
                tmp.resolve("w.bin").toString(), "--tokenizer", "whitespace", "--no-progress", "--min-count", "1"),
                "error: reading corpus: ");
    }
}
