package org.classicnlp.tfidf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.classicnlp.core.Document;
import org.classicnlp.core.Hit;
import org.classicnlp.core.SparseVector;
import org.junit.jupiter.api.Test;

class KeywordExtractorTest {

    static final TfidfModel MODEL = TfidfVectorizer.builder().tokenizer("whitespace").build()
            .fit(TfidfModelTest.sample());

    @Test
    void topTermsOfTheVectorWithCodePointTieBreak() {
        KeywordExtractor k = KeywordExtractor.builder(MODEL).top(3).unseen(KeywordExtractor.Unseen.IGNORE)
                .skipNonWords(false).build();
        for (Document d : TfidfModelTest.docs()) {
            SparseVector v = MODEL.transform(d);
            List<Hit> expected = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                expected.add(new Hit(MODEL.term(v.indexAt(i)), v.valueAt(i)));
            }
            expected.sort(Comparator.comparingDouble(Hit::score).reversed()
                    .thenComparing(Hit::id, TfidfVectorizer::compareCodePoints));
            assertEquals(expected.subList(0, Math.min(3, expected.size())), k.extract(d), d.text());
        }
        // "cats and dogs": three terms of equal weight (each in one document, once): code-point order
        assertEquals(List.of("and", "cats", "dogs"), k.extract("cats and dogs").stream().map(Hit::id).toList());
    }

    @Test
    void unseenTermsGetTheMedianIdf() {
        TfidfModel m = TfidfVectorizer.builder().tokenizer("whitespace").norm(Norm.NONE).build()
                .fit(TfidfModelTest.sample());
        KeywordExtractor k = KeywordExtractor.builder(m).top(10).build();
        List<Hit> kws = k.extract("zebra zebra cat");
        assertEquals(new Hit("zebra", 2 * m.medianIdf()), kws.get(0));
        assertEquals(new Hit("cat", m.idf("cat").getAsDouble()), kws.get(1));
        // jieba's median: element n/2 of the sorted idf values
        double[] idf = new double[m.dimension()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = m.idfAt(i);
        }
        java.util.Arrays.sort(idf);
        assertEquals(idf[idf.length / 2], m.medianIdf());
        KeywordExtractor ignore = KeywordExtractor.builder(m).unseen(KeywordExtractor.Unseen.IGNORE).build();
        assertEquals(List.of("cat"), ignore.extract("zebra zebra cat").stream().map(Hit::id).toList());
    }

    @Test
    void filtersChooseCandidatesWithoutChangingWeights() {
        KeywordExtractor all = KeywordExtractor.builder(MODEL).top(20).build();
        KeywordExtractor filtered = KeywordExtractor.builder(MODEL).top(20).minLength(4)
                .stopWords(List.of("学习")).build();
        String text = "北京 大学 的 学生 在 北京 学习 students";
        List<Hit> a = all.extract(text);
        List<Hit> f = filtered.extract(text);
        assertEquals(a.stream().filter(kw -> kw.id().codePointCount(0, kw.id().length()) >= 4
                && !kw.id().equals("学习")).toList(), f);
        assertEquals(List.of("students"), f.stream().map(Hit::id).toList());
    }

    @Test
    void symbolsAreSkippedByDefault() {
        TfidfModel m = TfidfVectorizer.builder().tokenizer("whitespace").build().fit(
                () -> java.util.stream.Stream.of(new Document("0", "( a ) ，"), new Document("1", "b")));
        assertEquals(List.of("a"), KeywordExtractor.builder(m).build().extract("( a ) ，").stream()
                .map(Hit::id).toList());
        assertEquals(4, KeywordExtractor.builder(m).skipNonWords(false).build().extract("( a ) ，").size());
    }

    @Test
    void sameKeywordsAloneOrInABatch() {
        KeywordExtractor k = KeywordExtractor.builder(MODEL).top(5).build();
        List<Document> docs = TfidfModelTest.docs();
        List<List<Hit>> batch = new ArrayList<>();
        for (Document d : docs) {
            batch.add(k.extract(d));
        }
        for (int i = docs.size() - 1; i >= 0; i--) {
            KeywordExtractor fresh = KeywordExtractor.builder(MODEL).top(5).build();
            assertEquals(batch.get(i), fresh.extract(docs.get(i)));
        }
    }
}
