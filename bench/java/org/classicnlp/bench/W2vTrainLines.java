package org.classicnlp.bench;

import java.nio.file.Path;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Document;
import org.classicnlp.word2vec.Word2VecTrainer;
import org.classicnlp.word2vec.WordVectors;

/**
 * Trains with {@link Word2VecTrainer#fitPreTokenized} (word ids straight from each line's characters) on a
 * normalized corpus with the benchmark's parameters, as {@code w2v train --tokenizer whitespace} would if it
 * used that path; writes the vectors. For bench/w2v_repeat.sh (peak RSS of the library path without the CLI's
 * per-token Strings).
 * usage: W2vTrainLines CORPUS sg|cbow EPOCHS THREADS OUT.bin
 */
public final class W2vTrainLines {
    public static void main(String[] args) {
        Word2VecTrainer t = Word2VecTrainer.builder()
                .model(args[1].equals("sg") ? Word2VecTrainer.Model.SKIP_GRAM : Word2VecTrainer.Model.CBOW)
                .dimension(100).window(5).negative(5).sample(1e-3).minCount(5).seed(1)
                .epochs(Integer.parseInt(args[2])).threads(Integer.parseInt(args[3])).build();
        WordVectors v = t.fitPreTokenized(Corpora.lines(Path.of(args[0])).map(Document::text));
        v.save(Path.of(args[4]));
    }
}
