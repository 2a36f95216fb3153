package org.classicnlp.word2vec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

class CorpusCacheTest {

    @Test
    void everyPassReadsBackWhatWasWritten() throws Exception {
        try (CorpusCache cache = CorpusCache.create()) {
            List<Integer> written = new ArrayList<>();
            // More than one buffer (64 KiB = 16,384 numbers), so reads and writes cross buffer ends.
            for (int i = 0; i < 50_000; i++) {
                if (i % 7 == 6) {
                    cache.endSentence();
                    written.add(CorpusCache.END_OF_SENTENCE);
                } else {
                    cache.token(i % 1000);
                    written.add(i % 1000);
                }
            }
            assertThrows(IllegalStateException.class, cache::reader);
            cache.finish();
            for (int pass = 0; pass < 2; pass++) {
                List<Integer> read = new ArrayList<>();
                try (CorpusCache.Reader in = cache.reader()) {
                    for (int v = in.next(); v != CorpusCache.EOF; v = in.next()) {
                        read.add(v);
                    }
                }
                assertEquals(written, read, "pass " + pass);
            }
        }
    }

    /** A job killed mid-training must not leave its cache in the temporary directory. */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theFileHasNoPathWhileInUse() throws Exception {
        try (CorpusCache cache = CorpusCache.create()) {
            assertFalse(Files.exists(cache.file), cache.file + " still exists");
            cache.token(3);
            cache.finish();
            try (CorpusCache.Reader in = cache.reader()) {
                assertEquals(3, in.next());
                assertEquals(CorpusCache.EOF, in.next());
            }
        }
    }
}
