package org.classicnlp.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The damage every model loader must report as {@link ModelFormatException} naming the file and what was
 * expected: empty, foreign (text, word2vec text, old format), another kind, another container or format
 * version, truncation at several points and at every 1/64 of the length, one flipped byte, trailing data.
 */
public final class ModelFileChecks {

    private ModelFileChecks() {
    }

    /**
     * @param good      a file saved by the model under test
     * @param kind      its kind tag
     * @param loader    loads a path (e.g. {@code HmmModel::load})
     * @param otherKind a valid file of another kind, which {@code loader} must refuse
     */
    public static void assertRejectsDamage(Path dir, Path good, String kind, Function<Path, ?> loader, Path otherKind)
            throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        int tagLength = bytes[12];
        assertEquals(kind, new String(bytes, 13, tagLength, StandardCharsets.US_ASCII));
        int versionAt = 13 + tagLength;
        int flagsAt = versionAt + 4;

        ModelFormatException e = fails(loader, write(dir, "empty.model", new byte[0]));
        contains(e, "empty file", "CNLPMODL", kind);

        e = fails(loader, write(dir, "notes.txt", "我们 喜欢 学习\nsecond line\n".getBytes(StandardCharsets.UTF_8)));
        contains(e, "not a ClassicNLP model", "CNLPMODL", "text file", "我们", "of a " + kind);

        e = fails(loader, write(dir, "vectors.txt", "2 3\na 1 2 3\nb 4 5 6\n".getBytes(StandardCharsets.UTF_8)));
        contains(e, "word2vec", "at byte 0");

        e = fails(loader, write(dir, "old.bin", "CNLPSEGM\0\0\0\1\1".getBytes(StandardCharsets.ISO_8859_1)));
        contains(e, "before the model container");

        e = fails(loader, otherKind);
        String other = new String(Files.readAllBytes(otherKind), 13, Files.readAllBytes(otherKind)[12],
                StandardCharsets.US_ASCII);
        contains(e, "is a " + other + " model", "expected " + kind);

        byte[] container = bytes.clone();
        container[11] = 9;
        e = fails(loader, write(dir, "container9.model", container));
        contains(e, "unsupported model container version 9 at byte 8; this build reads version 1");

        byte[] version = bytes.clone();
        ByteBuffer.wrap(version).putInt(versionAt, 9);
        e = fails(loader, write(dir, "version9.model", version));
        contains(e, "unsupported " + kind + " format version 9 at byte " + versionAt + "; this build reads version");

        for (int cut : new int[] {3, 8, 12, versionAt + 2, flagsAt + 1, flagsAt + 6, bytes.length / 2,
                bytes.length - 5, bytes.length - 1}) {
            e = fails(loader, write(dir, "cut" + cut + ".model", Arrays.copyOf(bytes, cut)));
            contains(e, "truncated");
            assertTrue(e.getMessage().contains("byte "), e.getMessage());
        }

        assertRejectsTruncation(dir, good, loader);

        for (int at : new int[] {bytes.length / 2, bytes.length - 20, bytes.length - 1}) {
            byte[] flipped = bytes.clone();
            flipped[at] ^= 0x10;
            e = fails(loader, write(dir, "flip" + at + ".model", flipped));
            contains(e, "checksum mismatch", "at byte " + (bytes.length - 4), "damaged");
        }

        byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
        e = fails(loader, write(dir, "longer.model", longer));
        contains(e, "unexpected data after the checksum at byte " + bytes.length);
    }

    /**
     * Issue 18: {@code good} cut at every 1/64 of its length (1/64 to 63/64) is rejected by
     * {@code loader} with a {@link ModelFormatException} that names the cut file and a position, before the
     * model can be used. For any file the loader reads: container models, and the word2vec and ARPA formats.
     */
    public static void assertRejectsTruncation(Path dir, Path good, Function<Path, ?> loader) throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        java.util.SortedSet<Integer> cuts = new java.util.TreeSet<>();
        for (int i = 1; i < 64; i++) {
            cuts.add(Math.max(1, (int) ((long) bytes.length * i / 64)));   // a file under 64 bytes: every byte
        }
        for (int cut : cuts) {
            Path f = write(dir, "cut-" + cut + "-of-" + bytes.length + "-" + good.getFileName(), Arrays.copyOf(bytes, cut));
            ModelFormatException e = fails(loader, f);
            assertTrue(e.getMessage().matches("(?s).*\\b(byte|line|entry) \\d+.*"), "no position in: " + e.getMessage());
            Files.delete(f);
        }
    }

    private static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private static ModelFormatException fails(Function<Path, ?> loader, Path file) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> loader.apply(file), file.toString());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertEquals(file.toString(), e.source());
        return e;
    }

    private static void contains(ModelFormatException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }
}
