package org.classicnlp.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.FeatureVector;
import org.classicnlp.serve.EmbeddingServer;
import org.classicnlp.serve.ServeFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link OpenAiEmbedder} against our own server, and against a stub that fails on purpose (retries, errors). */
class OpenAiEmbedderTest {

    static EmbeddingServer server;
    static final Map<String, String> ENV = Map.of("SERVE_KEY", "k-123");

    @BeforeAll
    static void start() {
        server = EmbeddingServer.builder().port(0).models(ServeFixtures.models()).apiKey("k-123").start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static OpenAiEmbedder.Builder ours(String model) {
        return OpenAiEmbedder.builder().baseUrl(server.baseUrl().toString()).model(model).apiKeyEnv("SERVE_KEY")
                .environment(ENV::get);
    }

    @Test
    void getsTheLocalVectorsThroughOurServerInBothEncodings() {
        Embedder local = ServeFixtures.models().get("w2v-sif-zh");
        List<String> texts = List.of("北京市今天发布了新的空气质量报告", "上海港集装箱吞吐量再创新高", "统计局");
        for (OpenAiEmbedder.EncodingFormat f : OpenAiEmbedder.EncodingFormat.values()) {
            OpenAiEmbedder remote = ours("w2v-sif-zh").encodingFormat(f).build();
            assertTrue(remote.hasApiKey());
            List<FeatureVector> got = remote.embedTexts(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(local.embed(texts.get(i)).toFloatArray(), got.get(i).toFloatArray(), f.name());
            }
            assertEquals(local.dimension(), remote.dimension());   // asked once, remembered
            assertEquals("openai:w2v-sif-zh", remote.name());
        }
        OpenAiEmbedder cut = ours("w2v-sif-zh").build().withDimensions(4);
        assertEquals(4, cut.dimension());
        assertEquals(4, cut.embed("上海").dimension());
    }

    @Test
    void batchesWithinTheInputAndTokenLimits() throws IOException {
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        HttpServer stub = stub(ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int n = body.split("\"x ", -1).length - 1;   // inputs are "x 0", "x 1", ...
            batchSizes.add(n);
            StringBuilder sb = new StringBuilder("{\"object\":\"list\",\"data\":[");
            for (int i = n - 1; i >= 0; i--) {   // out of order on purpose: the client sorts by index
                sb.append("{\"object\":\"embedding\",\"index\":").append(i).append(",\"embedding\":[").append(i)
                        .append(",1]}").append(i > 0 ? "," : "");
            }
            reply(ex, 200, sb.append("],\"model\":\"m\"}").toString(), Map.of());
        });
        try {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                texts.add("x " + i);
            }
            OpenAiEmbedder e = stubClient(stub).maxInputsPerRequest(3).build();
            List<FeatureVector> got = e.embedTexts(texts);
            assertEquals(List.of(3, 3, 1), batchSizes);
            assertEquals(7, got.size());
            assertArrayEquals(new float[] {1, 1}, got.get(4).toFloatArray());   // index 1 of the second batch
            batchSizes.clear();
            // "x 0" is 3 cl100k tokens: at most 2 inputs fit in 7 tokens
            stubClient(stub).maxTokensPerRequest(7).build().embedTexts(texts.subList(0, 5));
            assertEquals(List.of(2, 2, 1), batchSizes);
            IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                    () -> stubClient(stub).maxTokensPerInput(5).build().embedTexts(List.of("a", "x ".repeat(10))));
            assertTrue(tooLong.getMessage().contains("input 1 has"), tooLong.getMessage());
        } finally {
            stub.stop(0);
        }
    }

    @Test
    void retriesA429AfterItsRetryAfterThenSucceeds() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        List<String> auth = Collections.synchronizedList(new ArrayList<>());
        HttpServer stub = stub(ex -> {
            ex.getRequestBody().readAllBytes();
            auth.add(ex.getRequestHeaders().getFirst("Authorization"));
            if (calls.incrementAndGet() == 1) {
                reply(ex, 429, "{\"error\":{\"message\":\"slow down\",\"type\":\"requests\",\"param\":null,"
                        + "\"code\":\"rate_limit_exceeded\"}}", Map.of("Retry-After", "1"));
            } else {
                reply(ex, 200, "{\"data\":[{\"index\":0,\"embedding\":[0.5,0.25]}]}", Map.of());
            }
        });
        try {
            // our own backoff would be ~1 ms: the wait comes from Retry-After
            OpenAiEmbedder e = stubClient(stub).initialBackoff(Duration.ofMillis(1)).build();
            long t0 = System.nanoTime();
            float[] v = e.embed("hi").toFloatArray();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertArrayEquals(new float[] {0.5f, 0.25f}, v);
            assertEquals(2, calls.get());
            assertTrue(ms >= 950, "waited " + ms + " ms, Retry-After said 1 s");
            assertEquals(List.of("Bearer stub-key", "Bearer stub-key"), auth);
        } finally {
            stub.stop(0);
        }
    }

    @Test
    void retries5xxWithBackoffAndGivesUpWithTheEndpointsMessage() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        int[] failFirst = {2};
        HttpServer stub = stub(ex -> {
            ex.getRequestBody().readAllBytes();
            if (calls.incrementAndGet() <= failFirst[0]) {
                reply(ex, 503, "{\"error\":{\"message\":\"engine overloaded\",\"type\":\"server_error\",\"param\":null,"
                        + "\"code\":null}}", Map.of());
            } else {
                reply(ex, 200, "{\"data\":[{\"index\":0,\"embedding\":[1,2,3]}]}", Map.of());
            }
        });
        try {
            OpenAiEmbedder e = stubClient(stub).initialBackoff(Duration.ofMillis(20)).maxRetries(3).build();
            assertEquals(3, e.embed("a").dimension());
            assertEquals(3, calls.get());
            calls.set(0);
            failFirst[0] = 100;
            OpenAiException gaveUp = assertThrows(OpenAiException.class, () -> e.embed("a"));
            assertEquals(4, calls.get());   // 1 + 3 retries
            assertEquals(503, gaveUp.status());
            assertTrue(gaveUp.getMessage().contains("engine overloaded") && gaveUp.getMessage().contains("4 attempts"),
                    gaveUp.getMessage());
            assertFalse(gaveUp.getMessage().contains("stub-key"));
        } finally {
            stub.stop(0);
        }
    }

    @Test
    void backoffGrowsExponentiallyWithJitterUpToTheCap() {
        OpenAiEmbedder e = OpenAiEmbedder.builder().apiKeyEnv(null).initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofMillis(1000)).build();
        for (int attempt = 1; attempt <= 6; attempt++) {
            double base = Math.min(1000, 100 * Math.pow(2, attempt - 1));
            long lo = Long.MAX_VALUE;
            long hi = 0;
            for (int i = 0; i < 200; i++) {
                long ms = e.backoff(attempt).toMillis();
                lo = Math.min(lo, ms);
                hi = Math.max(hi, ms);
            }
            assertTrue(lo >= base / 2 - 1 && hi <= base, attempt + ": " + lo + ".." + hi);
            assertTrue(hi > lo, "jitter: " + lo + ".." + hi);
        }
    }

    @Test
    void clientErrorsAreNotRetriedAndCarryTheEndpointsMessage() {
        OpenAiException e = assertThrows(OpenAiException.class, () -> ours("no-such-model").build().embed("a"));
        assertEquals(404, e.status());
        assertEquals("model_not_found", e.code());
        assertTrue(e.getMessage().contains("the model `no-such-model` does not exist"), e.getMessage());
        OpenAiException key = assertThrows(OpenAiException.class,
                () -> ours("w2v-sif-en").environment(v -> "wrong-key").build().embed("a"));
        assertEquals(401, key.status());
        assertFalse(key.getMessage().contains("wrong-key"));
        OpenAiException none = assertThrows(OpenAiException.class,
                () -> ours("w2v-sif-en").apiKeyEnv("UNSET_VAR").build().embed("a"));
        assertEquals(401, none.status());
        OpenAiException empty = assertThrows(OpenAiException.class, () -> ours("w2v-sif-en").build().embed(""));
        assertEquals(400, empty.status());
        assertEquals("invalid_request_error", empty.type());
    }

    @Test
    void readTimeoutAndRefusedConnectionAreClearErrors() throws IOException {
        HttpServer slow = stub(ex -> {
            ex.getRequestBody().readAllBytes();
            try {
                Thread.sleep(1500);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            reply(ex, 200, "{\"data\":[]}", Map.of());
        });
        try {
            OpenAiEmbedder e = stubClient(slow).readTimeout(Duration.ofMillis(200)).maxRetries(1)
                    .initialBackoff(Duration.ofMillis(1)).build();
            OpenAiException t = assertThrows(OpenAiException.class, () -> e.embed("a"));
            assertTrue(t.getMessage().contains("timed out (2 attempts)"), t.getMessage());
            assertEquals(0, t.status());
        } finally {
            slow.stop(0);
        }
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        OpenAiException refused = assertThrows(OpenAiException.class, () -> OpenAiEmbedder.builder()
                .baseUrl("http://127.0.0.1:" + port + "/v1").apiKeyEnv(null).maxRetries(0).build().embed("a"));
        assertTrue(refused.getMessage().startsWith("POST http://127.0.0.1:" + port + "/v1/embeddings failed"),
                refused.getMessage());
    }

    @Test
    void malformedSuccessIsAClearError() throws IOException {
        HttpServer stub = stub(ex -> {
            ex.getRequestBody().readAllBytes();
            reply(ex, 200, "{\"data\":[{\"index\":0,\"embedding\":[1,2]},{\"index\":0,\"embedding\":[1,2]}]}", Map.of());
        });
        try {
            OpenAiException e = assertThrows(OpenAiException.class,
                    () -> stubClient(stub).build().embedTexts(List.of("a", "b")));
            assertTrue(e.getMessage().contains("not in the embeddings shape"), e.getMessage());
        } finally {
            stub.stop(0);
        }
        assertThrows(IllegalArgumentException.class, () -> OpenAiEmbedder.builder().baseUrl("ftp://x/v1").build());
        assertThrows(IllegalArgumentException.class, () -> OpenAiEmbedder.builder().tokenizer("nope").build());
    }

    // ------------------------------------------------------------------ stub endpoint

    interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    static HttpServer stub(Handler h) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/v1/embeddings", ex -> {
            try {
                h.handle(ex);
            } finally {
                ex.close();
            }
        });
        s.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        s.start();
        return s;
    }

    static OpenAiEmbedder.Builder stubClient(HttpServer s) {
        return OpenAiEmbedder.builder().baseUrl("http://127.0.0.1:" + s.getAddress().getPort() + "/v1/")
                .model("m").apiKeyEnv("K").environment(v -> "stub-key");
    }

    static void reply(HttpExchange ex, int status, String body, Map<String, String> headers) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }
}
