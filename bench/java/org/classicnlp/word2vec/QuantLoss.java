package org.classicnlp.word2vec;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes the {@code WORDS} most frequent rows of a float word2vec file as they come back from
 * {@link PackedVectors}' per-row quantisation at each bit width (as word2vec binary files, so `w2v eval` and
 * gensim read them), plus the float rows themselves, to separate the cost of keeping fewer words from the cost
 * of fewer bits. Prints one line per file: bits, file, mean cosine between quantised and float rows, size in
 * bytes of the packed file this would be.
 *
 * <p>usage: QuantLoss VECTORS.bin WORDS OUT_PREFIX BITS...
 */
public final class QuantLoss {

    public static void main(String[] args) {
        WordVectors full = WordVectors.load(Path.of(args[0]));
        int n = Math.min(Integer.parseInt(args[1]), full.size());
        String prefix = args[2];
        int dim = full.dimension();
        String[] words = new String[n];
        for (int i = 0; i < n; i++) {
            words[i] = full.word(i);
        }
        float[] raw = Arrays.copyOf(full.rawMatrix(), n * dim);
        WordVectors.ofTrained(words, raw.clone(), dim, null).save(Path.of(prefix + "-float.bin"));
        System.out.println("float\t" + prefix + "-float.bin\t1.0000");
        for (int a = 3; a < args.length; a++) {
            int bits = Integer.parseInt(args[a]);
            float[] scales = new float[n];
            byte[] codes = new byte[(int) (((long) n * dim * bits + 7) / 8)];
            float[] back = new float[n * dim];
            PackedVectors.quantize(raw, n, dim, bits, scales, codes);
            PackedVectors.dequantize(codes, scales, n, dim, bits, back);
            double cos = 0;
            for (int i = 0; i < n; i++) {
                double d = 0, x = 0, y = 0;
                for (int c = 0; c < dim; c++) {
                    d += (double) raw[i * dim + c] * back[i * dim + c];
                    x += (double) raw[i * dim + c] * raw[i * dim + c];
                    y += (double) back[i * dim + c] * back[i * dim + c];
                }
                cos += d / Math.sqrt(x * y);
            }
            String out = prefix + "-" + bits + "bit.bin";
            WordVectors.ofTrained(words.clone(), back, dim, null).save(Path.of(out));
            System.out.printf("%d\t%s\t%.4f\t%d codes+scales bytes%n", bits, out, cos / n, codes.length + 4L * n);
        }
    }
}
