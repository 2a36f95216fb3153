package org.classicnlp.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Sentence;
import org.classicnlp.lexicon.CharNormalizer;
import org.classicnlp.lexicon.Lexicon;
import org.classicnlp.segment.HybridModel;
import org.classicnlp.segment.HybridSegmenter;

/**
 * Development tool for the hybrid's new-word step: trains on People's Daily 1998, 1-24 January, and on
 * 25-31 January reports, for each HMM margin threshold, word F1 and the precision of invented words
 * (output words of 2+ characters in none of the segmenter's dictionaries that are gold words at that
 * position). Used to choose HybridSegmenter.DEFAULT_NEW_WORD_MARGIN on dev only.
 *
 * Usage: java -cp $BENCH_CP org.classicnlp.bench.HybridNewWordDev DATA_DIR MARGIN...  (MARGIN "-inf" = keep all)
 */
public class HybridNewWordDev {
    public static void main(String[] args) {
        Corpus<Sentence> all = Corpora.peoplesDaily(Path.of(args[0]).resolve("peoples-daily-1998/199801.txt.gz"));
        Corpus<Sentence> train = all.filter(s -> s.id().substring(6, 8).compareTo("25") < 0);
        List<List<String>> gold = new ArrayList<>();
        all.filter(s -> s.id().substring(6, 8).compareTo("25") >= 0)
                .forEach(s -> gold.add(s.words().stream().map(CharNormalizer::foldWidth).toList()));
        HybridSegmenter base = HybridSegmenter.builder().model(HybridModel.train(train)).build();
        Lexicon dict = base.lexicon();
        for (int a = 1; a < args.length; a++) {
            double margin = args[a].equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(args[a]);
            HybridSegmenter seg = base.withNewWordMargin(margin);
            long g = 0, p = 0, c = 0, inv = 0, invOk = 0;
            for (List<String> gw : gold) {
                String text = String.join("", gw);
                int[] spans = seg.spans(text);
                java.util.Set<Long> gs = new java.util.HashSet<>();
                int pos = 0;
                for (String w : gw) {
                    gs.add(((long) pos << 32) | (pos + w.length()));
                    pos += w.length();
                }
                g += gw.size();
                for (int k = 0; k < spans.length; k += 2) {
                    p++;
                    boolean ok = gs.contains(((long) spans[k] << 32) | spans[k + 1]);
                    if (ok) {
                        c++;
                    }
                    String w = text.substring(spans[k], spans[k + 1]);
                    if (w.length() >= 2 && !dict.contains(w)) {
                        inv++;
                        if (ok) {
                            invOk++;
                        }
                    }
                }
            }
            double prec = (double) c / p;
            double rec = (double) c / g;
            System.out.printf("margin %-6s F1 %.4f  invented %d  invented-precision %.4f%n", args[a],
                    2 * prec * rec / (prec + rec), inv, inv == 0 ? 0 : (double) invOk / inv);
        }
    }
}
