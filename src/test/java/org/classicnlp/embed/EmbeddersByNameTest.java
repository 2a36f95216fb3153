package org.classicnlp.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.classicnlp.TestData;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.FeatureVector;
import org.classicnlp.core.ModelFormatException;
import org.classicnlp.core.SparseVector;
import org.classicnlp.tfidf.TfidfModel;
import org.classicnlp.tfidf.TfidfVectorizer;
import org.classicnlp.word2vec.MeanEmbedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Embedders#byName} over the shipped models (they are in the jar, so these tests never skip). */
class EmbeddersByNameTest {

    @TempDir
    Path tmp;

    static final String ZH = "北京是中国的首都，也是政治和文化中心。";
    static final String EN = "The city council approved the new budget for public schools.";

    static double norm(FeatureVector v) {
        double s = 0;
        for (int i = 0; i < v.dimension(); i++) {
            s += v.get(i) * v.get(i);
        }
        return Math.sqrt(s);
    }

    @Test
    void everyShippedNameEmbedsDeterministicallyWithItsDimension() {
        assertEquals(List.of("w2v-mean-zh", "w2v-mean-en", "w2v-sif-zh", "w2v-sif-en", "tfidf-hash-zh-1024",
                "tfidf-hash-en-1024"), Embedders.names());
        for (String name : Embedders.names()) {
            Embedder e = Embedders.byName(name);
            int want = name.startsWith("tfidf-hash") ? 1024 : 100;
            assertEquals(want, e.dimension(), name);
            String text = name.contains("-zh") ? ZH : EN;
            FeatureVector a = e.embed(text);
            FeatureVector b = Embedders.byName(name).embed(text);
            assertEquals(want, a.dimension(), name);
            assertArrayEquals(a.toFloatArray(), b.toFloatArray(), name + " is deterministic");
            assertTrue(norm(a) > 0, name + " is non-zero on known words");
            assertSame(e, Embedders.byName(name), "built once per name");
            // a text with no known word is the zero vector, never an error
            assertEquals(0.0, norm(e.embed("")), 0.0, name);
        }
    }

    @Test
    void similarTextsAreNearerThanUnrelatedOnes() {
        for (String lang : List.of("zh", "en")) {
            for (String kind : List.of("w2v-mean-", "w2v-sif-", "tfidf-hash-")) {
                String name = kind + lang + (kind.startsWith("tfidf") ? "-1024" : "");
                Embedder e = Embedders.byName(name);
                String[] t = lang.equals("zh")
                        ? new String[] {"足球比赛中球队进了两个球", "这场足球比赛球员踢得很好", "银行提高了贷款利率"}
                        : new String[] {"the team won the football match", "players scored goals in the football game",
                            "the bank raised interest rates on loans"};
                FeatureVector a = e.embed(t[0]);
                FeatureVector b = e.embed(t[1]);
                FeatureVector c = e.embed(t[2]);
                double ab = a.dot(b) / (norm(a) * norm(b));
                double ac = a.dot(c) / (norm(a) * norm(c));
                assertTrue(ab > ac, name + ": related " + ab + " vs unrelated " + ac);
            }
        }
    }

    @Test
    void chineseVectorsFoldTraditionalAndEnglishFoldsCase() {
        Embedder zh = Embedders.byName("w2v-mean-zh");
        assertArrayEquals(zh.embed("经济发展").toFloatArray(), zh.embed("經濟發展").toFloatArray());
        Embedder en = Embedders.byName("w2v-sif-en");
        assertArrayEquals(en.embed("london city").toFloatArray(), en.embed("London CITY").toFloatArray());
    }

    @Test
    void wordVectorEmbeddersReduceTheirDimension() {
        for (String name : List.of("w2v-mean-en", "w2v-sif-zh")) {
            Embedder full = Embedders.byName(name);
            Embedder small = full.withDimensions(32);
            assertEquals(32, small.dimension());
            String text = name.endsWith("zh") ? ZH : EN;
            FeatureVector v = small.embed(text);
            assertEquals(32, v.dimension());
            assertEquals(1.0, norm(v), 1e-5, "renormalised");
            float[] f = full.embed(text).toFloatArray();
            double head = 0;
            for (int i = 0; i < 32; i++) {
                head += f[i] * f[i];
            }
            assertEquals(f[5] / Math.sqrt(head), v.get(5), 1e-5, "the leading components, rescaled");
            assertSame(full, full.withDimensions(100));
            assertThrows(IllegalArgumentException.class, () -> full.withDimensions(0));
            assertThrows(IllegalArgumentException.class, () -> full.withDimensions(101));
        }
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> Embedders.byName("tfidf-hash-en-1024").withDimensions(64));
        assertTrue(e.getMessage().contains("cannot be reduced"), e.getMessage());
    }

    @Test
    void hashedDimensionIsParsedWithinBounds() {
        assertEquals(64, Embedders.byName("tfidf-hash-zh-64").dimension());
        assertEquals(65536, Embedders.byName("tfidf-hash-en-65536").dimension());
        for (String bad : List.of("tfidf-hash-zh-4", "tfidf-hash-en-70000", "tfidf-hash-fr-1024", "tfidf-hash-zh-",
                "tfidf-hash-zh-abc", "tfidf-hash-en-99999999999")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Embedders.byName(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'") && e.getMessage().contains("8 to 65536"),
                    e.getMessage());
        }
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Embedders.byName("w2v-mean-fr"));
        assertTrue(unknown.getMessage().contains("w2v-sif-zh"), "lists the known names: " + unknown.getMessage());
    }

    @Test
    void modelFilesByContainerKind() throws Exception {
        // a word2vec file: the mean of its vectors
        Embedder w2v = Embedders.byName(TestData.corpus("w2v-c-tool.txt").toString());
        assertTrue(w2v instanceof MeanEmbedder, w2v.getClass().toString());
        // a TF-IDF model file: the model itself
        Path model = tmp.resolve("m.tfidf");
        TfidfVectorizer.builder().tokenizer("whitespace").build()
                .fit(() -> java.util.stream.Stream.of(new org.classicnlp.core.Document("a", "x y"),
                        new org.classicnlp.core.Document("b", "y z"))).save(model);
        Embedder tfidf = Embedders.byName(model.toString());
        assertTrue(tfidf instanceof TfidfModel);
        assertTrue(tfidf.embed("x z") instanceof SparseVector);
        assertEquals(3, tfidf.dimension());
        // a model of another kind is refused with its kind named
        Path hmm = Path.of("models/hmm-pd98-199801.bin");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Embedders.byName(hmm.toString()));
        assertTrue(e.getMessage().contains("is a hmm model, not an embedder"), e.getMessage());
        // a missing file
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Embedders.byName(tmp.resolve("nope.bin").toString()));
        assertTrue(missing.getMessage().contains("neither a shipped name nor a file"), missing.getMessage());
        assertTrue(Files.exists(hmm));
    }
}
