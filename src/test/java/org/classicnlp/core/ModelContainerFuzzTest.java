package org.classicnlp.core;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import org.classicnlp.testkit.Fuzz;

/**
 * Fuzz target (issue 18): the core model container itself (magic, versions, kind tag, flags, the analyzer spec,
 * body length, gzip, checksum), as raw bytes (the checksum not repaired) and with the checksum repaired; the
 * body is read whole, for any kind.
 */
class ModelContainerFuzzTest {

    private static final ModelContainer.Kind[] KINDS = {
        new ModelContainer.Kind("hmm", 1), new ModelContainer.Kind("tfidf", 1), new ModelContainer.Kind("sif", 1),
        new ModelContainer.Kind("lexicon", 1), new ModelContainer.Kind("ngram", 2), new ModelContainer.Kind("bm25", 1),
    };

    @FuzzTest
    void container(byte[] data) {
        for (byte[] bytes : new byte[][] {data, Fuzz.withChecksum(data)}) {
            java.nio.file.Path f = Fuzz.file("fuzz.model", bytes);
            try {
                ModelContainer.load(f, body -> body.in().readAllBytes(), KINDS);
            } catch (ModelFormatException e) {
                Fuzz.check(e, f);
            }
            try {
                ModelContainer.load(new ByteArrayInputStream(bytes), f.toString(), body -> {
                    java.nio.ByteBuffer b = body.buffer();
                    b.position(b.limit());
                    return body.spec();
                }, KINDS);
            } catch (ModelFormatException e) {
                Fuzz.check(e, f);
            }
        }
    }
}
