package org.classicnlp.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load test of {@code serve} on loopback: CLIENTS threads send REQUESTS requests in two halves, each a
 * POST /v1/embeddings with a batch of 1, 4, 16 or 64 inputs (seeded, mixed; English and Chinese models alternate),
 * and check every answer (status 200, one embedding per input). Prints requests/s, inputs/s, p50/p99 latency and
 * errors per half, and the server's RSS (VmRSS of PID) before, after the first half and after the second.
 * Usage: ServeLoad BASE_URL PID CLIENTS REQUESTS EN_MODEL ZH_MODEL
 */
public final class ServeLoad {

    static final int[] BATCHES = {1, 4, 16, 64};

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long pid = Long.parseLong(args[1]);
        int clients = Integer.parseInt(args[2]);
        int requests = Integer.parseInt(args[3]);
        String[] models = {args[4], args[5]};
        List<String> en = lines("corpora/w2v-toy.txt");
        List<String> zh = new ArrayList<>();
        for (String l : lines("corpora/news-zh-en.txt")) {
            for (String s : l.split("(?<=[。！？])")) {
                if (!s.isBlank()) {
                    zh.add(s);
                }
            }
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        System.out.printf("load: %d clients, %d requests in two halves, batches %s, models %s / %s%n", clients,
                requests, Arrays.toString(BATCHES), models[0], models[1]);
        System.out.printf("rss before: %.1f MB%n", rssMb(pid));
        System.out.println("half   requests  errors  req/s     inputs/s   p50 ms  p99 ms  max ms  rss MB");
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        double[] rss = new double[2];
        int totalErrors = 0;
        for (int half = 0; half < 2; half++) {
            int n = requests / 2;
            AtomicInteger next = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            AtomicLong inputs = new AtomicLong();
            long[] latency = new long[n];
            int seedHalf = half;
            long t0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                fs.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < n; ) {
                        java.util.SplittableRandom r = new java.util.SplittableRandom(seedHalf * 1_000_003L + i);
                        int batch = BATCHES[r.nextInt(BATCHES.length)];
                        boolean zhModel = (i & 1) == 1;
                        List<String> src = zhModel ? zh : en;
                        StringBuilder body = new StringBuilder("{\"model\":\"").append(models[zhModel ? 1 : 0])
                                .append("\",\"encoding_format\":\"").append(r.nextBoolean() ? "float" : "base64")
                                .append("\",\"input\":[");
                        for (int k = 0; k < batch; k++) {
                            body.append(k > 0 ? "," : "").append('"')
                                    .append(src.get(r.nextInt(src.size())).replace("\\", "\\\\").replace("\"", "\\\""))
                                    .append('"');
                        }
                        body.append("]}");
                        long s = System.nanoTime();
                        try {
                            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/embeddings"))
                                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            int got = count(res.body(), "\"object\":\"embedding\"");
                            if (res.statusCode() != 200 || got != batch) {
                                if (errors.incrementAndGet() <= 5) {
                                    System.err.println("error: status " + res.statusCode() + ", " + got + " of " + batch
                                            + " embeddings: " + res.body().substring(0, Math.min(200, res.body().length())));
                                }
                            } else {
                                inputs.addAndGet(batch);
                            }
                        } catch (Exception e) {
                            if (errors.incrementAndGet() <= 5) {
                                System.err.println("error: " + e);
                            }
                        }
                        latency[i] = System.nanoTime() - s;
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            Arrays.sort(latency);
            rss[half] = rssMb(pid);
            totalErrors += errors.get();
            System.out.printf("%-6s %8d  %6d  %-8.0f  %-9.0f  %6.1f  %6.1f  %6.1f  %6.1f%n", half == 0 ? "first" : "second",
                    n, errors.get(), n / secs, inputs.get() / secs, latency[n / 2] / 1e6, latency[(int) (n * 0.99)] / 1e6,
                    latency[n - 1] / 1e6, rss[half]);
        }
        pool.shutdown();
        System.out.printf("errors: %d; rss second/first half: %.2fx (must be <= 1.5)%n", totalErrors, rss[1] / rss[0]);
        if (totalErrors > 0 || rss[1] > 1.5 * rss[0]) {
            System.exit(1);
        }
    }

    static List<String> lines(String file) throws Exception {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(Path.of(file))) {
            if (!l.isBlank()) {
                out.add(l.strip());
            }
        }
        return out;
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static double rssMb(long pid) throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("\\D+", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for pid " + pid);
    }
}
