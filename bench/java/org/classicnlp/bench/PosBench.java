package org.classicnlp.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Sentence;
import org.classicnlp.core.Token;
import org.classicnlp.pos.PosData;
import org.classicnlp.pos.TagScore;
import org.classicnlp.pos.TagScorer;
import org.classicnlp.pos.Tagger;
import org.classicnlp.pos.Taggers;

/**
 * Accuracy (all / known / unknown) and single-thread tagging speed of tagger models on the same test
 * tokens: tagging alone (no reading, no segmentation), three passes per tagger, the passes of the taggers
 * interleaved (pass 1 of each, then pass 2 of each, ...) so that load changes hit them alike; the best
 * pass is reported, the median and the first (cold) pass too, and the best pass by the CPU time of the
 * tagging thread (what a loaded shared machine's wall time blurs: time spent waiting for a core is left out).
 * Usage: PosBench pd|upos|xpos DATA_DIR NAME=MODEL[@BEAM] ...; MODEL {@code corenlp:left3words} is CoreNLP's
 * english-left3words-distsim tagger (CoreNLP and its models jar on the classpath). A tagger whose tags are
 * not the set's (CoreNLP on {@code upos} or {@code pd}) is timed on the same tokens, its accuracy printed as -.
 * With {@code -Dpos.bench.predictions=DIR} each tagger's tags are written to {@code DIR/NAME.tags} (one
 * sentence a line, tags separated by spaces), so that two builds' outputs can be compared
 * (bench/pos_identical.sh).
 */
public final class PosBench {
    public static void main(String[] a) throws Exception {
        Path data = Path.of(a[1]);
        Corpus<Sentence> train;
        Corpus<Sentence> test;
        if (a[0].equals("pd")) {
            Path pd = data.resolve("peoples-daily-1998/199801.txt.gz");
            train = PosData.peoplesDailyDays(pd, 1, 28);
            test = PosData.peoplesDailyDays(pd, 29, 31);
        } else {
            Corpora.ConlluColumn col = a[0].equals("upos") ? Corpora.ConlluColumn.UPOS : Corpora.ConlluColumn.XPOS;
            train = Corpora.conllu(data.resolve("ud/UD_English-EWT/en_ewt-ud-train.conllu.gz"), col);
            test = Corpora.conllu(data.resolve("ud/UD_English-EWT/en_ewt-ud-dev.conllu"), col);
        }
        List<String> names = new ArrayList<>();
        List<Tagger> taggers = new ArrayList<>();
        List<Boolean> sameTags = new ArrayList<>();
        for (int i = 2; i < a.length; i++) {
            String name = a[i].substring(0, a[i].indexOf('='));
            String model = a[i].substring(a[i].indexOf('=') + 1);
            int beam = 1;
            if (model.contains("@")) {
                beam = Integer.parseInt(model.substring(model.indexOf('@') + 1));
                model = model.substring(0, model.indexOf('@'));
            }
            Tagger t;
            if (model.equals("corenlp:left3words")) {
                // reflection: the bench compiles without CoreNLP on its classpath
                t = (Tagger) Class.forName("org.classicnlp.pos.corenlp.CoreNlpTagger").getMethod("englishLeft3Words")
                        .invoke(null);
            } else {
                t = Taggers.load(Path.of(model));
                if (beam > 1 && t instanceof org.classicnlp.pos.PerceptronTagger p) {
                    t = p.withBeam(beam);
                }
            }
            names.add(name);
            taggers.add(t);
            sameTags.add(!model.startsWith("corenlp:") || a[0].equals("xpos"));
        }
        Set<String> vocab = TagScorer.vocabulary(train);
        List<List<String>> sentences = new ArrayList<>();
        List<List<String>> gold = new ArrayList<>();
        test.forEach(s -> {
            sentences.add(s.words());
            gold.add(s.tokens().stream().map(Token::tag).toList());
        });
        long tokens = sentences.stream().mapToLong(List::size).sum();
        int n = taggers.size();
        double[][] seconds = new double[n][3];
        double[][] cpu = new double[n][3];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        List<List<List<String>>> pred = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            pred.add(null);
        }
        for (int pass = 0; pass < 3; pass++) {
            for (int k = 0; k < n; k++) {
                Tagger tagger = taggers.get(k);
                List<List<String>> out = new ArrayList<>(sentences.size());
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                for (List<String> s : sentences) {
                    out.add(tagger.tagWords(s));
                }
                seconds[k][pass] = (System.nanoTime() - t0) / 1e9;
                cpu[k][pass] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
                pred.set(k, out);
            }
        }
        String dump = System.getProperty("pos.bench.predictions");
        if (dump != null) {
            java.nio.file.Files.createDirectories(Path.of(dump));
            for (int k = 0; k < n; k++) {
                List<String> lines = new ArrayList<>();
                for (List<String> s : pred.get(k)) {
                    lines.add(String.join(" ", s));
                }
                java.nio.file.Files.write(Path.of(dump, names.get(k) + ".tags"), lines);
            }
        }
        for (int k = 0; k < n; k++) {
            double[] sec = seconds[k].clone();
            java.util.Arrays.sort(sec);
            double cpuBest = java.util.Arrays.stream(cpu[k]).min().getAsDouble();
            if (!sameTags.get(k)) {
                System.out.printf(Locale.ROOT, "%s\t-\t-\t-\t%d\t%.0f\t%.0f\t%.0f\t%.0f%n", names.get(k), tokens,
                        tokens / sec[0], tokens / sec[1], tokens / seconds[k][0], tokens / cpuBest);
                continue;
            }
            TagScorer scorer = new TagScorer(vocab);
            for (int i = 0; i < sentences.size(); i++) {
                scorer.add(sentences.get(i), gold.get(i), pred.get(k).get(i));
            }
            TagScore s = scorer.score();
            System.out.printf(Locale.ROOT, "%s\t%.4f\t%.4f\t%.4f\t%d\t%.0f\t%.0f\t%.0f\t%.0f%n", names.get(k), s.accuracy(),
                    s.knownAccuracy(), s.unknownAccuracy(), tokens, tokens / sec[0], tokens / sec[1], tokens / seconds[k][0],
                    tokens / cpuBest);
        }
    }
}
