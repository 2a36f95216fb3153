package org.classicnlp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.classicnlp.core.ShortestDouble;
import org.junit.jupiter.api.Test;

class ByteRowsTest {

    /** Rows spanning many chunks, one row larger than a chunk, then the same after reuse from the pool. */
    @Test
    void rowsAcrossChunksComeOutInOrderAndIntact() throws IOException {
        ByteRows.Pool pool = new ByteRows.Pool();
        for (int round = 0; round < 3; round++) {
            ByteRows rows = pool.take();
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 40_000; i++) {
                String id = "doc-" + round + "-" + i;
                rows.ascii(id).put((byte) '\t').number(i * 0.1).put((byte) '\n');
                expected.append(id).append('\t').append(ShortestDouble.toString(i * 0.1)).append('\n');
                if (i == 20_000) {
                    byte[] big = new byte[ByteRows.CHUNK + 1000];
                    Arrays.fill(big, (byte) 'x');
                    rows.put(big).put((byte) '\n');
                    expected.append("x".repeat(big.length)).append('\n');
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            rows.writeTo(out);
            byte[] want = expected.toString().getBytes(StandardCharsets.US_ASCII);
            assertEquals(want.length, out.size(), "round " + round);
            assertArrayEquals(want, out.toByteArray(), "round " + round);
            assertArrayEquals(want, rows.toArray(), "round " + round);
            pool.give(rows);
        }
    }
}
