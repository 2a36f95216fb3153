package org.classicnlp.bench;

import java.util.concurrent.CountDownLatch;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Document;
import org.classicnlp.serve.EmbeddingServer;
import org.classicnlp.word2vec.MeanEmbedder;
import org.classicnlp.word2vec.SifEmbedder;
import org.classicnlp.word2vec.Word2VecTrainer;
import org.classicnlp.word2vec.WordVectors;

/**
 * For the serve benchmarks on a build without shipped vectors: trains 100-dimensional vectors on the repository's
 * own samples ({@code corpora/w2v-toy.txt} for English, {@code corpora/news-zh-en.txt} with the standard analyzer
 * for Chinese) and serves them under the shipped names ({@code w2v-mean-en}, {@code w2v-sif-en},
 * {@code w2v-mean-zh}, {@code w2v-sif-zh}) until SIGTERM, as {@code classicnlp serve} does.
 * Usage: ServeFixture PORT [API_KEY_ENV]  (requires the key in that environment variable, as --api-key-env)
 */
public final class ServeFixture {

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        Analyzer en = Analyzer.builder().segmenter("whitespace").lowercase(true).build();
        Corpus<Document> enDocs = Corpora.lines(java.nio.file.Path.of("corpora/w2v-toy.txt"));
        Corpus<Document> zhDocs = Corpora.lines(java.nio.file.Path.of("corpora/news-zh-en.txt"));
        WordVectors enV = Word2VecTrainer.builder().dimension(100).epochs(5).minCount(1).threads(1).seed(1)
                .build().fit(enDocs, en);
        WordVectors zhV = Word2VecTrainer.builder().dimension(100).epochs(5).minCount(1).threads(1).seed(1)
                .build().fit(zhDocs, Analyzer.standard());
        EmbeddingServer server = EmbeddingServer.builder().port(port)
                .model("w2v-mean-en", new MeanEmbedder(enV, en))
                .model("w2v-sif-en", SifEmbedder.fit(enV, en, enDocs))
                .model("w2v-mean-zh", new MeanEmbedder(zhV, Analyzer.standard()))
                .model("w2v-sif-zh", SifEmbedder.fit(zhV, Analyzer.standard(), zhDocs))
                .apiKey(args.length > 1 ? System.getenv(args[1]) : null)
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
