package org.classicnlp.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelContainerTest {

    static final ModelContainer.Kind TOY = new ModelContainer.Kind("toy", 3);
    static final ModelContainer.Kind OTHER = new ModelContainer.Kind("other", 1);
    static final AnalyzerSpec SPEC = AnalyzerSpec.of("whitespace").withNormalizers(List.of("lowercase"))
            .withStopWords(List.of("the", "a"));

    @TempDir
    Path dir;

    record Toy(AnalyzerSpec spec, int[] values) {
    }

    static void save(Path file, ModelContainer.Compression c, AnalyzerSpec spec) {
        ModelContainer.save(file, TOY, spec, c, out -> {
            out.writeInt(1000);
            for (int i = 0; i < 1000; i++) {
                out.writeInt(i * 7);
            }
        });
    }

    static Toy load(Path file) {
        return ModelContainer.load(file, body -> {
            body.section("the values");
            int n = body.in().readInt();
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                v[i] = body.in().readInt();
            }
            return new Toy(body.spec().orElse(null), v);
        }, TOY);
    }

    @Test
    void roundTripsWithAndWithoutSpecAndCompression() throws IOException {
        for (ModelContainer.Compression c : ModelContainer.Compression.values()) {
            for (AnalyzerSpec spec : new AnalyzerSpec[] {null, SPEC}) {
                Path f = dir.resolve("toy-" + c + "-" + (spec != null) + ".model");
                save(f, c, spec);
                Toy t = load(f);
                assertEquals(spec, t.spec());
                assertEquals(1000, t.values().length);
                assertEquals(7 * 999, t.values()[999]);
                byte[] first = Files.readAllBytes(f);
                save(f, c, spec);
                assertArrayEquals(first, Files.readAllBytes(f), "saving is deterministic");
                try (var files = Files.list(dir)) {
                    assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
                }
            }
        }
        assertTrue(Files.size(dir.resolve("toy-GZIP-false.model")) < Files.size(dir.resolve("toy-NONE-false.model")));
    }

    @Test
    void everyKindOfDamageIsReportedWithFileAndPlace() throws IOException {
        for (ModelContainer.Compression c : ModelContainer.Compression.values()) {
            Path sub = Files.createDirectories(dir.resolve(c.toString()));
            Path good = sub.resolve("good.model");
            save(good, c, SPEC);
            Path other = sub.resolve("other.model");
            ModelContainer.save(other, OTHER, null, c, out -> out.writeInt(1));
            ModelFileChecks.assertRejectsDamage(sub, good, "toy", ModelContainerTest::load, other);
        }
    }

    @Test
    void aReaderThatStopsEarlyOrReadsTooFarIsReported() {
        Path f = dir.resolve("toy.model");
        save(f, ModelContainer.Compression.NONE, null);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelContainer.load(f, body -> {
            body.section("the count");
            return body.in().readInt();
        }, TOY));
        assertTrue(e.getMessage().contains("4000 unread bytes after the count") && e.getMessage().contains("byte "),
                e.getMessage());
        e = assertThrows(ModelFormatException.class, () -> ModelContainer.load(f, body -> {
            body.section("the values");
            body.in().skipNBytes(4004);
            return body.in().readInt();
        }, TOY));
        assertTrue(e.getMessage().contains("in the values") && e.getMessage().contains("ends early"), e.getMessage());
        e = assertThrows(ModelFormatException.class, () -> ModelContainer.load(f, body -> {
            body.section("the count");
            body.check(body.in().readInt() == 5, "count 1000, expected 5");
            return null;
        }, TOY));
        assertTrue(e.getMessage().contains("toy body byte 4") && e.getMessage().contains("expected 5"), e.getMessage());
    }

    @Test
    void loadsFromAStreamNamedBySource() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelContainer.write(bytes, TOY, null, ModelContainer.Compression.GZIP, out -> out.writeUTF("hello"));
        String s = ModelContainer.load(new ByteArrayInputStream(bytes.toByteArray()), "classpath:/toy",
                body -> body.in().readUTF(), TOY);
        assertEquals("hello", s);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelContainer.load(
                new ByteArrayInputStream(new byte[0]), "classpath:/empty", body -> null, TOY));
        assertTrue(e.getMessage().startsWith("classpath:/empty: empty file"), e.getMessage());
    }

    @Test
    void describesForeignFiles() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(1);
        }
        assertTrue(ModelContainer.describe(gz.toByteArray()).contains("a gzip file"));
        assertTrue(ModelContainer.describe("CNLP-LEX\0\0".getBytes()).contains("lexicon image in the format before"));
        assertTrue(ModelContainer.describe("3 100\nthe 0.1".getBytes()).contains("word2vec"));
        assertTrue(ModelContainer.describe(new byte[] {0, 1, 2, 3, (byte) 0xff}).contains("binary data"));
        assertThrows(IllegalArgumentException.class, () -> new ModelContainer.Kind("Bad Tag", 1));
    }
}
