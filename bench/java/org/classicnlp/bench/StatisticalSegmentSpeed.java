package org.classicnlp.bench;

import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.tokenizer.StandardTokenizer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.classicnlp.segment.HmmModel;
import org.classicnlp.segment.HmmSegmenter;
import org.classicnlp.segment.HybridModel;
import org.classicnlp.segment.HybridSegmenter;
import org.classicnlp.segment.PerceptronSegmenter;
import org.classicnlp.segment.Segmenter;

/**
 * In-process segmentation: loads a segmenter (load time reported separately), writes its segmentation of
 * INPUT (one line per line, words separated by spaces) to OUT, and times RUNS passes over the lines
 * after one warm-up pass (median chars/s, printed on stderr). RUNS = 0: end to end only.
 *
 * Usage: java -cp $BENCH_CP org.classicnlp.bench.StatisticalSegmentSpeed NAME INPUT OUT RUNS [MODEL]
 * NAME: hmm (MODEL = hmm or hybrid model file) | hybrid-train (MODEL = hybrid file, no HanLP dictionary)
 *       | hybrid (shipped defaults) | hanlp (HanLP StandardTokenizer) | perceptron ([MODEL], default the
 *       shipped one) | standard (Segmenters.standard()) | hanlp-perceptron (MODEL = HanLP perceptron CWS model)
 */
public class StatisticalSegmentSpeed {
    public static void main(String[] args) throws IOException {
        String name = args[0];
        List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        Path out = Path.of(args[2]);
        int runs = Integer.parseInt(args[3]);
        long t0 = System.nanoTime();
        Function<String, List<String>> seg = switch (name) {
            case "hmm" -> words(new HmmSegmenter(HmmModel.load(Path.of(args[4]))));
            case "hybrid-train" -> words(HybridSegmenter.builder().model(HybridModel.load(Path.of(args[4])))
                    .coreDictionary(false).build());
            case "hybrid" -> words(HybridSegmenter.standard());
            case "perceptron" -> words(args.length > 4 ? PerceptronSegmenter.load(Path.of(args[4]))
                    : PerceptronSegmenter.defaultModel());
            case "standard" -> words(org.classicnlp.segment.Segmenters.standard());
            case "hanlp-perceptron" -> {
                com.hankcs.hanlp.model.perceptron.PerceptronSegmenter h =
                        new com.hankcs.hanlp.model.perceptron.PerceptronSegmenter(args[4]);
                yield h::segment;
            }
            case "hanlp" -> line -> {
                List<Term> terms = StandardTokenizer.segment(line);
                List<String> w = new ArrayList<>(terms.size());
                for (Term t : terms) {
                    if (!t.word.isBlank()) {
                        w.add(t.word);
                    }
                }
                return w;
            };
            default -> throw new IllegalArgumentException(name);
        };
        seg.apply("预热一下。");
        double load = (System.nanoTime() - t0) / 1e9;
        long chars = 0;
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8))) {
            for (String line : lines) {
                chars += line.length();
                w.write(String.join(" ", seg.apply(line)));
                w.write('\n');
            }
        }
        double[] rates = new double[runs];
        double[] cpuRates = new double[runs];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < runs; r++) {
            long c = mx.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            long sink = 0;
            for (String line : lines) {
                sink += seg.apply(line).size();
            }
            rates[r] = chars / ((System.nanoTime() - s) / 1e9);
            cpuRates[r] = chars / ((mx.getCurrentThreadCpuTime() - c) / 1e9);
            if (sink < 0) {
                System.out.println(sink);
            }
        }
        Arrays.sort(rates);
        Arrays.sort(cpuRates);
        // Wall-clock rate first (what the other scripts parse), then per CPU second of this thread, which
        // holds on a shared machine where the thread waits for a core.
        System.err.printf("%s load_s=%.2f chars=%d chars_per_s=%.0f chars_per_cpu_s=%.0f%n", name, load, chars,
                runs == 0 ? 0 : rates[runs / 2], runs == 0 ? 0 : cpuRates[runs / 2]);
    }

    static Function<String, List<String>> words(Segmenter s) {
        return s::words;
    }
}
