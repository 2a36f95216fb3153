package org.classicnlp.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.FeatureVector;
import org.classicnlp.core.Threads;
import org.classicnlp.core.TokenVocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenAI-compatible embeddings server over local {@link Embedder}s: {@code POST /v1/embeddings},
 * {@code GET /v1/models} and {@code GET /v1/models/{id}}, with the hosted API's request, response and error
 * shapes, so code written for the hosted endpoint (the official SDKs among it) works against it unchanged.
 *
 * <p>Built on the JDK's own {@code com.sun.net.httpserver} (no dependency): one selector thread accepts
 * connections; a bounded pool of up to {@code maxConnections} connection threads reads each request (the JDK
 * reads headers and body with blocking reads on its executor's thread), and a fixed pool of {@code workers}
 * threads with a bounded queue embeds them. The two pools are apart so that slow clients, which hold a
 * connection thread while they trickle bytes, never hold a worker: other clients keep being answered. When the
 * worker queue is full the connection thread embeds itself, and when every connection thread is busy the
 * selector thread reads the request itself, which stops it from accepting more (back-pressure rather than
 * unbounded memory or dropped connections). A request that has not been read whole within
 * {@link #REQUEST_TIMEOUT_PROPERTY} seconds (default {@value #DEFAULT_REQUEST_TIMEOUT_SECONDS}; the JDK's
 * own timer) is cut, so a slowloris client holds a connection thread for at most that long. Request bodies are
 * read with a cap ({@code maxBody}); a larger body is read to its end and discarded, then answered 413, so the
 * client reads the answer instead of a reset.
 *
 * <p>Bad input is always a 4xx in the hosted API's shape ({@code {"error":{"message","type","param","code"}}});
 * a 500 means a bug here. Every request gets one access-log line (logger {@code org.classicnlp.serve.access});
 * the API key is never logged. {@link #close()} stops accepting and lets running requests finish.
 */
public final class EmbeddingServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingServer.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("org.classicnlp.serve.access");

    /**
     * The JDK server's request deadline, in seconds, from accepting a request to sending its answer's headers:
     * the JDK's {@code sun.net.httpserver.maxReqTime}. It has no default in the JDK (no deadline: a client
     * trickling a header or a body byte a second holds a thread forever), so this class sets
     * {@value #DEFAULT_REQUEST_TIMEOUT_SECONDS} unless the property is already set. The JDK reads it once per
     * JVM, when its first server starts: set it (e.g. {@code -Dsun.net.httpserver.maxReqTime=60}, or
     * {@code serve --request-timeout}) before then.
     */
    public static final String REQUEST_TIMEOUT_PROPERTY = "sun.net.httpserver.maxReqTime";
    public static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 30;

    static {
        if (System.getProperty(REQUEST_TIMEOUT_PROPERTY) == null) {
            System.setProperty(REQUEST_TIMEOUT_PROPERTY, Integer.toString(DEFAULT_REQUEST_TIMEOUT_SECONDS));
        }
    }

    /** Discarding an oversized body stops after this many bytes more than {@code maxBody} (then the connection closes). */
    private static final long DRAIN_LIMIT = 64L << 20;

    private final Map<String, Embedder> models;
    private final byte[] apiKey;
    private final int maxBatch;
    private final int maxInputTokens;
    private final long maxBody;
    private final int shutdownSeconds;
    private final long created = System.currentTimeMillis() / 1000;
    private final Map<String, Embedder> reduced = new ConcurrentHashMap<>();
    private final HttpServer http;
    private final ThreadPoolExecutor pool;
    private final ThreadPoolExecutor connections;

    private EmbeddingServer(Builder b) throws IOException {
        this.models = Map.copyOf(b.models);
        this.apiKey = b.apiKey == null ? null : b.apiKey.getBytes(StandardCharsets.UTF_8);
        this.maxBatch = b.maxBatch;
        this.maxInputTokens = b.maxInputTokens;
        this.maxBody = b.maxBody;
        this.shutdownSeconds = b.shutdownSeconds;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(b.workers, b.workers, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(b.queue), r -> {
                    Thread t = new Thread(r, "serve-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        AtomicInteger c = new AtomicInteger();
        // a thread per request being read, up to maxConnections; idle ones end after 30 s
        this.connections = new ThreadPoolExecutor(0, b.maxConnections, 30, TimeUnit.SECONDS,
                new java.util.concurrent.SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "serve-connection-" + c.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        this.http = HttpServer.create(new InetSocketAddress(b.host, b.port), b.backlog);
        http.setExecutor(connections);
        http.createContext("/", this::handle);
        http.start();
        LOG.info("serving {} on {}", String.join(", ", new java.util.TreeSet<>(models.keySet())), baseUrl());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port it listens on (the chosen one when built with port 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The base URL a client is given, {@code http://host:port/v1}. */
    public URI baseUrl() {
        InetSocketAddress a = http.getAddress();
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + "/v1");
    }

    /** The served model names. */
    public java.util.Set<String> modelNames() {
        return models.keySet();
    }

    /** Stops accepting, waits up to the shutdown grace period for running requests, then stops the workers. */
    @Override
    public void close() {
        http.stop(shutdownSeconds);
        connections.shutdown();
        pool.shutdown();
        try {
            if (!connections.awaitTermination(shutdownSeconds, TimeUnit.SECONDS)) {
                connections.shutdownNow();
            }
            if (!pool.awaitTermination(shutdownSeconds, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            connections.shutdownNow();
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("stopped serving on port {}", port());
    }

    // ------------------------------------------------------------------ requests

    /** What the access log says about a request besides method, path and status. */
    private static final class Note {
        String model = "-";
        int inputs;
        int tokens;
    }

    private void handle(HttpExchange ex) {
        long start = System.nanoTime();
        Note note = new Note();
        int status;
        long sent;
        try {
            byte[] body;
            try {
                body = route(ex, note);
                status = 200;
            } catch (ApiError e) {
                status = e.status;
                body = error(e);
            } catch (RuntimeException | Error e) {
                LOG.error("internal error answering {} {}", ex.getRequestMethod(), ex.getRequestURI().getRawPath(), e);
                status = 500;
                body = error(new ApiError(500, "server_error", null, null,
                        "the server had an error while processing your request"));
            }
            sent = body.length;
            ex.getResponseHeaders().set("Content-Type", "application/json");
            if (status == 413 || status == 405) {
                // the rest of an oversized body may still be in flight: do not read it as the next request
                ex.getResponseHeaders().set("Connection", "close");
            }
            if (status == 405) {
                ex.getResponseHeaders().set("Allow", ex.getRequestURI().getRawPath().startsWith("/v1/models")
                        ? "GET" : "POST");
            }
            if (ex.getRequestMethod().equals("HEAD")) {
                ex.sendResponseHeaders(status, -1);   // a HEAD answer has no body
                sent = 0;
            } else {
                ex.sendResponseHeaders(status, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            status = -1;   // the client went away mid-answer
            sent = 0;
            LOG.debug("client went away: {}", e.toString());
        } finally {
            ex.close();
        }
        ACCESS.info("{} \"{} {}\" {} {} {}ms model={} inputs={} tokens={}", ex.getRemoteAddress().getAddress()
                .getHostAddress(), ex.getRequestMethod(), ex.getRequestURI().getRawPath(), status, sent,
                (System.nanoTime() - start) / 1_000_000, note.model, note.inputs, note.tokens);
    }

    private byte[] route(HttpExchange ex, Note note) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if (!path.startsWith("/v1/")) {
            throw unknownUrl(method, path);
        }
        checkKey(ex);
        if (path.equals("/v1/embeddings")) {
            requireMethod(method, "POST", path);
            byte[] body = readBody(ex);   // on this connection thread: a slow client never holds a worker
            return onWorker(() -> embeddings(body, note));
        }
        if (path.equals("/v1/models")) {
            requireMethod(method, "GET", path);
            return json(g -> {
                g.writeStartObject();
                g.writeStringField("object", "list");
                g.writeArrayFieldStart("data");
                for (String name : new java.util.TreeSet<>(models.keySet())) {
                    writeModel(g, name);
                }
                g.writeEndArray();
                g.writeEndObject();
            });
        }
        if (path.startsWith("/v1/models/")) {
            requireMethod(method, "GET", path);
            String id = path.substring("/v1/models/".length());
            note.model = id;
            model(id);
            return json(g -> writeModel(g, id));
        }
        throw unknownUrl(method, path);
    }

    /** Runs {@code work} on the worker pool and waits for it; the connection thread runs it when the queue is full. */
    private byte[] onWorker(java.util.concurrent.Callable<byte[]> work) {
        java.util.concurrent.Future<byte[]> f;
        try {
            f = pool.submit(work);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new ApiError(503, "server_error", null, null, "the server is shutting down");
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiError(503, "server_error", null, null, "the server is shutting down");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static ApiError unknownUrl(String method, String path) {
        return new ApiError(404, "invalid_request_error", null, "unknown_url",
                "unknown request URL: " + method + " " + path + "; this server answers POST /v1/embeddings,"
                        + " GET /v1/models and GET /v1/models/{id}");
    }

    private static void requireMethod(String method, String wanted, String path) {
        if (!method.equals(wanted)) {
            throw new ApiError(405, "invalid_request_error", null, "method_not_allowed",
                    method + " is not allowed on " + path + "; use " + wanted);
        }
    }

    private void checkKey(HttpExchange ex) {
        if (apiKey == null) {
            return;
        }
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || auth.isBlank()) {
            throw new ApiError(401, "invalid_request_error", null, null, "you didn't provide an API key; give it in"
                    + " an Authorization header using Bearer auth (Authorization: Bearer YOUR_KEY)");
        }
        String given = auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : "";
        // constant-time comparison; neither key appears in a message or a log line
        if (!MessageDigest.isEqual(apiKey, given.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiError(401, "invalid_request_error", null, "invalid_api_key", "incorrect API key provided");
        }
    }

    private Embedder model(String name) {
        Embedder e = models.get(name);
        if (e == null) {
            throw new ApiError(404, "invalid_request_error", "model", "model_not_found",
                    "the model `" + name + "` does not exist; this server has: "
                            + String.join(", ", new java.util.TreeSet<>(models.keySet())));
        }
        return e;
    }

    private void writeModel(JsonGenerator g, String name) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", name);
        g.writeStringField("object", "model");
        g.writeNumberField("created", created);
        g.writeStringField("owned_by", "classicnlp");
        g.writeEndObject();
    }

    /** The body, at most {@code maxBody} bytes; a larger one is discarded to its end and answered 413. */
    private byte[] readBody(HttpExchange ex) throws IOException {
        InputStream in = ex.getRequestBody();
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        long length = -1;
        if (declared != null) {
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw ApiError.invalid(null, "bad Content-Length '" + declared + "'");
            }
        }
        if (length > maxBody) {
            throw tooLarge(in, "a body of " + length + " bytes");
        }
        int cap = (int) Math.min(maxBody, Integer.MAX_VALUE - 16);
        ByteArrayOutputStream buf = new ByteArrayOutputStream(length >= 0 ? (int) length : 8192);
        byte[] chunk = new byte[16384];
        for (int r; (r = in.read(chunk)) >= 0; ) {
            if (buf.size() + (long) r > cap) {
                throw tooLarge(in, "a body of more than " + maxBody + " bytes");
            }
            buf.write(chunk, 0, r);
        }
        return buf.toByteArray();
    }

    private ApiError tooLarge(InputStream in, String what) {
        // read what the client is still sending so that it gets to read our answer (closing on unread data resets)
        byte[] skip = new byte[65536];
        long drained = 0;
        try {
            for (int r; drained < DRAIN_LIMIT && (r = in.read(skip)) >= 0; ) {
                drained += r;
            }
        } catch (IOException ignored) {
            // the answer is the same; the connection closes after it
        }
        return new ApiError(413, "invalid_request_error", null, "request_too_large",
                "request too large: " + what + ", this server takes at most " + maxBody + " (--max-body)");
    }

    private byte[] embeddings(byte[] body, Note note) {
        EmbeddingsRequest req = EmbeddingsRequest.parse(body);
        note.model = req.model();
        Embedder embedder = model(req.model());
        int n = req.size();
        note.inputs = n;
        if (n > maxBatch) {
            throw ApiError.invalid("input", "too many inputs: " + n + ", this server takes at most " + maxBatch
                    + " per request (--max-batch)");
        }
        if (req.dimensions() > 0) {
            embedder = reduced(req.model(), embedder, req.dimensions());
        }
        TokenVocabulary vocab = embedder instanceof TokenVocabulary v ? v : null;
        if (req.tokenIds() != null && vocab == null) {
            throw ApiError.invalid("input", "model `" + req.model() + "` takes text only, not token ids");
        }
        float[][] vectors = new float[n][];
        long tokens = 0;
        for (int i = 0; i < n; i++) {
            int count;
            FeatureVector v;
            if (req.texts() != null) {
                String text = req.texts().get(i);
                if (text.isEmpty()) {
                    throw ApiError.invalid("input", "input " + i + " is an empty string");
                }
                if (vocab != null) { // one analysis gives both the count and the vector
                    TokenVocabulary.Counted c = vocab.embedCounted(text);
                    count = c.tokens();
                    checkTokens(i, count);
                    v = c.vector();
                } else {
                    count = Analyzer.standard().terms(text).size();
                    checkTokens(i, count);
                    v = embedder.embed(text);
                }
            } else {
                int[] ids = req.tokenIds().get(i);
                if (ids.length == 0) {
                    throw ApiError.invalid("input", "input " + i + " is an empty array of token ids");
                }
                count = ids.length;
                checkTokens(i, count);
                try {
                    v = vocab.embedTokenIds(ids);
                } catch (IllegalArgumentException e) {
                    throw ApiError.invalid("input", "input " + i + ": " + e.getMessage());
                }
            }
            tokens += count;
            vectors[i] = v.toFloatArray();
        }
        note.tokens = (int) Math.min(tokens, Integer.MAX_VALUE);
        long usage = tokens;
        boolean base64 = req.base64();
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("object", "list");
            g.writeArrayFieldStart("data");
            for (int i = 0; i < n; i++) {
                g.writeStartObject();
                g.writeStringField("object", "embedding");
                g.writeNumberField("index", i);
                g.writeFieldName("embedding");
                if (base64) {
                    g.writeString(base64(vectors[i]));
                } else {
                    g.writeStartArray();
                    for (float f : vectors[i]) {
                        if (!Float.isFinite(f)) {
                            throw new IllegalStateException("model `" + req.model() + "` gave a non-finite value");
                        }
                        g.writeNumber(f);
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("model", req.model());
            g.writeObjectFieldStart("usage");
            g.writeNumberField("prompt_tokens", usage);
            g.writeNumberField("total_tokens", usage);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private void checkTokens(int i, int count) {
        if (count > maxInputTokens) {
            throw ApiError.invalid("input", "input " + i + " has " + count + " tokens, this server takes at most "
                    + maxInputTokens + " per input (--max-input-tokens); split it");
        }
    }

    /** The embedder reduced to {@code d} dimensions, made once per model and size. */
    private Embedder reduced(String name, Embedder embedder, int d) {
        if (d == embedder.dimension()) {
            return embedder;
        }
        if (d > embedder.dimension()) {
            throw ApiError.invalid("dimensions", "'dimensions' is " + d + ", model `" + name + "` has "
                    + embedder.dimension() + "; give at most that");
        }
        try {
            return reduced.computeIfAbsent(name + "\u0000" + d, k -> embedder.withDimensions(d));
        } catch (UnsupportedOperationException e) {
            throw ApiError.invalid("dimensions", "model `" + name + "` cannot reduce its dimension ("
                    + embedder.dimension() + "); leave out 'dimensions'");
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("dimensions", "model `" + name + "`: " + e.getMessage());
        }
    }

    /** Little-endian float32 bytes in base64, as the hosted API encodes {@code encoding_format: base64}. */
    static String base64(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return Base64.getEncoder().encodeToString(b.array());
    }

    private interface JsonWriter {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] json(JsonWriter w) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = EmbeddingsRequest.JSON.createGenerator(out)) {
            w.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] error(ApiError e) {
        return json(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeStringField("message", e.getMessage());
            g.writeStringField("type", e.type);
            if (e.param == null) {
                g.writeNullField("param");
            } else {
                g.writeStringField("param", e.param);
            }
            if (e.code == null) {
                g.writeNullField("code");
            } else {
                g.writeStringField("code", e.code);
            }
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    // ------------------------------------------------------------------ builder

    /** The server's settings; {@link #start()} binds the port and starts serving. */
    public static final class Builder {
        private final Map<String, Embedder> models = new LinkedHashMap<>();
        private String host = "127.0.0.1";
        private int port = 8080;
        private String apiKey;
        private int maxBatch = 2048;
        private int maxInputTokens = 8192;
        private long maxBody = 8L << 20;
        private int workers = Threads.defaultCount();
        private int queue = 1024;
        private int backlog = 256;
        private int maxConnections = 256;
        private int shutdownSeconds = 10;

        private Builder() {
        }

        /** Serves {@code embedder} as model {@code name} (the {@code model} of requests, the id in {@code /v1/models}). */
        public Builder model(String name, Embedder embedder) {
            Objects.requireNonNull(embedder, "embedder");
            if (name == null || name.isBlank() || name.contains("/")) {
                throw new IllegalArgumentException("bad model name '" + name + "': give a non-empty name without '/'");
            }
            if (models.putIfAbsent(name, embedder) != null) {
                throw new IllegalArgumentException("model name '" + name + "' given twice");
            }
            return this;
        }

        public Builder models(Map<String, ? extends Embedder> embedders) {
            embedders.forEach(this::model);
            return this;
        }

        /** The interface to listen on; default {@code 127.0.0.1} (loopback only). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port; 0 picks a free one ({@link #port()} tells which). Default 8080. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Requires {@code Authorization: Bearer KEY} on every request; null (the default) requires none. */
        public Builder apiKey(String key) {
            if (key != null && key.isBlank()) {
                throw new IllegalArgumentException("the API key is empty");
            }
            this.apiKey = key;
            return this;
        }

        /** Most inputs in one request; default 2048, as the hosted API. */
        public Builder maxBatch(int maxBatch) {
            this.maxBatch = positive(maxBatch, "maxBatch");
            return this;
        }

        /** Most tokens (our analyzer's) in one input; default 8192, as the hosted API. */
        public Builder maxInputTokens(int maxInputTokens) {
            this.maxInputTokens = positive(maxInputTokens, "maxInputTokens");
            return this;
        }

        /** Largest request body in bytes; default 8 MiB. */
        public Builder maxBody(long maxBody) {
            if (maxBody < 1) {
                throw new IllegalArgumentException("maxBody must be >= 1, got " + maxBody);
            }
            this.maxBody = maxBody;
            return this;
        }

        /** Threads that embed; default one per core. */
        public Builder workers(int workers) {
            this.workers = positive(workers, "workers");
            return this;
        }

        /** Requests waiting for a worker before the acceptor thread itself works (back-pressure); default 1024. */
        public Builder queue(int queue) {
            this.queue = positive(queue, "queue");
            return this;
        }

        /**
         * Requests read at once (one thread each, while their bytes arrive); default 256. Beyond it the acceptor
         * thread reads the next request itself and accepts no more meanwhile.
         */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = positive(maxConnections, "maxConnections");
            return this;
        }

        /** Seconds {@link #close()} waits for running requests; default 10. */
        public Builder shutdownSeconds(int seconds) {
            if (seconds < 0) {
                throw new IllegalArgumentException("shutdownSeconds must be >= 0, got " + seconds);
            }
            this.shutdownSeconds = seconds;
            return this;
        }

        private static int positive(int v, String what) {
            if (v < 1) {
                throw new IllegalArgumentException(what + " must be >= 1, got " + v);
            }
            return v;
        }

        /**
         * Binds and starts serving.
         *
         * @throws IllegalStateException if no model was given
         * @throws UncheckedIOException  if the address cannot be bound (in use, not local)
         */
        public EmbeddingServer start() {
            if (models.isEmpty()) {
                throw new IllegalStateException("no models to serve: add at least one (model(name, embedder))");
            }
            try {
                return new EmbeddingServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
            }
        }
    }
}
