package org.classicnlp.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.classicnlp.lexicon.Lexicon;
import org.classicnlp.pos.PerceptronTagger;
import org.classicnlp.pos.Tagger;
import org.classicnlp.pos.Taggers;
import org.classicnlp.segment.Segmenter;
import org.classicnlp.segment.Segmenters;
import org.classicnlp.tfidf.KeywordExtractor;
import org.classicnlp.tfidf.TfidfModel;
import org.classicnlp.tfidf.TfidfVectorizer;
import org.classicnlp.word2vec.MeanEmbedder;
import org.classicnlp.word2vec.SifEmbedder;
import org.classicnlp.word2vec.TfidfWeightedEmbedder;
import org.classicnlp.word2vec.WordVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Spark job ships: every analyzer, segmenter, tagger, TF-IDF model, word-vector set and embedder
 * serialises as a small configuration plus a model reference, and a JVM that reads it back loads each model
 * once ({@link ModelCache}). "Another JVM" is simulated by {@link ModelCache#clear()} between writing and
 * reading: the reader then has nothing loaded, as an executor.
 */
class ModelShippingTest {

    private static final String MIXED = "北京大学的学生在研究自然语言处理。We parse English too, 2026年。";

    @TempDir
    Path dir;

    static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static <T> T deserialize(byte[] b) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
            return (T) in.readObject();
        }
    }

    @Test
    void builtInSegmentersShipAsTheirNameAndLoadOncePerJvm() throws Exception {
        for (String name : List.of("standard", "fmm", "bmm", "bimm", "hmm", "hybrid", "perceptron", "whitespace",
                "english")) {
            Segmenter seg = Segmenters.byName(name);
            byte[] b = serialize(seg);
            assertTrue(b.length < 2_000, name + ": " + b.length + " bytes serialised");
            ModelCache.clear();
            long before = ModelCache.loads("segmenter");
            Segmenter first = deserialize(b);
            Segmenter second = deserialize(b);
            assertSame(first, second, name + ": one instance per JVM");
            assertTrue(ModelCache.loads("segmenter") - before <= 1, name + ": loaded at most once");
            assertArrayEquals(seg.spans(MIXED), first.spans(MIXED), name);
            if (List.of("standard", "hybrid", "perceptron").contains(name)) {
                // shared singletons: the name resolves to that very one (the hybrid no longer ships as "standard")
                assertSame(seg, first, name + ": resolves to the built-in of that name, not another");
            }
        }
    }

    @Test
    void customSegmenterRefusesToShipItsTablesAndShipsThroughAFactory() throws Exception {
        Lexicon lexicon = Lexicon.ofWords("test", List.of("自然语言", "处理"));
        Segmenter custom = Segmenters.create("fmm", lexicon);
        NotSerializableException e = assertThrows(NotSerializableException.class, () -> serialize(custom));
        assertTrue(e.getMessage().contains("Segmenters.shipped"), e.getMessage());

        String key = "test-fmm-" + System.nanoTime();
        Segmenter shipped = Segmenters.shipped(key, () -> {
            Counter.LOADS.incrementAndGet();
            return Segmenters.create("fmm", Lexicon.ofWords("test", List.of("自然语言", "处理")));
        });
        byte[] b = serialize(shipped);
        assertTrue(b.length < 2_000, b.length + " bytes");
        int before = Counter.LOADS.get();
        Segmenter a = deserialize(b);
        Segmenter c = deserialize(b);
        assertNotSame(a, c);
        assertEquals(custom.words("研究自然语言处理"), a.words("研究自然语言处理"));
        assertEquals(custom.words("研究自然语言处理"), c.words("研究自然语言处理"));
        assertEquals(1, Counter.LOADS.get() - before, "the factory runs once per JVM for its key");
    }

    /** Static so that the serialisable factory lambda does not capture the test instance. */
    static final class Counter {
        static final AtomicInteger LOADS = new AtomicInteger();
    }

    @Test
    void analyzersShipAsSpecPlusSegmenterAndTagger() throws Exception {
        Analyzer standard = Analyzer.builder(Analyzer.standardSpec()).stopWords(List.of("的")).minLength(1).build();
        byte[] b = serialize(standard);
        assertTrue(b.length < 3_000, b.length + " bytes");
        ModelCache.clear();
        Analyzer back = deserialize(b);
        assertEquals(standard.spec(), back.spec());
        assertEquals(standard.analyze(MIXED), back.analyze(MIXED));

        Analyzer tagging = Taggers.chineseAnalyzer(List.of("n", "vn", "ns"));
        byte[] t = serialize(tagging);
        assertTrue(t.length < 4_000, t.length + " bytes for an analyzer with the shipped tagger");
        ModelCache.clear();
        long before = ModelCache.loads("tagger");
        Analyzer t1 = deserialize(t);
        Analyzer t2 = deserialize(t);
        assertEquals(1, ModelCache.loads("tagger") - before, "the tagger model loads once for both copies");
        assertEquals(tagging.analyze(MIXED), t1.analyze(MIXED));
        assertEquals(tagging.analyze(MIXED), t2.analyze(MIXED));

        Analyzer lambdaTagger = Analyzer.builder(AnalyzerSpec.of("whitespace")).tagger(ts -> ts).build();
        NotSerializableException e = assertThrows(NotSerializableException.class, () -> serialize(lambdaTagger));
        assertTrue(e.getMessage().contains("Taggers.load(ModelRef)"), e.getMessage());
    }

    @Test
    void taggersShipByReference() throws Exception {
        PerceptronTagger zh = Taggers.chinese();
        byte[] b = serialize(zh.withBeam(2));
        long modelBytes = zh.getClass().getResource("/org/classicnlp/models/pos-zh-pd98.bin").openConnection()
                .getContentLengthLong();
        assertTrue(b.length < 2_000 && b.length * 100L < modelBytes, b.length + " bytes vs a model of " + modelBytes);
        ModelCache.clear();
        long before = ModelCache.loads("tagger");
        PerceptronTagger a = deserialize(b);
        PerceptronTagger c = deserialize(b);
        assertEquals(1, ModelCache.loads("tagger") - before);
        assertEquals(2, a.beam());
        List<String> words = List.of("我们", "研究", "自然", "语言", "处理");
        assertEquals(zh.withBeam(2).tagWords(words), a.tagWords(words));
        assertEquals(a.tagWords(words), c.tagWords(words));

        // a model file loaded through a reference ships as that reference too
        Path file = dir.resolve("zh.pos");
        try (var in = zh.getClass().getResourceAsStream("/org/classicnlp/models/pos-zh-pd98.bin")) {
            Files.copy(in, file);
        }
        Tagger fromFile = Taggers.load(ModelRef.file(file));
        byte[] f = serialize(fromFile);
        assertTrue(f.length < 2_000, f.length + " bytes");
        ModelCache.clear();
        Tagger back = deserialize(f);
        assertEquals(zh.tagWords(words), back.tagWords(words));
    }

    @Test
    void tfidfModelShipsByReferenceAndLoadsOncePerJvm() throws Exception {
        Corpus<Document> docs = Corpora.lines(Path.of("corpora/tfidf-sample.txt"));
        TfidfModel fitted = TfidfVectorizer.builder().tokenizer("whitespace").build().fit(docs);
        NotSerializableException e = assertThrows(NotSerializableException.class, () -> serialize(fitted));
        assertTrue(e.getMessage().contains("ModelRef"), e.getMessage());

        Path file = dir.resolve("sample.tfidf");
        fitted.save(file);
        TfidfModel model = TfidfModel.load(ModelRef.file(file));
        byte[] b = serialize(model);
        assertTrue(b.length < 1_500, b.length + " bytes");
        ModelCache.clear();
        long before = ModelCache.loads("tfidf");
        TfidfModel a = deserialize(b);
        TfidfModel c = deserialize(b);
        assertSame(a, c);
        assertEquals(1, ModelCache.loads("tfidf") - before);
        assertEquals(fitted.vocabulary(), a.vocabulary());
        assertEquals(fitted.transform("the cat sat on the log"), a.transform("the cat sat on the log"));
        KeywordExtractor k1 = KeywordExtractor.builder(fitted).top(3).build();
        KeywordExtractor k2 = KeywordExtractor.builder(a).top(3).build();
        assertEquals(k1.extract("the dog sat on the mat"), k2.extract("the dog sat on the mat"));

        // bytes written to a stream are the saved file's
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fitted.save(out);
        assertArrayEquals(Files.readAllBytes(file), out.toByteArray());
    }

    @Test
    void aChangedModelFileIsRefusedByItsHash() throws Exception {
        Path file = dir.resolve("v.txt");
        Files.copy(Path.of("corpora/w2v-c-tool.txt"), file);
        ModelRef ref = ModelRef.file(file);
        byte[] b = serialize(ref); // carries the hash of the content now
        Files.writeString(file, "1 1\nx 0.5\n");
        ModelRef back = deserialize(b);
        ModelFormatException e = assertThrows(ModelFormatException.class, back::bytes);
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("content hash"), e.getMessage());
    }

    @Test
    void wordVectorsAndEmbeddersShipByReference() throws Exception {
        Path vecFile = dir.resolve("vectors.txt");
        Files.copy(Path.of("corpora/w2v-c-tool.txt"), vecFile);
        WordVectors vectors = WordVectors.load(ModelRef.file(vecFile));
        NotSerializableException e = assertThrows(NotSerializableException.class,
                () -> serialize(WordVectors.load(vecFile)));
        assertTrue(e.getMessage().contains("WordVectors"), e.getMessage());

        byte[] b = serialize(vectors);
        assertTrue(b.length < 1_500, b.length + " bytes");
        ModelCache.clear();
        long before = ModelCache.loads("vectors");
        WordVectors v1 = deserialize(b);
        WordVectors v2 = deserialize(b);
        assertSame(v1, v2);
        assertEquals(1, ModelCache.loads("vectors") - before);
        assertEquals(vectors.words(), v1.words());
        assertArrayEquals(vectors.vector("king").toFloatArray(), v1.vector("king").toFloatArray());

        Document doc = new Document("d", "the king 北京 the");
        MeanEmbedder mean = new MeanEmbedder(vectors, Analyzer.whitespace());
        byte[] m = serialize(mean);
        assertTrue(m.length < 3_000, m.length + " bytes");
        ModelCache.clear();
        MeanEmbedder mean2 = deserialize(m);
        assertEquals(mean.embed(doc), mean2.embed(doc));

        Path tfidfFile = dir.resolve("t.tfidf");
        TfidfVectorizer.builder().tokenizer("whitespace").build()
                .fit(() -> List.of(new Document("1", "the king"), new Document("2", "the 北京")).stream()).save(tfidfFile);
        TfidfWeightedEmbedder weighted = new TfidfWeightedEmbedder(vectors, TfidfModel.load(ModelRef.file(tfidfFile)));
        byte[] w = serialize(weighted);
        assertTrue(w.length < 4_000, w.length + " bytes");
        ModelCache.clear();
        TfidfWeightedEmbedder weighted2 = deserialize(w);
        assertEquals(weighted.embed(doc), weighted2.embed(doc));

        Path sifFile = dir.resolve("e.sif");
        SifEmbedder.fit(vectors, Analyzer.whitespace(),
                () -> List.of(new Document("1", "the king the"), new Document("2", "北京 king")).stream()).save(sifFile);
        SifEmbedder sif = SifEmbedder.load(ModelRef.file(sifFile), vectors);
        byte[] s = serialize(sif);
        assertTrue(s.length < 4_000, s.length + " bytes");
        ModelCache.clear();
        long sifBefore = ModelCache.loads("sif");
        SifEmbedder sif2 = deserialize(s);
        SifEmbedder sif3 = deserialize(s);
        assertSame(sif2, sif3);
        assertEquals(1, ModelCache.loads("sif") - sifBefore);
        assertEquals(sif.embed(doc), sif2.embed(doc));
    }

    @Test
    void aFailedLoadIsNotKeptAndConcurrentFirstUsesLoadOnce() throws Exception {
        String id = "k" + System.nanoTime();
        assertThrows(IllegalStateException.class, () -> ModelCache.get("test", id, () -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals("ok", ModelCache.get("test", id, () -> "ok"));

        String id2 = "c" + System.nanoTime();
        AtomicInteger builds = new AtomicInteger();
        long before = ModelCache.loads("test-concurrent");
        Thread[] threads = new Thread[8];
        Object[] got = new Object[threads.length];
        for (int i = 0; i < threads.length; i++) {
            int k = i;
            threads[i] = new Thread(() -> got[k] = ModelCache.get("test-concurrent", id2, () -> {
                builds.incrementAndGet();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Object();
            }));
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, builds.get());
        assertEquals(1, ModelCache.loads("test-concurrent") - before);
        for (Object o : got) {
            assertSame(got[0], o);
        }
    }
}
