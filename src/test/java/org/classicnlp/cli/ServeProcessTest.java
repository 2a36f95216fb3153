package org.classicnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classicnlp.embed.Embedders;
import org.junit.jupiter.api.Test;

/**
 * {@code classicnlp serve} with no flags as a separate process: it serves every shipped embedder, answers an
 * embeddings request, writes an access-log line, and on SIGTERM stops gracefully. Skipped on a build that ships
 * no embedders (the server itself is covered by org.classicnlp.serve's tests).
 */
class ServeProcessTest {

    static final Pattern SERVING = Pattern.compile("serving (.*) on (http://\\S+/v1)");

    @Test
    void servesTheShippedEmbeddersAndStopsOnSigterm() throws Exception {
        assumeFalse(Embedders.names().isEmpty(), "skipped: this build ships no embedders (Embedders.names() is empty)");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                "org.classicnlp.cli.Main", "serve", "--port", "0").redirectErrorStream(true).start();
        // read the output in a thread: destroy() closes the process' streams
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (java.io.IOException ignored) {
                // stream closed by destroy(): what was read is in lines
            }
        });
        reader.setDaemon(true);
        reader.start();
        List<String> log = new ArrayList<>();
        try {
            String base = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (base == null && System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line == null) {
                    assertTrue(p.isAlive() || !lines.isEmpty(), "serve exited: " + log);
                    continue;
                }
                log.add(line);
                Matcher m = SERVING.matcher(line);
                if (m.find()) {
                    base = m.group(2);
                    for (String name : Embedders.names()) {
                        assertTrue(m.group(1).contains(name), name + " not served: " + line);
                    }
                }
            }
            assertNotNull(base, "no 'serving' line: " + log);
            String model = Embedders.names().get(0);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/embeddings"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"input\":[\"hello world\","
                            + "\"你好世界\"]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"index\":1"), r.body());
            Thread.sleep(300);   // the access-log line is written after the answer
            p.toHandle().destroy();   // SIGTERM, leaving the streams open
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "did not stop within 30 s of SIGTERM");
            reader.join(10_000);
            lines.drainTo(log);
            String all = String.join("\n", log);
            assertTrue(all.contains("\"POST /v1/embeddings\" 200"), "access-log line missing: " + all);
            assertTrue(all.contains("stopped serving"), "no graceful stop: " + all);
        } finally {
            p.destroyForcibly();
        }
    }
}
