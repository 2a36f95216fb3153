package org.classicnlp.tfidf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Document;
import org.classicnlp.core.SparseVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our TF-IDF equals scikit-learn's: vocabulary (order included), idf and every matrix entry, for the
 * option sets in {@code bench/tfidf_sklearn_fixture.py}, which wrote the fixtures beside this test.
 */
class TfidfVectorizerParityTest {

    static Stream<String> configs() {
        return Stream.of("default", "sublinear_l1", "no_idf", "no_smooth_no_norm", "df_int_float", "df_float_int",
                "max_features", "ngram_1_2", "ngram_2_3_maxfeat", "lowercase", "stop_words_ngram");
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(TfidfVectorizerParityTest.class.getResource("parity/" + name).toURI());
    }

    @SuppressWarnings("unchecked")
    static TfidfVectorizer vectorizer(Map<String, Object> params, int threads) {
        TfidfVectorizer.Builder b = TfidfVectorizer.builder().tokenizer("whitespace").lowercase(false).threads(threads);
        for (Map.Entry<String, Object> e : params.entrySet()) {
            Object v = e.getValue();
            switch (e.getKey()) {
                case "sublinear_tf" -> b.sublinearTf((Boolean) v);
                case "use_idf" -> b.useIdf((Boolean) v);
                case "smooth_idf" -> b.smoothIdf((Boolean) v);
                case "norm" -> b.norm(v == null ? Norm.NONE : Norm.parse((String) v));
                case "min_df" -> {
                    if (v instanceof Long l) {
                        b.minDf(l.intValue());
                    } else {
                        b.minDf((Double) v);
                    }
                }
                case "max_df" -> {
                    if (v instanceof Long l) {
                        b.maxDf(l.intValue());
                    } else {
                        b.maxDf((Double) v);
                    }
                }
                case "max_features" -> b.maxFeatures(((Long) v).intValue());
                case "ngram_range" -> {
                    List<Long> r = (List<Long>) v;
                    b.ngramRange(r.get(0).intValue(), r.get(1).intValue());
                }
                case "lowercase" -> b.lowercase((Boolean) v);
                case "stop_words" -> b.stopWords((List<String>) v);
                default -> throw new IllegalArgumentException("unknown parameter in fixture: " + e.getKey());
            }
        }
        return b.build();
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @MethodSource("configs")
    void matchesScikitLearn(String config) throws Exception {
        Map<String, Object> fx;
        try (InputStream in = new GZIPInputStream(TfidfVectorizerParityTest.class.getResourceAsStream(
                "parity/" + config + ".json.gz"))) {
            fx = (Map<String, Object>) Json.read(in);
        }
        Corpus<Document> docs = Corpora.jsonl(resource("docs.jsonl"));
        for (int threads : new int[] {1, 2}) {
            TfidfModel model = vectorizer((Map<String, Object>) fx.get("params"), threads).fit(docs);
            List<String> vocab = (List<String>) fx.get("vocabulary");
            assertEquals(vocab, model.vocabulary(), config + ": vocabulary and its order");
            List<Double> idf = (List<Double>) fx.get("idf");
            if (idf != null) {
                for (int j = 0; j < idf.size(); j++) {
                    assertEquals(idf.get(j), model.idfAt(j), 1e-12, config + ": idf of " + vocab.get(j));
                }
            }
            List<List<List<Number>>> rows = (List<List<List<Number>>>) fx.get("rows");
            List<Document> list = docs.stream().toList();
            assertEquals(rows.size(), list.size());
            int checked = 0;
            for (int i = 0; i < rows.size(); i++) {
                SparseVector v = model.transform(list.get(i));
                List<Number> ix = rows.get(i).get(0);
                List<Number> val = rows.get(i).get(1);
                assertEquals(ix.size(), v.size(), config + ": non-zeros in document " + i);
                for (int k = 0; k < ix.size(); k++) {
                    assertEquals(ix.get(k).intValue(), v.indexAt(k), config + ": doc " + i);
                    assertEquals(val.get(k).doubleValue(), v.valueAt(k), 1e-9, config + ": doc " + i + " term "
                            + vocab.get(ix.get(k).intValue()));
                    checked++;
                }
            }
            assertNotNull(model.toString());
            // fit + transform in one call, with the first-pass cache (big budget) and without it (0 bytes)
            for (long budget : new long[] {1L << 30, 0}) {
                List<SparseVector> got = new java.util.ArrayList<>();
                List<String> ids = new java.util.ArrayList<>();
                TfidfModel m2 = vectorizer((Map<String, Object>) fx.get("params"), threads).fitTransform(docs, budget,
                        n -> { }, m -> { }, r -> {
                            List<String> i = new java.util.ArrayList<>();
                            List<SparseVector> v = new java.util.ArrayList<>();
                            for (int k = 0; k < r.size(); k++) {
                                i.add(r.id(k));
                                v.add(r.vector(k));
                            }
                            return Map.entry(i, v);
                        }, e -> {
                            ids.addAll(e.getKey());
                            got.addAll(e.getValue());
                        });
                assertEquals(model.vocabulary(), m2.vocabulary());
                assertEquals(list.stream().map(Document::id).toList(), ids);
                for (int i = 0; i < list.size(); i++) {
                    assertEquals(model.transform(list.get(i)), got.get(i), config + " fitTransform, doc " + i);
                }
            }
            assertTrue(checked > 1000, "fixture too small: " + checked);
        }
    }
}
