package org.classicnlp.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.AnalyzerSpec;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Document;
import org.classicnlp.core.ModelFileChecks;
import org.classicnlp.segment.WhitespaceTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SifEmbedderFileTest {

    @TempDir
    Path dir;

    static final Corpus<Document> DOCS = () -> List.of(doc("a a a A b"), doc("a c"), doc("a b c"), doc("B a")).stream();

    static Document doc(String text) {
        return new Document("d", text);
    }

    static SifEmbedder fitted() {
        return SifEmbedder.fit(EmbeddersTest.abc(),
                Analyzer.of(AnalyzerSpec.of("whitespace").withNormalizers(List.of("lowercase"))), DOCS, 1e-3);
    }

    @Test
    void roundTripGivesTheSameEmbeddings() throws IOException {
        SifEmbedder sif = fitted();
        Path file = dir.resolve("m.sif");
        sif.save(file);
        SifEmbedder back = SifEmbedder.load(file, EmbeddersTest.abc());
        assertEquals(sif.analyzer().spec(), back.analyzer().spec());
        assertEquals(sif.probability("a"), back.probability("a"));
        assertArrayEquals(sif.commonComponent().toFloatArray(), back.commonComponent().toFloatArray());
        for (String t : List.of("a b", "C", "a c b", "zzz")) {
            assertArrayEquals(sif.embed(doc(t)).toFloatArray(), back.embed(doc(t)).toFloatArray(), t);
        }
        try (InputStream in = Files.newInputStream(file)) {
            SifEmbedder s = SifEmbedder.load(in, "stream:m.sif", EmbeddersTest.abc(), null);
            assertArrayEquals(sif.embed(doc("a b")).toFloatArray(), s.embed(doc("a b")).toFloatArray());
        }
        Path again = dir.resolve("again.sif");
        back.save(again);
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again), "save is deterministic");
    }

    @Test
    void otherVectorsOrACustomSegmenterAreNamed() {
        Path file = dir.resolve("m.sif");
        fitted().save(file);
        WordVectors other = WordVectors.of(List.of("a", "b", "c"), new float[] {1, 0, 0, 2, 1, 1.5f}, 2, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SifEmbedder.load(file, other));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("other word vectors"),
                e.getMessage());

        Path custom = dir.resolve("custom.sif");
        SifEmbedder.fit(EmbeddersTest.abc(), Analyzer.builder().segmenter("my-splitter", WhitespaceTokenizer.INSTANCE)
                .build(), DOCS).save(custom);
        e = assertThrows(IllegalArgumentException.class, () -> SifEmbedder.load(custom, EmbeddersTest.abc()));
        assertTrue(e.getMessage().contains("custom segmenter") && e.getMessage().contains("my-splitter"),
                e.getMessage());
        SifEmbedder s = SifEmbedder.load(custom, EmbeddersTest.abc(), WhitespaceTokenizer.INSTANCE);
        assertEquals("my-splitter", s.analyzer().spec().segmenter());
    }

    @Test
    void damagedForeignAndOtherKindFilesFailNamingFileAndPlace() throws IOException {
        Path file = dir.resolve("m.sif");
        fitted().save(file);
        Path lexicon = dir.resolve("w.lexicon");
        org.classicnlp.lexicon.Lexicon.ofWords("w", List.of("a")).save(lexicon);
        ModelFileChecks.assertRejectsDamage(Files.createDirectories(dir.resolve("damage")), file, "sif",
                f -> SifEmbedder.load(f, EmbeddersTest.abc()), lexicon);
    }
}
