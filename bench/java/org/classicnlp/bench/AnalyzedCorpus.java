package org.classicnlp.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.classicnlp.core.Corpora;
import org.classicnlp.word2vec.DefaultVectors;

/**
 * Writes a WikiExtractor slice as the shipped vectors' analyzer sees it ({@link DefaultVectors#ANALYZER_SPEC}:
 * the standard segmenter, width folding, Traditional→Simplified, lower case, symbols dropped), one paragraph
 * per line, tokens separated by one space. Gensim and our trainer both read this file in bench/w2v_defaults.sh,
 * so they train on the same tokens; `w2v train --analyzer standard` on the raw slice gives the same tokens.
 *
 * <p>usage: AnalyzedCorpus WIKI_DIR OUT.txt
 */
public final class AnalyzedCorpus {

    public static void main(String[] args) throws IOException {
        var analyzer = DefaultVectors.analyzer();
        long[] n = {0, 0};
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            Corpora.wikiExtractor(Path.of(args[0])).forEach(d -> {
                var terms = analyzer.terms(d.text());
                if (terms.isEmpty()) {
                    return;
                }
                try {
                    out.write(String.join(" ", terms));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                n[0]++;
                n[1] += terms.size();
            });
        }
        System.err.println(args[1] + ": " + n[0] + " lines, " + n[1] + " tokens");
    }
}
