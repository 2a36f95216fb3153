package org.classicnlp.embed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.classicnlp.core.DenseVector;
import org.classicnlp.core.Document;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.FeatureVector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeddings from any OpenAI-compatible endpoint ({@code POST {baseUrl}/embeddings}): the hosted API, a local
 * server, or our own {@code serve}. Thread-safe.
 *
 * <p>{@link #embedAll} sends as few requests as the endpoint's limits allow: at most {@code maxInputsPerRequest}
 * inputs and {@code maxTokensPerRequest} tokens per request, tokens counted with the model's tiktoken encoding
 * (jtokkit; {@code cl100k_base} by default, as the {@code text-embedding-3} models use). An input over
 * {@code maxTokensPerInput} is an error naming it, never truncated. A 429 or 5xx answer, a timeout or a refused
 * connection is retried up to {@code maxRetries} times, waiting as the endpoint's {@code Retry-After}
 * ({@code retry-after-ms}) says, else an exponential backoff with jitter. Any other refusal is an
 * {@link OpenAiException} carrying the endpoint's own message. The API key is read once from an environment
 * variable (default {@code OPENAI_API_KEY}; none sent when it is unset) and appears in no message or log line.
 */
public final class OpenAiEmbedder implements Embedder {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiEmbedder.class);
    private static final JsonFactory JSON = new JsonFactory();
    /** Output sizes of the hosted models, so {@link #dimension()} needs no request for them. */
    private static final Map<String, Integer> KNOWN_DIMENSIONS = Map.of(
            "text-embedding-3-small", 1536, "text-embedding-3-large", 3072, "text-embedding-ada-002", 1536);

    /** How vectors travel: JSON numbers, or base64 of little-endian float32 (smaller, exact). */
    public enum EncodingFormat {
        FLOAT, BASE64;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final URI endpoint;
    private final String model;
    private final int dimensions;
    private final EncodingFormat format;
    private final String apiKey;
    private final String apiKeyEnv;
    private final Encoding tokenizer;
    private final int maxInputsPerRequest;
    private final int maxTokensPerRequest;
    private final int maxTokensPerInput;
    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration readTimeout;
    private final HttpClient http;
    private volatile int probedDimension;

    private OpenAiEmbedder(Builder b) {
        String base = b.baseUrl.endsWith("/") ? b.baseUrl.substring(0, b.baseUrl.length() - 1) : b.baseUrl;
        this.endpoint = URI.create(base + "/embeddings");
        if (endpoint.getScheme() == null || !endpoint.getScheme().matches("https?") || endpoint.getHost() == null) {
            throw new IllegalArgumentException("base URL '" + b.baseUrl + "' is not an http(s) URL such as"
                    + " https://api.openai.com/v1");
        }
        this.model = b.model;
        this.dimensions = b.dimensions;
        this.format = b.format;
        this.apiKeyEnv = b.apiKeyEnv;
        String key = b.apiKeyEnv == null ? null : b.env.apply(b.apiKeyEnv);
        this.apiKey = key == null || key.isBlank() ? null : key.trim();
        this.tokenizer = Encodings.newLazyEncodingRegistry().getEncoding(b.tokenizer).orElseThrow(
                () -> new IllegalArgumentException("unknown tiktoken encoding '" + b.tokenizer
                        + "'; use cl100k_base, o200k_base, p50k_base, p50k_edit or r50k_base"));
        this.maxInputsPerRequest = b.maxInputsPerRequest;
        this.maxTokensPerRequest = b.maxTokensPerRequest;
        this.maxTokensPerInput = b.maxTokensPerInput;
        this.maxRetries = b.maxRetries;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.readTimeout = b.readTimeout;
        HttpClient.Builder hb = HttpClient.newBuilder().connectTimeout(b.connectTimeout);
        if (endpoint.getScheme().equals("http")) {
            hb.version(HttpClient.Version.HTTP_1_1);   // no h2c upgrade dance with plain local servers
        }
        this.http = hb.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The embeddings URL requests go to ({@code baseUrl + "/embeddings"}). */
    public URI endpoint() {
        return endpoint;
    }

    /** Whether a key was found in the environment variable (the key itself is not readable). */
    public boolean hasApiKey() {
        return apiKey != null;
    }

    @Override
    public FeatureVector embed(Document document) {
        return embedAll(List.of(document)).get(0);
    }

    @Override
    public List<FeatureVector> embedAll(List<Document> documents) {
        List<String> texts = new ArrayList<>(documents.size());
        for (Document d : documents) {
            texts.add(d.text());
        }
        return embedTexts(texts);
    }

    @Override
    public List<FeatureVector> embedTexts(List<String> texts) {
        List<FeatureVector> out = new ArrayList<>(texts.size());
        int from = 0;
        while (from < texts.size()) {
            int to = from;
            long tokens = 0;
            while (to < texts.size() && to - from < maxInputsPerRequest) {
                int t = tokenizer.countTokens(texts.get(to));
                if (t > maxTokensPerInput) {
                    throw new IllegalArgumentException("input " + to + " has " + t + " tokens (" + tokenizer.getName()
                            + "), more than the " + maxTokensPerInput + " the endpoint takes per input; split it");
                }
                if (to > from && tokens + t > maxTokensPerRequest) {
                    break;
                }
                tokens += t;
                to++;
            }
            out.addAll(request(texts.subList(from, to)));
            from = to;
        }
        return out;
    }

    /**
     * The configured {@code dimensions}, else the known size of a hosted model, else the length of one embedding
     * asked for once (a request) and remembered.
     */
    @Override
    public int dimension() {
        if (dimensions > 0) {
            return dimensions;
        }
        Integer known = KNOWN_DIMENSIONS.get(model);
        if (known != null) {
            return known;
        }
        if (probedDimension == 0) {
            probedDimension = request(List.of("dimension")).get(0).dimension();
        }
        return probedDimension;
    }

    /** This client asking the endpoint for {@code dimensions} components ({@code dimensions} parameter). */
    @Override
    public OpenAiEmbedder withDimensions(int dimensions) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be >= 1, got " + dimensions);
        }
        Builder b = toBuilder();
        b.dimensions = dimensions;
        return new OpenAiEmbedder(b);
    }

    private Builder toBuilder() {
        Builder b = new Builder();
        b.baseUrl = endpoint.toString().substring(0, endpoint.toString().length() - "/embeddings".length());
        b.model = model;
        b.dimensions = dimensions;
        b.format = format;
        b.apiKeyEnv = apiKeyEnv;
        String key = apiKey;
        b.env = v -> key;
        b.tokenizer = tokenizer.getName();
        b.maxInputsPerRequest = maxInputsPerRequest;
        b.maxTokensPerRequest = maxTokensPerRequest;
        b.maxTokensPerInput = maxTokensPerInput;
        b.maxRetries = maxRetries;
        b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff;
        b.connectTimeout = http.connectTimeout().orElse(Duration.ofSeconds(10));
        b.readTimeout = readTimeout;
        return b;
    }

    @Override
    public String name() {
        return "openai:" + model;
    }

    // ------------------------------------------------------------------ one request, with retries

    private List<FeatureVector> request(List<String> inputs) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(endpoint)
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(inputs)));
        if (apiKey != null) {
            rb.header("Authorization", "Bearer " + apiKey);
        }
        HttpRequest req = rb.build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> res;
            try {
                res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                String why = e instanceof java.net.http.HttpTimeoutException ? "timed out" : "failed: " + e.getMessage();
                if (attempt > maxRetries) {
                    throw new OpenAiException("POST " + endpoint + " " + why + " (" + attempt + " attempts)",
                            0, null, null, e);
                }
                sleep(backoff(attempt), why, attempt);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpenAiException("POST " + endpoint + " interrupted", 0, null, null, e);
            }
            int status = res.statusCode();
            if (status == 200) {
                return parse(res.body(), inputs.size());
            }
            boolean retryable = status == 429 || status >= 500;
            if (!retryable || attempt > maxRetries) {
                throw failure(status, res.body(), attempt);
            }
            int tried = attempt;
            Duration wait = retryAfter(res).orElseGet(() -> backoff(tried));
            sleep(wait, "answered " + status, attempt);
        }
    }

    private void sleep(Duration wait, String why, int attempt) {
        LOG.warn("POST {} {}; retrying in {} ms (retry {} of {})", endpoint, why, wait.toMillis(), attempt, maxRetries);
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenAiException("POST " + endpoint + " interrupted while waiting to retry", 0, null, null, e);
        }
    }

    /** {@code initialBackoff · 2^(attempt-1)}, capped at {@code maxBackoff}, scaled by a random factor in [0.5, 1). */
    Duration backoff(int attempt) {
        double base = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() * Math.pow(2, attempt - 1));
        return Duration.ofMillis((long) (base * (0.5 + 0.5 * ThreadLocalRandom.current().nextDouble())));
    }

    /** The wait the endpoint asked for: {@code retry-after-ms}, else {@code Retry-After} in seconds or as a date. */
    private static java.util.Optional<Duration> retryAfter(HttpResponse<?> res) {
        java.util.Optional<String> ms = res.headers().firstValue("retry-after-ms");
        try {
            if (ms.isPresent()) {
                return java.util.Optional.of(Duration.ofMillis(Math.max(0, (long) Double.parseDouble(ms.get()))));
            }
            java.util.Optional<String> ra = res.headers().firstValue("retry-after");
            if (ra.isEmpty()) {
                return java.util.Optional.empty();
            }
            String v = ra.get().trim();
            if (v.matches("\\d+(\\.\\d+)?")) {
                return java.util.Optional.of(Duration.ofMillis((long) (Double.parseDouble(v) * 1000)));
            }
            ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(ZonedDateTime.now(when.getZone()), when);
            return java.util.Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (RuntimeException e) {
            return java.util.Optional.empty();   // unreadable header: our own backoff
        }
    }

    private OpenAiException failure(int status, byte[] body, int attempts) {
        String message = null;
        String code = null;
        String type = null;
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    if (p.nextToken() == JsonToken.START_OBJECT && f.equals("error")) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String g = p.currentName();
                            JsonToken t = p.nextToken();
                            String v = t.isScalarValue() && t != JsonToken.VALUE_NULL ? p.getText() : null;
                            if (!t.isScalarValue()) {
                                p.skipChildren();
                            }
                            switch (g) {
                                case "message" -> message = v;
                                case "code" -> code = v;
                                case "type" -> type = v;
                                default -> { }
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not the error shape: quote the start of the body below
        }
        if (message == null) {
            String text = new String(body, java.nio.charset.StandardCharsets.UTF_8).strip();
            message = text.isEmpty() ? "(empty body)" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
        }
        return new OpenAiException("POST " + endpoint + " answered " + status + (code != null ? " " + code : "")
                + ": " + message + " (" + attempts + (attempts == 1 ? " attempt)" : " attempts)"),
                status, code, type, null);
    }

    private byte[] body(List<String> inputs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("model", model);
            g.writeArrayFieldStart("input");
            for (String s : inputs) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeStringField("encoding_format", format.wire());
            if (dimensions > 0) {
                g.writeNumberField("dimensions", dimensions);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The vectors of {@code data[]}, put in {@code index} order; checks there is one per input. */
    private List<FeatureVector> parse(byte[] body, int n) {
        float[][] vectors = new float[n][];
        try (JsonParser p = JSON.createParser(body)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, "a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken t = p.nextToken();
                if (!f.equals("data")) {
                    p.skipChildren();
                    continue;
                }
                expect(t == JsonToken.START_ARRAY, "'data' as an array");
                int position = 0;
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    int index = position;
                    float[] v = null;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String g = p.currentName();
                        JsonToken u = p.nextToken();
                        if (g.equals("index")) {
                            expect(u == JsonToken.VALUE_NUMBER_INT, "'index' as an integer");
                            index = p.getIntValue();
                        } else if (g.equals("embedding")) {
                            v = u == JsonToken.VALUE_STRING ? decodeBase64(p.getText()) : floats(p);
                        } else {
                            p.skipChildren();
                        }
                    }
                    expect(v != null, "an 'embedding' in data[" + position + "]");
                    expect(index >= 0 && index < n && vectors[index] == null,
                            "data[" + position + "].index " + index + " to be a new index below " + n);
                    vectors[index] = v;
                    position++;
                }
                expect(position == n, n + " embeddings, one per input, got " + position);
            }
        } catch (IOException e) {
            throw new OpenAiException("POST " + endpoint + " answered 200 with a body that is not JSON: "
                    + e.getMessage(), 200, null, null, e);
        }
        List<FeatureVector> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            expect(vectors[i] != null, "an embedding for input " + i);
            expect(vectors[i].length == vectors[0].length, "embeddings of one length, got " + vectors[0].length
                    + " and " + vectors[i].length);
            out.add(new DenseVector(vectors[i]));
        }
        return out;
    }

    private void expect(boolean ok, String what) {
        if (!ok) {
            throw new OpenAiException("POST " + endpoint + " answered 200 but not in the embeddings shape: expected "
                    + what, 200, null, null, null);
        }
    }

    private float[] floats(JsonParser p) throws IOException {
        expect(p.currentToken() == JsonToken.START_ARRAY, "'embedding' as an array of numbers or a base64 string");
        float[] buf = new float[256];
        int n = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            expect(t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT, "numbers in 'embedding'");
            if (n == buf.length) {
                buf = java.util.Arrays.copyOf(buf, n * 2);
            }
            buf[n++] = p.getFloatValue();
        }
        return java.util.Arrays.copyOf(buf, n);
    }

    private float[] decodeBase64(String s) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new OpenAiException("POST " + endpoint + " answered 200 with an embedding that is not base64: "
                    + e.getMessage(), 200, null, null, e);
        }
        expect(bytes.length % 4 == 0, "base64 of float32 values (a multiple of 4 bytes), got " + bytes.length);
        float[] v = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    // ------------------------------------------------------------------ builder

    /** Settings; defaults are the hosted API's ({@code https://api.openai.com/v1}, {@code text-embedding-3-small}). */
    public static final class Builder {
        private String baseUrl = "https://api.openai.com/v1";
        private String model = "text-embedding-3-small";
        private int dimensions;
        private EncodingFormat format = EncodingFormat.FLOAT;
        private String apiKeyEnv = "OPENAI_API_KEY";
        private UnaryOperator<String> env = System::getenv;
        private String tokenizer = "cl100k_base";
        private int maxInputsPerRequest = 2048;
        private int maxTokensPerRequest = 300_000;
        private int maxTokensPerInput = 8192;
        private int maxRetries = 6;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /** The API's base URL, e.g. {@code http://127.0.0.1:8080/v1}; requests go to {@code baseUrl/embeddings}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        public Builder model(String model) {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("model must be a non-empty name");
            }
            this.model = model;
            return this;
        }

        /** Asks for {@code dimensions} components (the API's {@code dimensions}); 0, the default, leaves it out. */
        public Builder dimensions(int dimensions) {
            if (dimensions < 0) {
                throw new IllegalArgumentException("dimensions must be >= 1 (or 0 for the model's own), got " + dimensions);
            }
            this.dimensions = dimensions;
            return this;
        }

        /** {@code float} (default) or {@code base64}. */
        public Builder encodingFormat(EncodingFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /** The environment variable holding the API key (default {@code OPENAI_API_KEY}); null sends no key. */
        public Builder apiKeyEnv(String variable) {
            this.apiKeyEnv = variable;
            return this;
        }

        /** Where environment variables are read (tests); default {@link System#getenv(String)}. */
        Builder environment(UnaryOperator<String> env) {
            this.env = Objects.requireNonNull(env, "env");
            return this;
        }

        /** The tiktoken encoding that counts tokens for batching: {@code cl100k_base} (default), {@code o200k_base}, … */
        public Builder tokenizer(String encodingName) {
            this.tokenizer = Objects.requireNonNull(encodingName, "encodingName");
            return this;
        }

        /** Most inputs per request (hosted API: 2048). */
        public Builder maxInputsPerRequest(int n) {
            this.maxInputsPerRequest = positive(n, "maxInputsPerRequest");
            return this;
        }

        /** Most tokens per request (hosted API: 300,000). */
        public Builder maxTokensPerRequest(int n) {
            this.maxTokensPerRequest = positive(n, "maxTokensPerRequest");
            return this;
        }

        /** Most tokens per input (hosted API: 8192); a longer input is an error, not truncated. */
        public Builder maxTokensPerInput(int n) {
            this.maxTokensPerInput = positive(n, "maxTokensPerInput");
            return this;
        }

        /** Retries after a 429, a 5xx, a timeout or a failed connection; default 6, 0 for none. */
        public Builder maxRetries(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0, got " + n);
            }
            this.maxRetries = n;
            return this;
        }

        /** The first backoff (doubled per retry, with jitter) when the endpoint gives no Retry-After; default 500 ms. */
        public Builder initialBackoff(Duration d) {
            this.initialBackoff = nonNegative(d, "initialBackoff");
            return this;
        }

        /** The longest backoff of our own; default 30 s. */
        public Builder maxBackoff(Duration d) {
            this.maxBackoff = nonNegative(d, "maxBackoff");
            return this;
        }

        /** Default 10 s. */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive(d, "connectTimeout");
            return this;
        }

        /** How long to wait for an answer to one request; default 60 s. */
        public Builder readTimeout(Duration d) {
            this.readTimeout = positive(d, "readTimeout");
            return this;
        }

        private static int positive(int v, String what) {
            if (v < 1) {
                throw new IllegalArgumentException(what + " must be >= 1, got " + v);
            }
            return v;
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be a positive duration, got " + d);
            }
            return d;
        }

        private static Duration nonNegative(Duration d, String what) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException(what + " must be a duration >= 0, got " + d);
            }
            return d;
        }

        public OpenAiEmbedder build() {
            return new OpenAiEmbedder(this);
        }
    }
}
