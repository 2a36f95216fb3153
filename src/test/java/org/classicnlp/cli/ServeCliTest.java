package org.classicnlp.cli;

import static org.classicnlp.cli.BadInputCliTest.contains;
import static org.classicnlp.cli.BadInputCliTest.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@code serve}'s bad usage: exit 2 and one line naming the option, before anything listens. */
class ServeCliTest {

    @Test
    void badOptionsExitTwo() {
        contains(fails(2, "serve", "--model", "justaname"), "--model must be NAME=SPEC", "justaname");
        contains(fails(2, "serve", "--model", "=w2v-sif-zh"), "--model must be NAME=SPEC");
        contains(fails(2, "serve", "--model", "a/b=w2v-sif-zh"), "may not contain '/'");
        // an unknown name is bad usage; once names may also be model files it may be a missing file (exit 1)
        String[] r = CliTest.run("", "serve", "--model", "x=no-such-embedder");
        org.junit.jupiter.api.Assertions.assertTrue(r[0].equals("2") || r[0].equals("1"), r[2]);
        contains(fails(Integer.parseInt(r[0]), "serve", "--model", "x=no-such-embedder"), "--model x=no-such-embedder");
        contains(fails(2, "serve", "--model", "x=a", "--model", "x=b"), "'x' given twice");
        contains(fails(2, "serve", "--max-body", "8XB", "--model", "x=a"), "--max-body", "8XB");
        contains(fails(2, "serve", "--port", "70000", "--model", "x=a"), "--port", "70000");
        contains(fails(2, "serve", "--max-batch", "0", "--model", "x=a"), "--max-batch", ">= 1");
        contains(fails(2, "serve", "--api-key-env", "CLASSICNLP_SURELY_UNSET_VAR", "--model", "x=a"),
                "CLASSICNLP_SURELY_UNSET_VAR", "not set");
    }

    /** The README's line for a port in use: what the CLI prints for the server's bind failure. */
    @Test
    void portInUseIsOneLine() throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            org.classicnlp.core.Embedder e = new org.classicnlp.word2vec.MeanEmbedder(
                    org.classicnlp.word2vec.WordVectors.of(java.util.List.of("a"), new float[] {1}, 1, null),
                    org.classicnlp.core.Analyzer.whitespace());
            RuntimeException x = assertThrows(RuntimeException.class, () -> org.classicnlp.serve.EmbeddingServer.builder()
                    .port(busy.getLocalPort()).model("m", e).start());
            assertEquals("cannot listen on 127.0.0.1:" + busy.getLocalPort() + ": Address already in use",
                    CliErrors.message(x));
        }
    }

    @Test
    void sizesInBinaryUnits() {
        assertEquals(8L << 20, ServeCommand.parseSize("--max-body", "8MiB"));
        assertEquals(8L << 20, ServeCommand.parseSize("--max-body", "8m"));
        assertEquals(512L << 10, ServeCommand.parseSize("--max-body", "512KiB"));
        assertEquals(100_000, ServeCommand.parseSize("--max-body", "100000"));
        assertEquals(1L << 30, ServeCommand.parseSize("--max-body", "1GB"));
        assertThrows(CliErrors.Usage.class, () -> ServeCommand.parseSize("--max-body", "0"));
        assertThrows(CliErrors.Usage.class, () -> ServeCommand.parseSize("--max-body", "-5"));
        assertThrows(CliErrors.Usage.class, () -> ServeCommand.parseSize("--max-body", "1.5MiB"));
    }
}
