package org.classicnlp.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classicnlp.embed.Embedders;
import org.junit.jupiter.api.Test;

/**
 * {@code classicnlp serve} as its own process over loopback, under slow clients (slowloris headers and bodies,
 * idle connections), oversized bodies, malformed requests and abrupt disconnects: every well-formed request
 * meanwhile is answered 200 (within 2 s, allowing 2% for a stalled CI machine), nothing is answered 5xx, and a
 * slow client is cut after {@code --request-timeout}. A separate process because the JDK server reads its request deadline once per JVM.
 * More attackers and longer runs: {@code bench/serve_faults.sh}.
 */
class ServeFaultsTest {

    static final Pattern SERVING = Pattern.compile("serving .* on http://([^:/]+):(\\d+)/v1");

    @Test
    void hostileClientsLeaveOthersAnsweredWithin2sAndNo5xx() throws Exception {
        assumeFalse(Embedders.names().isEmpty(), "skipped: this build ships no embedders (Embedders.names() is empty)");
        String model = Embedders.names().contains("w2v-sif-en") ? "w2v-sif-en" : Embedders.names().get(0);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "org.classicnlp.cli.Main", "serve", "--port", "0", "--model", model + "=" + model,
                "--request-timeout", "3", "--workers", "2").redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (java.io.IOException ignored) {
                // closed by destroy()
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            Matcher serving = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (serving == null && System.nanoTime() < deadline && p.isAlive()) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null) {
                    Matcher m = SERVING.matcher(line);
                    serving = m.find() ? m : null;
                }
            }
            assertNotNull(serving, "serve did not start: " + List.copyOf(lines));
            String host = serving.group(1);
            int port = Integer.parseInt(serving.group(2));

            ServeFaults.Result r = new ServeFaults(host, port, model, 8, 400).run(8);
            System.err.println("ServeFaultsTest: " + r.summary());
            assertTrue(r.good() >= 10, r.summary());
            assertEquals(r.good(), r.goodOk(), () -> r.summary() + " " + r.failures());
            // Before the fix every good request waited for a slow client to be cut (all over 2 s); a rare one over
            // 2 s here is the CI machine stalling the JVM (seen at load average 45 on 2 cores), so CI allows 2%.
            // bench/serve_faults.sh holds every request to 2 s.
            assertTrue(r.goodOver2s() <= r.good() / 50, () -> "more than 2% over 2 s: " + r.summary() + " " + r.failures());
            assertTrue(r.median() < 500, () -> "median over 500 ms: " + r.summary());
            assertEquals(0, r.serverErrors(), () -> r.summary() + " " + r.failures());
            assertTrue(r.hostileAnswered() > 0, "malformed and oversized requests get a 4xx: " + r.summary());

            long cut = new ServeFaults(host, port, model, 0, 200).slowClientCutAfter(15_000);
            assertTrue(cut > 0 && cut < 3000 + 2500, "a slowloris client is cut after --request-timeout 3 s, got "
                    + cut + " ms");
            assertTrue(p.isAlive(), "serve died");
        } finally {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
