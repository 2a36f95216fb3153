package org.classicnlp.tfidf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.classicnlp.core.Document;
import org.junit.jupiter.api.Test;

class HashedTfidfEmbedderTest {

    @Test
    void murmur3MatchesScikitLearn() {
        // sklearn.utils.murmurhash3_32(s.encode("utf-8"), seed=0)
        String[] s = {"hello", "北京", "a", "abcd", "abcde", ""};
        int[] want = {613153351, 666955079, 1009084850, 1139631978, -392455434, 0};
        for (int i = 0; i < s.length; i++) {
            assertEquals(want[i], HashedTfidfEmbedder.murmur3(s[i].getBytes(StandardCharsets.UTF_8)), s[i]);
        }
    }

    @Test
    void signedHashedTfidfUnitVector() {
        TfidfModel m = TfidfVectorizer.builder().tokenizer("whitespace").build()
                .fit(() -> Stream.of(new Document("1", "hello abcde"), new Document("2", "hello a")));
        HashedTfidfEmbedder e = new HashedTfidfEmbedder(m, 16, "test-16");
        float[] v = e.embed("hello hello abcde , unseen").toFloatArray();
        // hello: h = 613153351 > 0, index 613153351 % 16 = 7, weight 2 × idf; abcde: h < 0, index
        // 392455434 % 16 = 10, negative; unseen: the median idf; "," is skipped (no letter or digit)
        double hello = 2 * m.idf("hello").orElseThrow();
        double abcde = -m.idf("abcde").orElseThrow();
        int hu = HashedTfidfEmbedder.murmur3("unseen".getBytes(StandardCharsets.UTF_8));
        double[] raw = new double[16];
        raw[7] += hello;
        raw[10] += abcde;
        raw[(int) (Math.abs((long) hu) % 16)] += hu >= 0 ? m.medianIdf() : -m.medianIdf();
        double n = 0;
        for (double x : raw) {
            n += x * x;
        }
        float[] want = new float[16];
        for (int i = 0; i < 16; i++) {
            want[i] = (float) (raw[i] / Math.sqrt(n));
        }
        assertArrayEquals(want, v, 1e-6f);
        assertEquals(16, e.dimension());
        assertEquals("test-16", e.name());
        assertArrayEquals(new float[16], e.embed(", .").toFloatArray());
        assertThrows(IllegalArgumentException.class, () -> new HashedTfidfEmbedder(m, 4, "x"));
    }
}
