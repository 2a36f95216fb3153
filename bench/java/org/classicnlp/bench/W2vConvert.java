package org.classicnlp.bench;

import java.nio.file.Path;
import org.classicnlp.word2vec.WordVectors;

/** Reads a word2vec file and writes it in the format of the output's extension (for the interop check). */
public final class W2vConvert {
    public static void main(String[] args) {
        WordVectors.load(Path.of(args[0])).save(Path.of(args[1]));
    }
}
