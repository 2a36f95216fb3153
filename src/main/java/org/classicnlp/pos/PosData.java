package org.classicnlp.pos;

import java.nio.file.Path;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Sentence;

/**
 * The standard splits of the tagged corpora the tagger work is measured on. People's Daily 1998 January:
 * paragraphs of days 01-28 train, days 29-31 test (by the paragraph id {@code 199801DD-...}); bracketed
 * compounds {@code [中央/n 人民/n]nt} are read as their inner words with their own tags (the bracket and its
 * phrase tag dropped), the PKU segmentation standard, so gold segmentation is the PKU one.
 */
public final class PosData {

    private PosData() {
    }

    /** Paragraphs of {@code file} (People's Daily 1998) whose day of month is in [{@code from}, {@code to}]. */
    public static Corpus<Sentence> peoplesDailyDays(Path file, int from, int to) {
        return Corpora.peoplesDaily(file).filter(s -> {
            String id = s.id();
            if (id.length() < 8 || !Character.isDigit(id.charAt(6))) {
                return false;
            }
            int day = Integer.parseInt(id.substring(6, 8));
            return day >= from && day <= to;
        });
    }
}
