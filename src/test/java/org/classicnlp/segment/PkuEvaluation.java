package org.classicnlp.segment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Document;

/** Test helper: segments the raw PKU test file and scores it against gold, line by line. */
final class PkuEvaluation {

    private PkuEvaluation() {
    }

    static SegmentationScore score(Segmenter segmenter, Path raw, Path gold, SegmentationScorer scorer) {
        List<String> lines = new ArrayList<>();
        Corpora.lines(raw).forEach((Document d) -> lines.add(d.text()));
        SegmentationScorer.Tally tally = scorer.tally();
        int[] i = {0};
        Corpora.sighan(gold).forEach(s -> tally.add(s.words(), segmenter.words(lines.get(i[0]++))));
        return tally.score();
    }
}
