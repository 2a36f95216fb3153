package org.classicnlp.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classicnlp.core.Embedder;
import org.classicnlp.embed.Embedders;
import org.classicnlp.serve.EmbeddingServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: an OpenAI-compatible embeddings server over local embedders, until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve embeddings over HTTP with the OpenAI API's shapes: POST /v1/embeddings, GET /v1/models,"
            + " GET /v1/models/{id}. Point an OpenAI SDK's base URL at http://HOST:PORT/v1.",
            "Without --model it serves every shipped embedder (Embedders.names()). Token-id inputs index the"
            + " model's own vocabulary (the rows of its word vectors), not tiktoken ids; usage counts our"
            + " analyzer's tokens. Stops gracefully on SIGTERM (running requests finish). One access-log line per"
            + " request on stderr."},
        footer = {"", "Examples:",
            "  classicnlp serve",
            "  classicnlp serve --port 9000 --model zh=w2v-sif-zh --model mine=my.sif",
            "  OPENAI_API_KEY=secret classicnlp serve --api-key-env OPENAI_API_KEY"})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", paramLabel = "HOST", description = "Interface to listen on (default: ${DEFAULT-VALUE}, loopback only).")
    String host = "127.0.0.1";
    @Option(names = "--port", paramLabel = "PORT", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = 8080;
    @Option(names = "--model", paramLabel = "NAME=SPEC",
            description = "Serve SPEC (a shipped embedder name or a model file, as Embedders.byName takes) as model"
                    + " NAME; repeat for several. Default: every shipped embedder under its own name.")
    List<String> models;
    @Option(names = "--api-key-env", paramLabel = "VAR",
            description = "Require 'Authorization: Bearer KEY', KEY being the value of environment variable VAR.")
    String apiKeyEnv;
    @Option(names = "--max-batch", paramLabel = "N", description = "Most inputs per request (default: ${DEFAULT-VALUE}).")
    int maxBatch = 2048;
    @Option(names = "--max-input-tokens", paramLabel = "N", description = "Most tokens per input (default: ${DEFAULT-VALUE}).")
    int maxInputTokens = 8192;
    @Option(names = "--max-body", paramLabel = "SIZE", description = "Largest request body, e.g. 8MiB, 512KiB, 100000 (default: ${DEFAULT-VALUE}).")
    String maxBody = "8MiB";
    @Option(names = "--workers", paramLabel = "N", description = "Threads that embed (default: one per core).")
    Integer workers;
    @Option(names = "--max-connections", paramLabel = "N",
            description = "Requests read at once, one thread each while their bytes arrive (default: ${DEFAULT-VALUE}).")
    int maxConnections = 256;
    @Option(names = "--request-timeout", paramLabel = "SECONDS",
            description = "Cut a request not read whole within this many seconds (slow clients; default: "
                    + EmbeddingServer.DEFAULT_REQUEST_TIMEOUT_SECONDS + ").")
    Integer requestTimeout;

    @Override
    public Integer call() throws InterruptedException {
        Check.atLeast("--port", port, 0);
        if (port > 65535) {
            throw new CliErrors.Usage("--port must be <= 65535, got " + port);
        }
        Check.atLeast("--max-batch", maxBatch, 1);
        Check.atLeast("--max-input-tokens", maxInputTokens, 1);
        long bodyLimit = parseSize("--max-body", maxBody);
        Check.atLeast("--max-connections", maxConnections, 1);
        if (requestTimeout != null) {
            Check.atLeast("--request-timeout", requestTimeout, 1);
            // read by the JDK server when the first one starts in this JVM, which is the one below
            System.setProperty(EmbeddingServer.REQUEST_TIMEOUT_PROPERTY, Integer.toString(requestTimeout));
        }
        String key = null;
        if (apiKeyEnv != null) {
            key = System.getenv(apiKeyEnv);
            if (key == null || key.isBlank()) {
                throw new CliErrors.Usage("--api-key-env " + apiKeyEnv + ": environment variable " + apiKeyEnv
                        + " is not set or empty");
            }
        }
        Map<String, Embedder> embedders = embedders();
        EmbeddingServer.Builder b = EmbeddingServer.builder().host(host).port(port).models(embedders).apiKey(key)
                .maxBatch(maxBatch).maxInputTokens(maxInputTokens).maxBody(bodyLimit)
                .maxConnections(maxConnections);
        if (workers != null) {
            Check.atLeast("--workers", workers, 1);
            b.workers(workers);
        }
        EmbeddingServer server = b.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "serve-shutdown"));
        stopped.await();
        return 0;
    }

    private Map<String, Embedder> embedders() {
        Map<String, String> specs = new LinkedHashMap<>();
        if (models == null || models.isEmpty()) {
            for (String name : Embedders.names()) {
                specs.put(name, name);
            }
            if (specs.isEmpty()) {
                throw new CliErrors.Usage("no shipped embedders in this build; give --model NAME=SPEC");
            }
        } else {
            for (String m : models) {
                int eq = m.indexOf('=');
                if (eq <= 0 || eq == m.length() - 1) {
                    throw new CliErrors.Usage("--model must be NAME=SPEC (e.g. zh=w2v-sif-zh), got '" + m + "'");
                }
                String name = m.substring(0, eq);
                if (name.contains("/")) {
                    throw new CliErrors.Usage("--model " + m + ": the name may not contain '/'");
                }
                if (specs.putIfAbsent(name, m.substring(eq + 1)) != null) {
                    throw new CliErrors.Usage("--model: name '" + name + "' given twice");
                }
            }
        }
        Map<String, Embedder> out = new LinkedHashMap<>();
        specs.forEach((name, spec) -> {
            try {
                out.put(name, Embedders.byName(spec));
            } catch (IllegalArgumentException e) {
                throw new CliErrors.Usage("--model " + name + "=" + spec + ": " + CliErrors.message(e));
            } catch (RuntimeException e) {
                throw new CliErrors.Failure("--model " + name + "=" + spec + ": " + CliErrors.message(e));
            }
        });
        return out;
    }

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmg]i?b?|b)?", Pattern.CASE_INSENSITIVE);

    /** {@code 8MiB}, {@code 512k}, {@code 1000000}: binary units (KiB = 1024 bytes; k, K, KB, KiB all mean that). */
    static long parseSize(String option, String value) {
        Matcher m = SIZE.matcher(value.trim());
        if (!m.matches()) {
            throw new CliErrors.Usage(option + " must be a size such as 8MiB, 512KiB or 100000, got '" + value + "'");
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new CliErrors.Usage(option + " is too large: '" + value + "'");
        }
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        int shift = switch (unit.charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        if (n < 1 || n > (Long.MAX_VALUE >> shift)) {
            throw new CliErrors.Usage(option + " must be at least 1 byte, got '" + value + "'");
        }
        return n << shift;
    }
}
