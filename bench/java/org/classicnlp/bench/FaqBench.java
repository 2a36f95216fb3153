package org.classicnlp.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Document;
import org.classicnlp.core.Embedder;
import org.classicnlp.embed.Embedders;
import org.classicnlp.faq.FaqBot;
import org.classicnlp.index.Bm25Index;
import org.classicnlp.tfidf.TfidfVectorizer;
import org.classicnlp.word2vec.MeanEmbedder;
import org.classicnlp.word2vec.SifEmbedder;
import org.classicnlp.word2vec.Word2VecTrainer;
import org.classicnlp.word2vec.WordVectors;

/**
 * Precision@1 of the FAQ bot on corpora/faq-{zh,en}.jsonl with the paraphrased questions of
 * corpora/faq-{zh,en}-test.jsonl, for BM25, TF-IDF (fitted on the FAQ questions), w2v-mean, w2v-SIF, the
 * shipped hashed TF-IDF, and each of those mixed half and half with BM25 (FaqBot.hybrid, weight 0.5).
 * The w2v rankers use the shipped embedders (w2v-mean-LANG, w2v-sif-LANG) when Embedders.byName knows
 * them; otherwise vectors trained here on the first WIKI_FILES files of ../shared/data/{zh,en}-text
 * (say which in the output). Usage: FaqBench CORPORA_DIR DATA_DIR [WIKI_FILES]
 */
public final class FaqBench {

    public static void main(String[] args) {
        Path corpora = Path.of(args[0]);
        Path data = Path.of(args[1]);
        int wikiFiles = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        System.out.println("lang\tranker\tprecision@1\tright/questions\tvectors");
        for (String lang : List.of("zh", "en")) {
            List<FaqBot.Entry> faq = FaqBot.read(corpora.resolve("faq-" + lang + ".jsonl"));
            List<FaqBot.Entry> test = FaqBot.read(corpora.resolve("faq-" + lang + "-test.jsonl"));
            Analyzer analyzer = Bm25Index.defaultAnalyzer();
            Map<String, FaqBot> bots = new LinkedHashMap<>();
            Map<String, String> source = new LinkedHashMap<>();
            bots.put("bm25", FaqBot.bm25(faq, analyzer));
            source.put("bm25", "-");
            Corpus<Document> questions = () -> faq.stream().map(e -> new Document("", e.question()));
            Map<String, Embedder> embedders = new LinkedHashMap<>();
            embedders.put("tfidf", TfidfVectorizer.builder().analyzer(analyzer).sublinearTf(true).build().fit(questions));
            bots.put("tfidf", FaqBot.embedded(faq, embedders.get("tfidf")));
            source.put("tfidf", "fitted on the FAQ questions");
            WordVectors trained = null;
            Corpus<Document> wiki = null;
            for (String kind : List.of("mean", "sif")) {
                String name = "w2v-" + kind + "-" + lang;
                Embedder e;
                try {
                    e = Embedders.byName(name);
                    source.put(name, "shipped " + name);
                } catch (IllegalArgumentException notShipped) {
                    if (trained == null) {
                        List<Path> files = new ArrayList<>();
                        for (int i = 0; i < wikiFiles; i++) {
                            files.add(data.resolve(lang + "-text/AA/" + String.format(Locale.ROOT, "wiki_%02d.gz", i)));
                        }
                        wiki = () -> files.stream().flatMap(f -> Corpora.wikiExtractor(f).stream());
                        trained = Word2VecTrainer.builder().dimension(100).minCount(3).epochs(5).threads(2).seed(1)
                                .build().fit(wiki, analyzer);
                    }
                    e = kind.equals("mean") ? new MeanEmbedder(trained, analyzer) : SifEmbedder.fit(trained, analyzer, wiki);
                    source.put(name, "trained here: " + wikiFiles + " " + lang + "-text files, " + trained.size()
                            + " words, dim 100 (" + name + " not shipped in this build)");
                }
                bots.put(name, FaqBot.embedded(faq, e));
                embedders.put(name, e);
            }
            String hashed = "tfidf-hash-" + lang + "-1024";
            embedders.put(hashed, Embedders.byName(hashed));
            bots.put(hashed, FaqBot.embedded(faq, embedders.get(hashed)));
            source.put(hashed, "shipped " + hashed);
            // hybrid: BM25 mixed half and half with each embedder (an even mix, not tuned on these questions)
            for (var e : embedders.entrySet()) {
                String name = "hybrid-0.5-" + e.getKey();
                bots.put(name, FaqBot.hybrid(faq, analyzer, e.getValue(), 0.5));
                source.put(name, "bm25 + " + source.get(e.getKey()));
            }
            for (var b : bots.entrySet()) {
                int right = 0;
                for (FaqBot.Entry t : test) {
                    if (b.getValue().answer(t.question()).id().equals(t.answer())) {
                        right++;
                    }
                }
                System.out.printf(Locale.ROOT, "%s\t%s\t%.3f\t%d/%d\t%s%n", lang, b.getKey(), (double) right / test.size(),
                        right, test.size(), source.get(b.getKey()));
            }
        }
    }
}
