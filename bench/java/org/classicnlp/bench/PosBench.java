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
 * Accuracy (all / known / unknown) and single-thread tagging speed (best of three passes over the test
 * tokens, tagging alone: no reading, no segmentation) of one tagger model.
 * Usage: PosBench NAME MODEL pd|upos|xpos DATA_DIR [BEAM]
 */
public final class PosBench {
    public static void main(String[] a) {
        String name = a[0];
        Tagger tagger = Taggers.load(Path.of(a[1]));
        if (a.length > 4 && tagger instanceof org.classicnlp.pos.PerceptronTagger p) {
            tagger = p.withBeam(Integer.parseInt(a[4]));   // optional 5th argument: beam width
        }
        Path data = Path.of(a[3]);
        Corpus<Sentence> train;
        Corpus<Sentence> test;
        if (a[2].equals("pd")) {
            Path pd = data.resolve("peoples-daily-1998/199801.txt.gz");
            train = PosData.peoplesDailyDays(pd, 1, 28);
            test = PosData.peoplesDailyDays(pd, 29, 31);
        } else {
            Corpora.ConlluColumn col = a[2].equals("upos") ? Corpora.ConlluColumn.UPOS : Corpora.ConlluColumn.XPOS;
            train = Corpora.conllu(data.resolve("ud/UD_English-EWT/en_ewt-ud-train.conllu.gz"), col);
            test = Corpora.conllu(data.resolve("ud/UD_English-EWT/en_ewt-ud-dev.conllu"), col);
        }
        Set<String> vocab = TagScorer.vocabulary(train);
        List<List<String>> sentences = new ArrayList<>();
        List<List<String>> gold = new ArrayList<>();
        test.forEach(s -> {
            sentences.add(s.words());
            gold.add(s.tokens().stream().map(Token::tag).toList());
        });
        long tokens = sentences.stream().mapToLong(List::size).sum();
        double best = Double.MAX_VALUE;
        List<List<String>> pred = null;
        for (int pass = 0; pass < 3; pass++) {
            List<List<String>> out = new ArrayList<>(sentences.size());
            long t0 = System.nanoTime();
            for (List<String> s : sentences) {
                out.add(tagger.tagWords(s));
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            pred = out;
        }
        TagScorer scorer = new TagScorer(vocab);
        for (int i = 0; i < sentences.size(); i++) {
            scorer.add(sentences.get(i), gold.get(i), pred.get(i));
        }
        TagScore s = scorer.score();
        System.out.printf(Locale.ROOT, "%s\t%.4f\t%.4f\t%.4f\t%d\t%.0f%n", name, s.accuracy(), s.knownAccuracy(),
                s.unknownAccuracy(), tokens, tokens / best);
    }
}
