package org.classicnlp.bench;

import com.hankcs.hanlp.HanLP;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.classicnlp.core.Corpora;
import org.classicnlp.segment.Segmenter;
import org.classicnlp.segment.Segmenters;

/**
 * Writes the Chinese word2vec benchmark corpus: the shared Chinese Wikipedia slice (WikiExtractor output),
 * converted to Simplified Chinese with HanLP's converter, segmented by our standard segmenter, tokens without
 * a letter or digit (punctuation, symbols) dropped, Latin letters lower-cased; one paragraph per line.
 *
 * <p>usage: ZhCorpusPrep ZH_TEXT_DIR OUT.txt
 */
public final class ZhCorpusPrep {

    public static void main(String[] args) throws IOException {
        Segmenter seg = Segmenters.standard();
        long[] n = {0, 0};
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            Corpora.wikiExtractor(Path.of(args[0])).forEach(d -> {
                String text = HanLP.convertToSimplifiedChinese(d.text());
                StringBuilder sb = new StringBuilder();
                for (String w : seg.words(text)) {
                    if (w.codePoints().anyMatch(Character::isLetterOrDigit)) {
                        if (sb.length() > 0) {
                            sb.append(' ');
                        }
                        sb.append(w.toLowerCase(java.util.Locale.ROOT));
                        n[1]++;
                    }
                }
                if (sb.length() > 0) {
                    try {
                        out.write(sb.append('\n').toString());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    n[0]++;
                }
            });
        }
        System.err.println("zh corpus: " + args[1] + ": " + n[0] + " lines, " + n[1] + " tokens");
    }
}
