package org.classicnlp.bench;

import java.nio.file.Path;
import java.util.Set;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Sentence;
import org.classicnlp.pos.HmmTagger;
import org.classicnlp.pos.HmmTaggerTrainer;
import org.classicnlp.pos.PerceptronTagger;
import org.classicnlp.pos.PerceptronTrainer;
import org.classicnlp.pos.PosData;
import org.classicnlp.pos.TagScore;
import org.classicnlp.pos.TagScorer;
import org.classicnlp.pos.Tagger;

/** Development runs: PosDev DATA_DIR pd|upos|xpos perceptron|hmm [epochs] [beam] [pd: trainTo testFrom testTo]. */
public final class PosDev {
    public static void main(String[] a) {
        Path data = Path.of(a[0]);
        Corpus<Sentence> train;
        Corpus<Sentence> test;
        if (a[1].equals("pd")) {
            Path pd = data.resolve("peoples-daily-1998/199801.txt.gz");
            int trainTo = a.length > 5 ? Integer.parseInt(a[5]) : 28;
            int testFrom = a.length > 6 ? Integer.parseInt(a[6]) : 29;
            int testTo = a.length > 7 ? Integer.parseInt(a[7]) : 31;
            train = PosData.peoplesDailyDays(pd, 1, trainTo);
            test = PosData.peoplesDailyDays(pd, testFrom, testTo);
        } else {
            Corpora.ConlluColumn col = a[1].equals("upos") ? Corpora.ConlluColumn.UPOS : Corpora.ConlluColumn.XPOS;
            train = Corpora.conllu(data.resolve("ud/UD_English-EWT/en_ewt-ud-train.conllu.gz"), col);
            test = Corpora.conllu(data.resolve("ud/UD_English-EWT/en_ewt-ud-dev.conllu"), col);
        }
        int epochs = a.length > 3 ? Integer.parseInt(a[3]) : 10;
        String[] beams = (a.length > 4 ? a[4] : "1").split(",");   // several widths: one training, each scored
        int beam = Integer.parseInt(beams[0]);
        long t0 = System.nanoTime();
        Tagger tagger;
        if (a[2].equals("hmm")) {
            tagger = HmmTaggerTrainer.builder().maxHanAffix(Integer.getInteger("hmm.han", 2)).rareMax(Integer.getInteger("hmm.rare", 10)).maxSuffix(Integer.getInteger("hmm.suffix", 10)).build().fit(train);
        } else {
            PerceptronTagger p = PerceptronTrainer.builder().epochs(epochs).tagDictionary(Integer.getInteger("dict", 20), 0.97).stacked(Boolean.getBoolean("stacked")).lexiconMinCount(Integer.getInteger("lex", 2)).pruneBelow(Double.parseDouble(System.getProperty("prune", "0.01"))).build().fit(train);
            System.out.println(p);
            tagger = p.withBeam(beam);
        }
        long t1 = System.nanoTime();
        Set<String> vocab = TagScorer.vocabulary(train);
        TagScore s = TagScorer.evaluate(tagger, test, vocab);
        if (Boolean.getBoolean("confusion")) {
            java.util.Map<String, Integer> conf = new java.util.HashMap<>();
            final Tagger tg = tagger;
            test.forEach(sent -> {
                java.util.List<String> pred = tg.tagWords(sent.words());
                for (int i = 0; i < pred.size(); i++) {
                    String g = sent.tokens().get(i).tag();
                    if (!g.equals(pred.get(i))) {
                        conf.merge(g + "->" + pred.get(i) + (vocab.contains(sent.words().get(i)) ? "" : " (unk)"), 1, Integer::sum);
                    }
                }
            });
            conf.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(30)
                    .forEach(e -> System.out.println(e.getValue() + "\t" + e.getKey()));
        }
        for (int b = 1; b < beams.length && tagger instanceof PerceptronTagger p; b++) {
            TagScore sb = TagScorer.evaluate(p.withBeam(Integer.parseInt(beams[b])), test, vocab);
            System.out.printf("beam %s: acc %.4f known %.4f unknown %.4f%n", beams[b], sb.accuracy(), sb.knownAccuracy(),
                    sb.unknownAccuracy());
        }
        if (System.getProperty("save") != null && tagger instanceof PerceptronTagger p) {
            p.save(Path.of(System.getProperty("save")));
        }
        long t2 = System.nanoTime();
        System.out.printf("%s %s train %.1fs  acc %.4f known %.4f unknown %.4f (%d unk / %d)  tag %.0f tok/s%n",
                a[1], a[2], (t1 - t0) / 1e9, s.accuracy(), s.knownAccuracy(), s.unknownAccuracy(),
                s.unknownTokens(), s.tokens(), s.tokens() / ((t2 - t1) / 1e9));
    }
}
