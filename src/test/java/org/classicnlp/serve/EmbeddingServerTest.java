package org.classicnlp.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.TokenVocabulary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our server over loopback with a plain HTTP client: the wire shapes, every error case (status, the hosted
 * API's error object), the body limit answered 413 on a raw socket, and the key check.
 */
class EmbeddingServerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "test-key-123";
    static EmbeddingServer server;
    static EmbeddingServer open;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        server = EmbeddingServer.builder().port(0).models(ServeFixtures.models()).apiKey(KEY)
                .maxBatch(8).maxInputTokens(50).maxBody(4096).workers(2).start();
        open = EmbeddingServer.builder().port(0).model("en", ServeFixtures.models().get("w2v-mean-en")).start();
    }

    @AfterAll
    static void stop() {
        server.close();
        open.close();
    }

    record Answer(int status, JsonNode json) {
    }

    static Answer post(EmbeddingServer s, String path, String body, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(null));
        return new Answer(r.statusCode(), JSON.readTree(r.body()));
    }

    static Answer post(String body) throws Exception {
        return post(server, "/embeddings", body, KEY);
    }

    static Answer get(EmbeddingServer s, String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.baseUrl() + path)).GET();
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), JSON.readTree(r.body()));
    }

    /** The hosted API's error object: exactly message, type, param, code. */
    static JsonNode assertError(Answer a, int status, String param, String code) {
        assertEquals(status, a.status(), a.json().toString());
        JsonNode e = a.json().get("error");
        assertNotNull(e, a.json().toString());
        assertEquals(4, e.size(), e.toString());
        assertTrue(e.get("message").isTextual() && !e.get("message").asText().isBlank());
        assertTrue(e.get("type").isTextual());
        assertEquals(param, e.get("param").isNull() ? null : e.get("param").asText(), e.toString());
        assertEquals(code, e.get("code").isNull() ? null : e.get("code").asText(), e.toString());
        return e;
    }

    static float[] floats(JsonNode embedding) {
        float[] v = new float[embedding.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) embedding.get(i).asDouble();
        }
        return v;
    }

    @Test
    void embedsAStringInTheHostedShapeWithOurAnalyzersTokenCount() throws Exception {
        Answer a = post("{\"model\":\"w2v-sif-en\",\"input\":\"The horse eats grass\",\"user\":\"u1\"}");
        assertEquals(200, a.status(), a.json().toString());
        JsonNode j = a.json();
        assertEquals("list", j.get("object").asText());
        assertEquals("w2v-sif-en", j.get("model").asText());
        assertEquals(1, j.get("data").size());
        JsonNode d = j.get("data").get(0);
        assertEquals("embedding", d.get("object").asText());
        assertEquals(0, d.get("index").asInt());
        Embedder e = ServeFixtures.models().get("w2v-sif-en");
        assertArrayEquals(e.embed("The horse eats grass").toFloatArray(), floats(d.get("embedding")));
        assertEquals(4, j.get("usage").get("prompt_tokens").asInt());
        assertEquals(4, j.get("usage").get("total_tokens").asInt());
    }

    @Test
    void base64IsLittleEndianFloat32OfTheSameVector() throws Exception {
        String body = "{\"model\":\"w2v-sif-zh\",\"input\":[\"北京市今天发布了新的空气质量报告\",\"上海港\"],";
        Answer f = post(body + "\"encoding_format\":\"float\"}");
        Answer b = post(body + "\"encoding_format\":\"base64\"}");
        assertEquals(200, b.status(), b.json().toString());
        for (int i = 0; i < 2; i++) {
            byte[] raw = Base64.getDecoder().decode(b.json().get("data").get(i).get("embedding").asText());
            float[] v = new float[raw.length / 4];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            assertArrayEquals(floats(f.json().get("data").get(i).get("embedding")), v);
            assertEquals(i, b.json().get("data").get(i).get("index").asInt());
        }
        assertEquals(f.json().get("usage"), b.json().get("usage"));
    }

    @Test
    void tokenIdsIndexTheModelsVocabulary() throws Exception {
        Embedder e = ServeFixtures.models().get("w2v-mean-en");
        TokenVocabulary vocab = (TokenVocabulary) e;
        int horse = -1;
        int grass = -1;
        for (int i = 0; i < vocab.vocabularySize(); i++) {
            if (vocab.term(i).equals("horse")) {
                horse = i;
            } else if (vocab.term(i).equals("grass")) {
                grass = i;
            }
        }
        assertTrue(horse >= 0 && grass >= 0);
        Answer one = post("{\"model\":\"w2v-mean-en\",\"input\":[" + horse + "," + grass + "]}");
        assertEquals(200, one.status(), one.json().toString());
        float[] text = e.embed("horse grass").toFloatArray();
        assertArrayEquals(text, floats(one.json().get("data").get(0).get("embedding")), 1e-6f);
        assertEquals(2, one.json().get("usage").get("prompt_tokens").asInt());
        Answer two = post("{\"model\":\"w2v-mean-en\",\"input\":[[" + horse + "],[" + grass + "," + horse + "," + horse
                + "]]}");
        assertEquals(2, two.json().get("data").size());
        assertArrayEquals(e.embed("horse").toFloatArray(), floats(two.json().get("data").get(0).get("embedding")), 1e-6f);
        assertEquals(4, two.json().get("usage").get("total_tokens").asInt());
        JsonNode err = assertError(post("{\"model\":\"w2v-mean-en\",\"input\":[1, " + vocab.vocabularySize() + "]}"),
                400, "input", null);
        assertTrue(err.get("message").asText().contains("position 1"), err.toString());
        assertError(post("{\"model\":\"w2v-mean-en\",\"input\":[-1]}"), 400, "input", null);
        assertError(post("{\"model\":\"tfidf-zh\",\"input\":[1,2]}"), 400, "input", null);
    }

    @Test
    void dimensionsTruncateAndRenormalise() throws Exception {
        Answer full = post("{\"model\":\"w2v-sif-en\",\"input\":\"horse barn\"}");
        Answer cut = post("{\"model\":\"w2v-sif-en\",\"input\":\"horse barn\",\"dimensions\":5}");
        assertEquals(200, cut.status(), cut.json().toString());
        float[] f = floats(full.json().get("data").get(0).get("embedding"));
        float[] c = floats(cut.json().get("data").get(0).get("embedding"));
        assertEquals(5, c.length);
        double norm = 0;
        double head = 0;
        for (int i = 0; i < 5; i++) {
            norm += c[i] * c[i];
            head += f[i] * f[i];
        }
        assertEquals(1.0, norm, 1e-5);
        for (int i = 0; i < 5; i++) {
            assertEquals(f[i] / Math.sqrt(head), c[i], 1e-5);
        }
        // the model's own size is allowed and changes nothing
        Answer same = post("{\"model\":\"w2v-sif-en\",\"input\":\"horse barn\",\"dimensions\":24}");
        assertEquals(full.json().get("data"), same.json().get("data"));
        assertError(post("{\"model\":\"w2v-sif-en\",\"input\":\"horse\",\"dimensions\":25}"), 400, "dimensions", null);
        assertError(post("{\"model\":\"w2v-sif-en\",\"input\":\"horse\",\"dimensions\":0}"), 400, "dimensions", null);
        assertError(post("{\"model\":\"w2v-sif-en\",\"input\":\"horse\",\"dimensions\":\"5\"}"), 400, "dimensions", null);
        assertError(post("{\"model\":\"tfidf-zh\",\"input\":\"上海\",\"dimensions\":2}"), 400, "dimensions", null);
    }

    @Test
    void malformedRequestsAre400InTheHostedErrorShape() throws Exception {
        assertError(post("{\"model\":\"w2v-sif-en\",\"input\":"), 400, null, null);        // truncated JSON
        assertError(post("not json"), 400, null, null);
        assertError(post(""), 400, null, null);
        assertError(post("[1,2]"), 400, null, null);
        assertError(post("{\"model\":\"w2v-sif-en\",\"input\":\"a\"} trailing"), 400, null, null);
        assertError(post("{\"input\":\"a\"}"), 400, "model", null);
        assertError(post("{\"model\":\"w2v-sif-en\"}"), 400, "input", null);
        assertError(post("{\"model\":7,\"input\":\"a\"}"), 400, "model", null);
        for (String input : new String[] {"7", "null", "{}", "true", "[]", "\"\"", "[\"a\",1]", "[1,\"a\"]", "[1.5]",
            "[[1],\"a\"]", "[[1,2.5]]", "[[]]", "[\"\"]", "[null]", "[3000000000]", "[[[1]]]"}) {
            assertError(post("{\"model\":\"w2v-mean-en\",\"input\":" + input + "}"), 400, "input", null);
        }
        assertError(post("{\"model\":\"w2v-sif-en\",\"input\":\"a\",\"encoding_format\":\"hex\"}"), 400,
                "encoding_format", null);
        assertError(post("{\"model\":\"w2v-sif-en\",\"input\":\"a\",\"user\":5}"), 400, "user", null);
        // unknown fields are ignored, as the hosted API does
        assertEquals(200, post("{\"model\":\"w2v-sif-en\",\"input\":\"a\",\"extra\":{\"x\":[1,2]}}").status());
        // deeply nested JSON is refused, not a stack overflow
        assertError(post("{\"model\":\"w2v-sif-en\",\"x\":" + "[".repeat(100) + "]".repeat(100) + ",\"input\":\"a\"}"),
                400, null, null);
    }

    @Test
    void limitsOnInputsAndTokens() throws Exception {
        String nine = "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\"]";
        JsonNode e = assertError(post("{\"model\":\"w2v-sif-en\",\"input\":" + nine + "}"), 400, "input", null);
        assertTrue(e.get("message").asText().contains("at most 8"), e.toString());
        String eight = "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\"]";
        assertEquals(200, post("{\"model\":\"w2v-sif-en\",\"input\":" + eight + "}").status());
        String long51 = "horse ".repeat(51);
        e = assertError(post("{\"model\":\"w2v-sif-en\",\"input\":[\"a\",\"" + long51 + "\"]}"), 400, "input", null);
        assertTrue(e.get("message").asText().contains("input 1 has 51 tokens"), e.toString());
        assertEquals(200, post("{\"model\":\"w2v-sif-en\",\"input\":\"" + "horse ".repeat(50) + "\"}").status());
    }

    /** Texts no embedder expects (lone surrogates, controls, only spaces or symbols) still get an answer, not a 5xx. */
    @Test
    void oddTextsAreEmbeddedNotServerErrors() throws Exception {
        String[] odd = {"\\ud800", "a\\udc00b", "\\u0000\\u0001", "   ", "。，、！", "😀👍🏽", "\\t\\n", "x".repeat(3000),
            "Ｆｕｌｌｗｉｄｔｈ", "繁體中文測試"};
        for (String model : ServeFixtures.models().keySet()) {
            for (String text : odd) {
                for (String dims : model.startsWith("w2v") ? new String[] {"", ",\"dimensions\":3"} : new String[] {""}) {
                    Answer a = post("{\"model\":\"" + model + "\",\"input\":[\"" + text + "\"]" + dims + "}");
                    assertTrue(a.status() == 200 || a.status() == 400, model + " " + text + ": " + a.json());
                    if (a.status() == 200) {
                        for (JsonNode x : a.json().get("data").get(0).get("embedding")) {
                            assertTrue(Double.isFinite(x.asDouble()), model + " " + text);
                        }
                    }
                }
            }
        }
    }

    @Test
    void unknownModelIs404ModelNotFound() throws Exception {
        assertError(post("{\"model\":\"gpt-embed-9\",\"input\":\"a\"}"), 404, "model", "model_not_found");
        assertError(get(server, "/models/gpt-embed-9", KEY), 404, "model", "model_not_found");
    }

    @Test
    void modelsListAndRetrieve() throws Exception {
        Answer list = get(server, "/models", KEY);
        assertEquals(200, list.status());
        assertEquals("list", list.json().get("object").asText());
        assertEquals(4, list.json().get("data").size());
        JsonNode first = list.json().get("data").get(0);
        assertEquals("tfidf-zh", first.get("id").asText());
        assertEquals("model", first.get("object").asText());
        assertTrue(first.get("created").isIntegralNumber());
        assertEquals("classicnlp", first.get("owned_by").asText());
        Answer one = get(server, "/models/w2v-sif-zh", KEY);
        assertEquals(200, one.status());
        assertEquals("w2v-sif-zh", one.json().get("id").asText());
    }

    @Test
    void keyIsCheckedAndNeverEchoed() throws Exception {
        JsonNode e = assertError(post(server, "/embeddings", "{\"model\":\"w2v-sif-en\",\"input\":\"a\"}", null),
                401, null, null);
        assertEquals("invalid_request_error", e.get("type").asText());
        e = assertError(post(server, "/embeddings", "{\"model\":\"w2v-sif-en\",\"input\":\"a\"}", "wrong-key"),
                401, null, "invalid_api_key");
        assertFalse(e.toString().contains("wrong-key") || e.toString().contains(KEY));
        assertError(get(server, "/models", null), 401, null, null);
        // the open server needs none
        assertEquals(200, post(open, "/embeddings", "{\"model\":\"en\",\"input\":\"a\"}", null).status());
    }

    @Test
    void wrongMethodAndUnknownPathAre4xx() throws Exception {
        assertError(get(server, "/embeddings", KEY), 405, null, "method_not_allowed");
        assertError(post(server, "/models", "{}", KEY), 405, null, "method_not_allowed");
        assertError(get(server, "/nothing", KEY), 404, null, "unknown_url");
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode());
        assertTrue(JSON.readTree(r.body()).has("error"));
        HttpResponse<Void> head = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + KEY).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(405, head.statusCode());
        assertEquals(200, post("{\"model\":\"w2v-sif-en\",\"input\":\"a\"}").status());
    }

    /** A body over the limit: a 413 the client reads in full, with the declared length or chunked. */
    @Test
    void oversizedBodyIsAReadable413() throws Exception {
        String big = "{\"model\":\"w2v-sif-en\",\"input\":\"" + "horse ".repeat(2000) + "\"}";   // ~12 KB > 4096
        Answer a = post(big);
        JsonNode e = assertError(a, 413, null, "request_too_large");
        assertTrue(e.get("message").asText().contains("4096"), e.toString());
        // chunked (no Content-Length): the cap applies while reading
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/embeddings"))
                .header("Authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build();
        HttpResponse<String> r = HTTP.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode());
        assertEquals("request_too_large", JSON.readTree(r.body()).get("error").get("code").asText());
        // a raw socket that sends 1 MB: reads the whole 413 answer, no reset
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            byte[] body = new byte[1 << 20];
            java.util.Arrays.fill(body, (byte) 'x');
            OutputStream out = s.getOutputStream();
            out.write(("POST /v1/embeddings HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("\"code\":\"request_too_large\""), answer);
        }
        // the server still answers afterwards
        assertEquals(200, post("{\"model\":\"w2v-sif-en\",\"input\":\"a\"}").status());
    }

    /** close() lets a running request finish, then the port is free (graceful shutdown, as on SIGTERM). */
    @Test
    void closeLetsRunningRequestsFinish() throws Exception {
        Embedder inner = ServeFixtures.models().get("w2v-mean-en");
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        Embedder slow = new Embedder() {
            @Override
            public org.classicnlp.core.FeatureVector embed(org.classicnlp.core.Document d) {
                started.countDown();
                try {
                    Thread.sleep(700);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return inner.embed(d);
            }

            @Override
            public int dimension() {
                return inner.dimension();
            }

            @Override
            public String name() {
                return "slow";
            }
        };
        EmbeddingServer s = EmbeddingServer.builder().port(0).model("slow", slow).shutdownSeconds(5).start();
        java.util.concurrent.CompletableFuture<Answer> pending = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return post(s, "/embeddings", "{\"model\":\"slow\",\"input\":\"horse\"}", null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(started.await(10, java.util.concurrent.TimeUnit.SECONDS));
        s.close();
        Answer a = pending.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(200, a.status());
        assertEquals(inner.dimension(), a.json().get("data").get(0).get("embedding").size());
        try (java.net.ServerSocket again = new java.net.ServerSocket(s.port())) {
            assertEquals(s.port(), again.getLocalPort());   // no longer listening
        }
    }

    @Test
    void builderRefusesBadSettings() {
        assertThrows(IllegalStateException.class, () -> EmbeddingServer.builder().port(0).start());
        Embedder e = ServeFixtures.models().get("w2v-mean-en");
        assertThrows(IllegalArgumentException.class, () -> EmbeddingServer.builder().model("a/b", e));
        assertThrows(IllegalArgumentException.class, () -> EmbeddingServer.builder().model("a", e).model("a", e));
        assertThrows(IllegalArgumentException.class, () -> EmbeddingServer.builder().apiKey(" "));
        assertThrows(IllegalArgumentException.class, () -> EmbeddingServer.builder().maxBatch(0));
        java.io.UncheckedIOException busy = assertThrows(java.io.UncheckedIOException.class,
                () -> EmbeddingServer.builder().port(server.port()).models(Map.of("x", e)).start());
        assertTrue(busy.getMessage().contains(String.valueOf(server.port())), busy.getMessage());
    }
}
