package org.classicnlp.serve;

import java.util.LinkedHashMap;
import java.util.Map;
import org.classicnlp.TestData;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Document;
import org.classicnlp.core.Embedder;
import org.classicnlp.tfidf.TfidfModel;
import org.classicnlp.tfidf.TfidfVectorizer;
import org.classicnlp.word2vec.MeanEmbedder;
import org.classicnlp.word2vec.SifEmbedder;
import org.classicnlp.word2vec.Word2VecTrainer;
import org.classicnlp.word2vec.WordVectors;

/**
 * Small embedders trained in the test set-up from this repository's {@code corpora/} samples (the shipped
 * defaults land with another branch): English word vectors on {@code w2v-toy.txt}, Chinese ones on
 * {@code news-zh-en.txt} (standard analyzer), and a TF-IDF model, which can neither reduce its dimension nor take
 * token ids.
 */
public final class ServeFixtures {

    public static final Analyzer EN = Analyzer.builder().segmenter("whitespace").lowercase(true).build();

    private static Map<String, Embedder> models;

    private ServeFixtures() {
    }

    /** {@code w2v-mean-en}, {@code w2v-sif-en}, {@code w2v-sif-zh}, {@code tfidf-zh}; built once per JVM. */
    public static synchronized Map<String, Embedder> models() {
        if (models == null) {
            Corpus<Document> en = Corpora.lines(TestData.corpus("w2v-toy.txt"));
            Corpus<Document> zh = Corpora.lines(TestData.corpus("news-zh-en.txt"));
            WordVectors enVectors = Word2VecTrainer.builder().dimension(24).epochs(5).minCount(2).threads(1).seed(3)
                    .build().fit(en, EN);
            WordVectors zhVectors = Word2VecTrainer.builder().dimension(16).epochs(5).minCount(1).threads(1).seed(3)
                    .build().fit(zh, Analyzer.standard());
            TfidfModel tfidf = TfidfVectorizer.builder().analyzer(Analyzer.standard()).build().fit(zh);
            Map<String, Embedder> m = new LinkedHashMap<>();
            m.put("w2v-mean-en", new MeanEmbedder(enVectors, EN));
            m.put("w2v-sif-en", SifEmbedder.fit(enVectors, EN, en));
            m.put("w2v-sif-zh", SifEmbedder.fit(zhVectors, Analyzer.standard(), zh));
            m.put("tfidf-zh", tfidf);
            models = Map.copyOf(m);
        }
        return models;
    }
}
