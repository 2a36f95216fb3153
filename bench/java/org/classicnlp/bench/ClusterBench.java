package org.classicnlp.bench;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.classicnlp.classify.KMeansClustering;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Document;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.FeatureVector;
import org.classicnlp.embed.Embedders;
import org.classicnlp.word2vec.MeanEmbedder;
import org.classicnlp.word2vec.SifEmbedder;
import org.classicnlp.word2vec.Word2VecTrainer;
import org.classicnlp.word2vec.WordVectors;

/**
 * k-means (Smile, through KMeansClustering) on an embedder's vectors of labelled JSONL documents; writes
 * the vectors (TSV: label, values) for the scikit-learn peer and prints purity and NMI. EMBEDDER is a name
 * Embedders.byName resolves, or, for use before the shipped embedders exist, models fitted here on
 * TRAIN.jsonl: w2v-mean-train / w2v-sif-train (word vectors, dim 100, 5 epochs, english analyzer
 * lowercased) or tfidf-N-train (TF-IDF of the N most frequent terms, english stop words dropped).
 * Usage: ClusterBench EMBEDDER TRAIN.jsonl DOCS.jsonl K VECTORS_OUT.tsv SEED[,SEED...]
 */
public final class ClusterBench {

    public static void main(String[] args) throws Exception {
        String name = args[0];
        var train = Corpora.jsonl(Path.of(args[1]));
        List<Document> docs = new ArrayList<>();
        Corpora.jsonl(Path.of(args[2])).forEach(docs::add);
        int k = Integer.parseInt(args[3]);
        long[] seeds = java.util.Arrays.stream(args[5].split(",")).mapToLong(Long::parseLong).toArray();
        Embedder e;
        if (name.startsWith("tfidf-") && name.endsWith("-train")) {
            // e.g. tfidf-300-train: the N most frequent terms (english stop words dropped), sublinear tf, l2
            int features = Integer.parseInt(name.substring(6, name.length() - 6));
            e = org.classicnlp.tfidf.TfidfVectorizer.builder().tokenizer("english").lowercase(true).sublinearTf(true)
                    .stopWords(org.classicnlp.tfidf.StopWords.english()).maxFeatures(features).threads(2).build()
                    .fit(train);
        } else if (name.startsWith("w2v-") && name.endsWith("-train")) {
            Analyzer a = Analyzer.forTokenizer("english", true);
            WordVectors v = Word2VecTrainer.builder().dimension(100).minCount(5).epochs(5).threads(2).seed(1).build()
                    .fit(train, a);
            e = name.contains("sif") ? SifEmbedder.fit(v, a, train) : new MeanEmbedder(v, a);
        } else {
            e = Embedders.byName(name);
        }
        List<FeatureVector> x = e.embedAll(docs);
        List<String> labels = docs.stream().map(d -> d.metadata().get("label")).toList();
        try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[4]))) {
            for (int i = 0; i < x.size(); i++) {
                w.write(labels.get(i));
                for (float f : x.get(i).toFloatArray()) {
                    w.write('\t');
                    w.write(Float.toString(f));
                }
                w.write('\n');
            }
        }
        for (long seed : seeds) {
            long t = System.nanoTime();
            KMeansClustering c = KMeansClustering.fit(x, k, seed);
            double secs = (System.nanoTime() - t) / 1e9;
            System.out.printf(Locale.ROOT, "ours (Smile KMeans)\t%s\tseed %d\tdim %d\tpurity %.4f\tNMI %.4f\tk-means %.1f s%n",
                    name, seed, e.dimension(), KMeansClustering.purity(c.assignments(), labels),
                    KMeansClustering.nmi(c.assignments(), labels), secs);
        }
    }
}
