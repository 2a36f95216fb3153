package org.classicnlp.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Sentence;
import org.classicnlp.core.TextFiles;
import org.classicnlp.lexicon.CharNormalizer;
import org.classicnlp.segment.HmmModel;
import org.classicnlp.segment.HmmSegmenter;
import org.classicnlp.segment.HybridModel;
import org.classicnlp.segment.HybridSegmenter;
import org.classicnlp.segment.SegmentationScore;
import org.classicnlp.segment.SegmentationScorer;
import org.classicnlp.segment.Segmenter;

/**
 * Development tool: trains on People's Daily 1998 January and scores either on a held-out DEV split
 * (days DEV_FROM..31, trained on the days before) or on the PKU test set. Used to choose settings on
 * DEV only; PKU test figures come from bench/segment_statistical.sh.
 *
 * Usage: java -cp $BENCH_CP org.classicnlp.bench.StatisticalSegmentDev DATA_DIR dev|pku [smoothing] [trainingWeight ...]
 */
public class StatisticalSegmentDev {
    static final String DEV_FROM = "25";

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        boolean dev = args[1].equals("dev");
        double alpha = args.length > 2 ? Double.parseDouble(args[2]) : HmmModel.DEFAULT_SMOOTHING;
        Path pd = data.resolve("peoples-daily-1998/199801.txt.gz");
        Corpus<Sentence> all = Corpora.peoplesDaily(pd);
        Corpus<Sentence> train = dev ? all.filter(s -> s.id().substring(6, 8).compareTo(DEV_FROM) < 0) : all;
        long t0 = System.nanoTime();
        HybridModel model = HybridModel.train(train, alpha);
        System.err.printf("trained in %.1fs, %d chars, %d words%n", (System.nanoTime() - t0) / 1e9,
                model.hmm().characters(), model.trainingWords().size());
        List<List<String>> gold = new ArrayList<>();
        Set<String> trainWords = new HashSet<>();
        if (dev) {
            all.filter(s -> s.id().substring(6, 8).compareTo(DEV_FROM) >= 0).forEach(s -> gold.add(s.words()));
            train.forEach(s -> s.words().forEach(trainWords::add));
        } else {
            try (var lines = TextFiles.lines(data.resolve("icwb2/gold/pku_test_gold.utf8"))) {
                lines.forEach(l -> gold.add(Corpora.splitSighan(l)));
            }
            try (var lines = TextFiles.lines(data.resolve("icwb2/gold/pku_training_words.utf8"))) {
                lines.map(String::strip).filter(w -> !w.isEmpty()).forEach(trainWords::add);
            }
        }
        // IV words are compared width-folded on both sides (PD98 is full-width, PKU test half-width).
        Set<String> folded = new HashSet<>();
        for (String w : trainWords) {
            folded.add(CharNormalizer.foldWidth(w));
        }
        List<List<String>> goldFolded = new ArrayList<>();
        for (List<String> g : gold) {
            goldFolded.add(g.stream().map(CharNormalizer::foldWidth).toList());
        }
        SegmentationScorer scorer = new SegmentationScorer(folded);
        report("hmm", new HmmSegmenter(model.hmm()), goldFolded, scorer);
        report("hybrid(train)", HybridSegmenter.builder().model(model).coreDictionary(false).build(), goldFolded, scorer);
        report("hybrid(core)", HybridSegmenter.builder().model(model).trainingWords(false).build(), goldFolded, scorer);
        for (int k = 3; k < args.length; k++) {
            double w = Double.parseDouble(args[k]);
            report("hybrid(train*" + w + "+core)", HybridSegmenter.builder().model(model).trainingWeight(w).build(),
                    goldFolded, scorer);
        }
    }

    static void report(String name, Segmenter seg, List<List<String>> gold, SegmentationScorer scorer) {
        SegmentationScorer.Tally tally = scorer.tally();
        long chars = 0;
        long t0 = System.nanoTime();
        for (List<String> g : gold) {
            String text = String.join("", g);
            chars += text.length();
            List<String> p = seg.words(text).stream().map(CharNormalizer::foldWidth).toList();
            tally.add(g, p);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        SegmentationScore s = tally.score();
        System.out.printf("%-28s P %.4f R %.4f F1 %.4f OOV-R %.4f IV-R %.4f  %.0f chars/s%n", name, s.precision(),
                s.recall(), s.f1(), s.oovRecall(), s.ivRecall(), chars / secs);
    }
}
