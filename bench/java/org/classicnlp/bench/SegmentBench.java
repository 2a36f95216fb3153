package org.classicnlp.bench;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Other.DoubleArrayTrieSegment;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.classicnlp.core.Corpora;
import org.classicnlp.lexicon.Lexicon;
import org.classicnlp.lexicon.LexiconLoaders;
import org.classicnlp.segment.SegmentationScore;
import org.classicnlp.segment.SegmentationScorer;
import org.classicnlp.segment.MatchRules;
import org.classicnlp.segment.Segmenters;

/**
 * Accuracy and in-JVM speed of our dictionary segmenters against HanLP's on the PKU bakeoff test set.
 * Usage: SegmentBench DATA_DIR [RUNS]. Prints a table: F1, OOV recall, chars/s (median of RUNS passes after
 * a warm-up of at least 10 passes and 3 seconds), and each speed as a ratio to HanLP's DoubleArrayTrieSegment with the same words.
 */
public final class SegmentBench {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path test = data.resolve("icwb2/testing/pku_test.utf8");
        Path gold = data.resolve("icwb2/gold/pku_test_gold.utf8");
        Path words = data.resolve("icwb2/gold/pku_training_words.utf8");
        List<String> lines = Files.readAllLines(test);
        List<List<String>> goldWords = new ArrayList<>();
        Corpora.sighan(gold).forEach(s -> goldWords.add(s.words()));
        long chars = lines.stream().mapToLong(String::length).sum();
        SegmentationScorer scorer = SegmentationScorer.withWordList(words);

        // As the CLI does: a plain word list is matched exactly with classic rules unless --rules mixed.
        Lexicon pkuExact = LexiconLoaders.wordList(words, false);
        Lexicon pku = LexiconLoaders.wordList(words);
        Lexicon core = LexiconLoaders.hanlpCore();
        Map<String, Function<String, List<String>>> systems = new LinkedHashMap<>();
        for (String algo : List.of("fmm", "bmm", "bimm")) {
            var s = Segmenters.create(algo, pkuExact, MatchRules.CLASSIC);
            systems.put("ours " + algo + " classic (pku words)", s::words);
        }
        for (String algo : List.of("fmm", "bmm", "bimm")) {
            var s = Segmenters.create(algo, pku, MatchRules.MIXED);
            systems.put("ours " + algo + " mixed (pku words)", s::words);
        }
        for (String algo : List.of("fmm", "bimm")) {
            var s = Segmenters.create(algo, core);
            systems.put("ours " + algo + " (default dict)", s::words);
        }
        Segment hanlpDat = new DoubleArrayTrieSegment(words.toString()).enableCustomDictionary(false);
        systems.put("HanLP DoubleArrayTrieSegment (pku words)", s -> terms(hanlpDat.seg(s)));
        Segment hanlpDatCore = new DoubleArrayTrieSegment().enableCustomDictionary(false);
        systems.put("HanLP DoubleArrayTrieSegment (core dict)", s -> terms(hanlpDatCore.seg(s)));
        Segment hanlpStd = HanLP.newSegment();
        systems.put("HanLP standard (ViterbiSegment)", s -> terms(hanlpStd.seg(s)));

        Map<String, double[]> results = new LinkedHashMap<>();
        for (var e : systems.entrySet()) {
            Function<String, List<String>> seg = e.getValue();
            List<List<String>> out = new ArrayList<>();
            for (String line : lines) {
                out.add(seg.apply(line));
            }
            SegmentationScorer.Tally tally = scorer.tally();
            for (int i = 0; i < lines.size(); i++) {
                tally.add(goldWords.get(i), out.get(i));
            }
            SegmentationScore score = tally.score();
            // Warm up until the JIT has settled: at least 10 passes and 3 seconds.
            long warmStart = System.nanoTime();
            for (int w = 0; w < 10 || System.nanoTime() - warmStart < 3_000_000_000L; w++) {
                pass(lines, seg);
            }
            double[] speeds = new double[runs];
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                pass(lines, seg);
                speeds[r] = chars / ((System.nanoTime() - t0) / 1e9);
            }
            Arrays.sort(speeds);
            results.put(e.getKey(), new double[] {score.f1(), score.oovRecall(), speeds[runs / 2]});
        }
        double ref = results.get("HanLP DoubleArrayTrieSegment (pku words)")[2];
        System.out.printf(Locale.ROOT, "PKU test: %d lines, %d chars; speed = median of %d passes%n", lines.size(), chars, runs);
        System.out.printf(Locale.ROOT, "%-44s %7s %7s %12s %9s%n", "system", "F1", "OOV-R", "chars/s", "vs HanLP DAT");
        for (var e : results.entrySet()) {
            double[] r = e.getValue();
            System.out.printf(Locale.ROOT, "%-44s %7.4f %7.4f %12.0f %8.2fx%n", e.getKey(), r[0], r[1], r[2], r[2] / ref);
        }
    }

    private static long pass(List<String> lines, Function<String, List<String>> seg) {
        long n = 0;
        for (String line : lines) {
            n += seg.apply(line).size();
        }
        return n;
    }

    private static List<String> terms(List<Term> terms) {
        List<String> out = new ArrayList<>(terms.size());
        for (Term t : terms) {
            out.add(t.word);
        }
        return out;
    }
}
