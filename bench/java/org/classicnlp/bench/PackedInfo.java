package org.classicnlp.bench;

import java.nio.file.Path;
import org.classicnlp.word2vec.PackedVectors;

/** Prints a w2v-packed file's shape: words, dimension, bits. usage: PackedInfo FILE */
public final class PackedInfo {
    public static void main(String[] args) {
        PackedVectors p = PackedVectors.load(Path.of(args[0]));
        System.out.println(p.vectors().size() + " words x " + p.vectors().dimension() + " at " + p.bits() + " bits");
    }
}
