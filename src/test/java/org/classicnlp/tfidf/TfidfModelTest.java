package org.classicnlp.tfidf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.classicnlp.TestData;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Document;
import org.classicnlp.core.SparseVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfidfModelTest {

    @TempDir
    Path tmp;

    static Corpus<Document> sample() {
        return Corpora.lines(TestData.corpus("tfidf-sample.txt"));
    }

    static List<Document> docs() {
        return sample().stream().toList();
    }

    @Test
    void defaultsAreScikitLearns() {
        TfidfModel m = TfidfVectorizer.builder().tokenizer("whitespace").build().fit(sample());
        assertEquals(Norm.L2, m.norm());
        assertTrue(m.useIdf() && m.smoothIdf() && !m.sublinearTf() && !m.textbook());
        // lowercase=True by default: Apple/apple/APPLE are one term
        assertTrue(m.indexOf("apple") >= 0);
        assertEquals(-1, m.indexOf("Apple"));
        assertEquals(8, m.documentCount());
        // smooth idf of "the" (in 3 of 8 documents): ln(9/4) + 1
        assertEquals(Math.log(9.0 / 4.0) + 1, m.idf("the").getAsDouble(), 1e-15);
        assertTrue(m.idf("zebra").isEmpty());
        SparseVector v = m.transform(docs().get(0));
        assertEquals(1.0, v.norm(), 1e-12);
        assertEquals(m.dimension(), v.dimension());
        assertEquals("tfidf", m.name());
        assertEquals(v, m.embed(docs().get(0)));
        assertEquals(0, m.transform(docs().get(3)).size(), "empty line gives an empty vector");
    }

    @Test
    void vocabularyInCodePointOrder() {
        TfidfModel m = TfidfVectorizer.builder().tokenizer("whitespace").build().fit(sample());
        List<String> v = m.vocabulary();
        // U+FF46 (ｆｏｏ) sorts before U+1F600 (😀) by code point, although its UTF-16 unit is larger
        assertTrue(v.indexOf("ｆｏｏ") < v.indexOf("😀"), v.toString());
        for (int i = 1; i < v.size(); i++) {
            assertTrue(TfidfVectorizer.compareCodePoints(v.get(i - 1), v.get(i)) < 0);
            assertTrue(v.get(i - 1).codePoints().toArray().length > 0);
        }
    }

    @Test
    void textbookPreset() {
        TfidfModel m = TfidfVectorizer.builder().tokenizer("whitespace").textbook().build().fit(sample());
        assertEquals(Norm.NONE, m.norm());
        SparseVector v = m.transform("the cat sat on the mat");
        // tf = 2/6, idf = log10(8/3)
        assertEquals(2.0 / 6.0 * Math.log10(8.0 / 3.0), v.get(m.indexOf("the")), 1e-15);
        assertEquals(1.0 / 6.0 * Math.log10(8.0 / 1.0), v.get(m.indexOf("mat")), 1e-15);
    }

    @Test
    void ngramsBridgeStopWordsAndJoinWithOneSpace() {
        TermAnalyzer a = TfidfVectorizer.builder().tokenizer("whitespace").ngramRange(1, 2)
                .stopWords(List.of("the")).build().analyzer();
        assertEquals(List.of("cat", "sat", "on", "mat", "cat sat", "sat on", "on mat"),
                a.terms("The cat\u00a0sat on the\tmat"));
        TermAnalyzer b = TfidfVectorizer.builder().tokenizer("whitespace").ngramRange(2, 3).lowercase(false).build().analyzer();
        assertEquals(List.of("A b", "b c", "A b c"), b.terms("A b c"));
    }

    @Test
    void whitespaceIsPythonsStrIsspace() {
        // every code point for which Python's str.isspace() is true (Python 3.11)
        int[] python = {0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001,
            0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f,
            0x3000};
        List<Integer> ours = new ArrayList<>();
        for (int c = 0; c < 0x10000; c++) {
            if (org.classicnlp.segment.WhitespaceTokenizer.isSpace((char) c)) {
                ours.add(c);
            }
        }
        assertEquals(java.util.Arrays.stream(python).boxed().toList(), ours);
    }

    @Test
    void savedModelReloadsToIdenticalVectors() throws Exception {
        TfidfModel m = TfidfVectorizer.builder().tokenizer("whitespace").sublinearTf(true).ngramRange(1, 2)
                .stopWords(StopWords.english()).minDf(1).maxDf(0.9).build().fit(sample());
        Path file = tmp.resolve("m.tfidf");
        m.save(file);
        TfidfModel r = TfidfModel.load(file);
        assertEquals(m.vocabulary(), r.vocabulary());
        assertEquals(m.analyzer().stopWords(), r.analyzer().stopWords());
        assertEquals(m.toString(), r.toString());
        for (Document d : docs()) {
            assertEquals(m.transform(d), r.transform(d));
        }
        Path again = tmp.resolve("again.tfidf");
        r.save(again);
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(again)), "save is deterministic");
    }

    @Test
    void damagedFilesFailWithClearMessages() throws Exception {
        TfidfModel m = TfidfVectorizer.builder().tokenizer("whitespace").build().fit(sample());
        Path file = tmp.resolve("m.tfidf");
        m.save(file);
        Path lexicon = tmp.resolve("w.lexicon");
        org.classicnlp.lexicon.Lexicon.ofWords("w", List.of("a", "b")).save(lexicon);
        org.classicnlp.core.ModelFileChecks.assertRejectsDamage(Files.createDirectories(tmp.resolve("damage")), file,
                "tfidf", TfidfModel::load, lexicon);
    }

    @Test
    void theFileStoresTheFullAnalysisAsAnAnalyzerSpec() throws Exception {
        TfidfModel m = TfidfVectorizer.builder().tokenizer("whitespace").lowercase(true).ngramRange(1, 3)
                .stopWords(List.of("the", "a")).minDf(1).build().fit(sample());
        assertEquals(org.classicnlp.core.AnalyzerSpec.of("whitespace").withNormalizers(List.of("lowercase"))
                .withStopWords(List.of("a", "the")), TfidfModel.specOf(m.analyzer()));
        Path file = tmp.resolve("spec.tfidf");
        m.save(file);
        TfidfModel r;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            r = TfidfModel.load(in, "stream:spec.tfidf");
        }
        assertTrue(r.analyzer().lowercase());
        assertEquals(List.of("a", "the"), r.analyzer().stopWords());
        assertEquals(3, r.analyzer().ngramMax());
        assertEquals(m.vocabulary(), r.vocabulary());
        for (Document d : docs()) {
            assertEquals(m.transform(d), r.transform(d));
        }
        // A custom tokenizer name needs the segmenter on load.
        TfidfModel custom = new TfidfModel(new TermAnalyzer("mine", org.classicnlp.segment.WhitespaceTokenizer.INSTANCE,
                false, List.of(), 1, 1), weightingOf(m), 1, new String[] {"x"},
                new long[] {1}, null);
        Path customFile = tmp.resolve("custom.tfidf");
        custom.save(customFile);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TfidfModel.load(customFile));
        assertTrue(e.getMessage().contains("custom tokenizer 'mine'"), e.getMessage());
        assertEquals(1, TfidfModel.load(customFile, org.classicnlp.segment.WhitespaceTokenizer.INSTANCE).dimension());
    }

    private static Weighting weightingOf(TfidfModel m) {
        return new Weighting(m.norm(), m.useIdf(), m.smoothIdf(), m.sublinearTf(), m.textbook());
    }

    @Test
    void invalidParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TfidfVectorizer.builder().minDf(1.5));
        assertThrows(IllegalArgumentException.class, () -> TfidfVectorizer.builder().maxDf(-1));
        assertThrows(IllegalArgumentException.class, () -> TfidfVectorizer.builder().ngramRange(2, 1));
        assertThrows(IllegalArgumentException.class, () -> TfidfVectorizer.builder().tokenizer("nonsense"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TfidfVectorizer.builder().tokenizer("whitespace").minDf(5).maxDf(2).build().fit(sample()));
        assertTrue(e.getMessage().contains("max_df corresponds to < documents than min_df"));
        e = assertThrows(IllegalArgumentException.class,
                () -> TfidfVectorizer.builder().tokenizer("whitespace").minDf(5).build().fit(sample()));
        assertTrue(e.getMessage().contains("no terms remain"));
    }

    @Test
    void threadSafeTransformAndThreadCountIndependentFit() throws Exception {
        TfidfModel one = TfidfVectorizer.builder().tokenizer("whitespace").ngramRange(1, 3).build().fit(sample());
        TfidfModel two = TfidfVectorizer.builder().tokenizer("whitespace").ngramRange(1, 3).threads(3).build().fit(sample());
        assertEquals(one.vocabulary(), two.vocabulary());
        List<Document> docs = docs();
        List<SparseVector> expected = docs.stream().map(one::transform).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> fs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                fs.add(pool.submit(() -> {
                    for (int rep = 0; rep < 200; rep++) {
                        for (int i = 0; i < docs.size(); i++) {
                            if (!two.transform(docs.get(i)).equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : fs) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * fitTransform keeps first-pass counts packed (id and count in one int) when they fit; a batch with a
     * term counted 2^21 times and over 2^11 distinct terms does not fit and is kept unpacked. Both must
     * give exactly the vectors of fit + transform.
     */
    @Test
    void fitTransformEqualsTransformWithPackedAndUnpackedCounts() {
        StringBuilder wide = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            wide.append("w").append(i).append(' ');
        }
        String many = "z ".repeat(1 << 21);
        List<Document> list = new ArrayList<>(docs());
        list.add(new Document("wide", wide.toString()));
        list.add(new Document("many", many + "w7 w8"));
        Corpus<Document> corpus = list::stream;
        for (int threads : new int[] {1, 2}) {
            TfidfVectorizer v = TfidfVectorizer.builder().tokenizer("whitespace").threads(threads).build();
            TfidfModel model = v.fit(corpus);
            List<String> ids = new ArrayList<>();
            List<SparseVector> got = new ArrayList<>();
            v.fitTransform(corpus, 1L << 30, n -> { }, m -> { }, rows -> {
                List<Object[]> out = new ArrayList<>();
                for (int r = 0; r < rows.size(); r++) {
                    out.add(new Object[] {rows.id(r), rows.vector(r)});
                }
                return out;
            }, out -> out.forEach(o -> {
                ids.add((String) o[0]);
                got.add((SparseVector) o[1]);
            }));
            assertEquals(list.stream().map(Document::id).toList(), ids);
            for (int i = 0; i < list.size(); i++) {
                assertEquals(model.transform(list.get(i)), got.get(i), "document " + list.get(i).id());
            }
        }
    }

    @Test
    void longTermsAndSupplementaryCharacters() {
        String longTerm = "x".repeat(70_000);
        Corpus<Document> docs = () -> java.util.stream.Stream.of(new Document("0", longTerm + " 😀 a"),
                new Document("1", "a b"));
        TfidfModel m = TfidfVectorizer.builder().tokenizer("whitespace").build().fit(docs);
        assertEquals(List.of("a", "b", longTerm, "😀"), m.vocabulary());
        byte[] out = new byte[m.termUtf8Bound(3)];
        int n = m.termUtf8(3, out, 0);
        assertEquals("😀", new String(out, 0, n, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(3, m.transform(docs.stream().findFirst().get()).size());
    }

    @Test
    void bundledStopWords() {
        assertEquals(318, StopWords.english().size());
        assertTrue(StopWords.english().contains("the"));
        assertTrue(StopWords.chinese().contains("的"));
        assertTrue(StopWords.byName("en,zh").containsAll(StopWords.chinese()));
    }
}
