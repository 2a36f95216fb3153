package org.classicnlp.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.models.embeddings.learning.impl.elements.CBOW;
import org.deeplearning4j.models.embeddings.learning.impl.elements.SkipGram;
import org.deeplearning4j.models.word2vec.VocabWord;
import org.deeplearning4j.models.word2vec.Word2Vec;
import org.deeplearning4j.text.sentenceiterator.BasicLineIterator;
import org.deeplearning4j.text.tokenization.tokenizerfactory.DefaultTokenizerFactory;

/**
 * DL4J Word2Vec on the normalized benchmark corpus with the benchmark's parameters; writes the vectors in
 * word2vec text format (most frequent first, like gensim and ours) and prints one line:
 * dl4j TAB MODEL TAB EPOCHS TAB WALL_SECONDS TAB WORDS_PER_SECOND (wall: vocabulary + training, not saving).
 *
 * <p>usage: Dl4jWord2VecBench CORPUS sg|cbow EPOCHS THREADS OUT.txt
 */
public final class Dl4jWord2VecBench {

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[0]);
        boolean sg = args[1].equals("sg");
        int epochs = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        long tokens = 0;
        try (var lines = Files.lines(corpus, StandardCharsets.UTF_8)) {
            tokens = lines.mapToLong(l -> l.isBlank() ? 0 : l.trim().split(" +").length).sum();
        }
        long t0 = System.nanoTime();
        Word2Vec w2v = new Word2Vec.Builder()
                .minWordFrequency(5).layerSize(100).windowSize(5).negativeSample(5).useHierarchicSoftmax(false)
                .sampling(1e-3).learningRate(0.025).minLearningRate(1e-4).epochs(epochs).iterations(1)
                .workers(threads).seed(1)
                .batchSize(Integer.getInteger("dl4j.batchSize", 512))
                .elementsLearningAlgorithm(sg ? new SkipGram<VocabWord>() : new CBOW<VocabWord>())
                .iterate(new BasicLineIterator(corpus.toFile()))
                .tokenizerFactory(new DefaultTokenizerFactory())
                .build();
        w2v.fit();
        double wall = (System.nanoTime() - t0) / 1e9;
        List<VocabWord> words = new ArrayList<>(w2v.getVocab().vocabWords());
        words.sort((a, b) -> Double.compare(b.getElementFrequency(), a.getElementFrequency()));
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(words.size() + " 100\n");
            for (VocabWord vw : words) {
                double[] v = w2v.getWordVector(vw.getLabel());
                StringBuilder sb = new StringBuilder(vw.getLabel());
                for (double x : v) {
                    sb.append(' ').append((float) x);
                }
                w.write(sb.append('\n').toString());
            }
        }
        System.out.printf(Locale.ROOT, "dl4j\t%s\t%d\t%.1f\t%.0f%n", args[1], epochs, wall, tokens * epochs / wall);
    }
}
