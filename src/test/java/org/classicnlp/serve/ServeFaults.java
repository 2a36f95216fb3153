package org.classicnlp.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hostile clients against a running {@code serve}, and one well-behaved client measuring what it gets meanwhile.
 * Used by {@code ServeFaultsTest} (over loopback, bounded) and {@code bench/serve_faults.sh} (more attackers,
 * longer), so the test and the bench measure the same thing.
 *
 * <p>Attackers, each a thread looping until the end of the run, {@code slow} of each slow kind:
 * <ul>
 * <li>{@code slow-headers}: a request line, then one header byte every {@code dripMillis} (slowloris);</li>
 * <li>{@code slow-body}: whole headers announcing a 64 KiB body, then one body byte every {@code dripMillis};</li>
 * <li>{@code idle}: connects and sends nothing;</li>
 * </ul>
 * and one thread each of {@code oversized} (a body far over the server's limit, declared and chunked),
 * {@code malformed} (broken JSON, wrong types, bad UTF-8, a lying Content-Length, garbage request lines), and
 * {@code disconnect} (half a request then a reset; a whole request, closed before the answer).
 *
 * <p>The good client sends one well-formed embeddings request at a time on a fresh connection and records its
 * status and latency. A 5xx from any request, good or hostile, is counted ({@link Result#serverErrors}).
 */
public final class ServeFaults {

    /** What the good client saw, and what the attackers got back. */
    public record Result(int good, int goodOk, long[] goodMillis, int goodOver2s, int goodFailed, int serverErrors,
            int hostileAnswered, int hostileCut, List<String> failures) {

        public long median() {
            return percentile(50);
        }

        public long percentile(int p) {
            if (goodMillis.length == 0) {
                return -1;
            }
            long[] s = goodMillis.clone();
            Arrays.sort(s);
            return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
        }

        public long max() {
            return goodMillis.length == 0 ? -1 : Arrays.stream(goodMillis).max().getAsLong();
        }

        public String summary() {
            return String.format(Locale.ROOT, "good requests %d, 200 %d, failed %d, over 2 s %d; latency median %d ms,"
                    + " p99 %d ms, max %d ms; 5xx %d; hostile answered (4xx) %d, cut by the server %d", good, goodOk,
                    goodFailed, goodOver2s, median(), percentile(99), max(), serverErrors, hostileAnswered, hostileCut);
        }
    }

    private final String host;
    private final int port;
    private final String model;
    private final int slow;
    private final long dripMillis;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger hostileAnswered = new AtomicInteger();
    private final AtomicInteger hostileCut = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    public ServeFaults(String host, int port, String model, int slow, long dripMillis) {
        this.host = host;
        this.port = port;
        this.model = model;
        this.slow = slow;
        this.dripMillis = dripMillis;
    }

    /** Runs the attack for {@code seconds}, the good client sending all along (after a short ramp-up). */
    public Result run(double seconds) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < slow; i++) {
            threads.add(attacker("slow-headers-" + i, this::slowHeaders));
            threads.add(attacker("slow-body-" + i, this::slowBody));
            threads.add(attacker("idle-" + i, this::idle));
        }
        threads.add(attacker("oversized", this::oversized));
        threads.add(attacker("malformed", this::malformed));
        threads.add(attacker("disconnect", this::disconnect));
        threads.forEach(Thread::start);
        Thread.sleep(Math.min(1000, (long) (seconds * 200)));   // let the slow clients take their connections
        List<Long> millis = new ArrayList<>();
        int good = 0;
        int ok = 0;
        int over = 0;
        int failed = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        String body = "{\"model\":\"" + model + "\",\"input\":[\"hello world\",\"你好世界\"]}";
        while (System.nanoTime() < end) {
            good++;
            long t0 = System.nanoTime();
            int status;
            try {
                status = request(post(body.getBytes(StandardCharsets.UTF_8), true), 10_000);
            } catch (IOException e) {
                status = -1;
                if (failures.size() < 20) {
                    failures.add("good request " + good + ": " + e);
                }
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            millis.add(ms);
            if (status == 200) {
                ok++;
            } else {
                failed++;
                if (status >= 500) {
                    serverErrors.incrementAndGet();
                }
                if (status > 0 && failures.size() < 20) {
                    failures.add("good request " + good + ": status " + status);
                }
            }
            if (ms > 2000) {
                over++;
            }
            Thread.sleep(20);
        }
        running.set(false);
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            t.join(5000);
        }
        return new Result(good, ok, millis.stream().mapToLong(Long::longValue).toArray(), over, failed,
                serverErrors.get(), hostileAnswered.get(), hostileCut.get(), List.copyOf(failures));
    }

    private interface Attack {
        void once() throws IOException, InterruptedException;
    }

    private Thread attacker(String name, Attack attack) {
        Thread t = new Thread(() -> {
            while (running.get()) {
                try {
                    attack.once();
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    hostileCut.incrementAndGet();   // the server closed on us, or we on it: either is fine
                    pause(50);
                }
            }
        }, "attack-" + name);
        t.setDaemon(true);
        return t;
    }

    private void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(host, port), 5000);
        s.setSoTimeout(15_000);
        return s;
    }

    private byte[] post(byte[] body, boolean close) {
        String head = "POST /v1/embeddings HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** Sends {@code raw} on a new connection and returns the answer's status (-1: closed without one). */
    private int request(byte[] raw, int timeoutMillis) throws IOException {
        try (Socket s = connect()) {
            s.setSoTimeout(timeoutMillis);
            OutputStream out = s.getOutputStream();
            out.write(raw);
            out.flush();
            return readStatus(s.getInputStream());
        }
    }

    private static int readStatus(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
            line.append((char) c);
        }
        if (line.length() == 0) {
            return -1;
        }
        String[] parts = line.toString().trim().split(" ");
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + line);
        }
        byte[] rest = new byte[8192];
        while (in.read(rest) >= 0) {
            // read the answer to its end (Connection: close)
        }
        return Integer.parseInt(parts[1]);
    }

    private void hostile(int status, String what) {
        if (status >= 500) {
            serverErrors.incrementAndGet();
            failures.add(what + ": status " + status);
        } else if (status > 0) {
            hostileAnswered.incrementAndGet();
        } else {
            hostileCut.incrementAndGet();
        }
    }

    private void slowHeaders() throws IOException, InterruptedException {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /v1/embeddings HTTP/1.1\r\nHost: " + host + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] header = "X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; running.get(); i = (i + 1) % header.length) {
                out.write(header[i]);
                out.flush();
                Thread.sleep(dripMillis);
            }
        }
    }

    private void slowBody() throws IOException, InterruptedException {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /v1/embeddings HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 65536\r\n\r\n{\"model\":\"" + model + "\",\"input\":\"").getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (running.get()) {
                out.write('a');
                out.flush();
                Thread.sleep(dripMillis);
            }
        }
    }

    private void idle() throws IOException, InterruptedException {
        try (Socket s = connect()) {
            while (running.get()) {
                Thread.sleep(200);
            }
        }
    }

    private void oversized() throws IOException, InterruptedException {
        // declared: the server may answer 413 at once; chunked: it finds out while reading
        byte[] big = new byte[9 << 20];
        Arrays.fill(big, (byte) 'a');
        hostile(request(post(big, true), 15_000), "oversized declared body");
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /v1/embeddings HTTP/1.1\r\nHost: " + host + "\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'b');
            for (int i = 0; i < 10; i++) {
                out.write(("100000\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            hostile(readStatus(s.getInputStream()), "oversized chunked body");
        }
        Thread.sleep(100);
    }

    private void malformed() throws IOException, InterruptedException {
        List<byte[]> bodies = List.of(
                "{\"model\":".getBytes(StandardCharsets.UTF_8),
                "not json at all".getBytes(StandardCharsets.UTF_8),
                ("{\"model\":\"" + model + "\",\"input\":42}").getBytes(StandardCharsets.UTF_8),
                ("{\"model\":\"" + model + "\",\"input\":[[1,2],\"x\"]}").getBytes(StandardCharsets.UTF_8),
                ("{\"model\":\"" + model + "\",\"input\":\"\\ud800\"}").getBytes(StandardCharsets.UTF_8),
                new byte[] {'{', '"', 'm', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'},
                ("{\"model\":\"" + model + "\",\"input\":" + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8),
                new byte[0]);
        for (byte[] b : bodies) {
            hostile(request(post(b, true), 10_000), "malformed body");
        }
        for (String raw : List.of("GARBAGE\r\n\r\n", "POST /v1/embeddings HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
                "POST /v1/embeddings HTTP/1.1\r\nContent-Length: abc\r\n\r\n", "GET /" + "a".repeat(20000) + " HTTP/1.1\r\n\r\n",
                "POST /v1/embeddings HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")) {
            try {
                hostile(request(raw.getBytes(StandardCharsets.US_ASCII), 10_000), "malformed request " + raw.substring(0, Math.min(20, raw.length())));
            } catch (IOException e) {
                hostileCut.incrementAndGet();
            }
        }
        // a body shorter than its Content-Length, then the client waits: the server must not wait forever
        try (Socket s = connect()) {
            s.getOutputStream().write(post("{\"model\":\"x\"}".getBytes(StandardCharsets.UTF_8), true), 0, 60);
            s.getOutputStream().flush();
            Thread.sleep(200);
        }
        Thread.sleep(50);
    }

    private void disconnect() throws IOException, InterruptedException {
        byte[] good = post(("{\"model\":\"" + model + "\",\"input\":\"hello\"}").getBytes(StandardCharsets.UTF_8), true);
        try (Socket s = connect()) {
            s.getOutputStream().write(good, 0, good.length / 2);
            s.setSoLinger(true, 0);   // reset, not a clean close
        }
        try (Socket s = connect()) {
            s.getOutputStream().write(good);
            s.getOutputStream().flush();
        }   // closed before the answer
        Thread.sleep(20);
    }

    /**
     * One slowloris client alone: a request line, then a header byte every {@code dripMillis}; returns the
     * milliseconds until the server closed the connection, or -1 if it was still open after {@code limitMillis}.
     */
    public long slowClientCutAfter(long limitMillis) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        try (Socket s = connect()) {
            s.setSoTimeout((int) Math.max(1, dripMillis));
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(("POST /v1/embeddings HTTP/1.1\r\nHost: " + host + "\r\n").getBytes(StandardCharsets.US_ASCII));
            while ((System.nanoTime() - t0) / 1_000_000 < limitMillis) {
                try {
                    out.write('a');
                    out.flush();
                    if (in.read() < 0) {
                        return (System.nanoTime() - t0) / 1_000_000;
                    }
                } catch (java.net.SocketTimeoutException e) {
                    continue;   // still open, no answer yet
                } catch (IOException e) {
                    return (System.nanoTime() - t0) / 1_000_000;   // reset by the server
                }
            }
            return -1;
        }
    }

    /** {@code ServeFaults HOST PORT MODEL SLOW_PER_KIND DRIP_MS SECONDS}: prints the summary; exit 1 on a failure. */
    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: ServeFaults HOST PORT MODEL SLOW_PER_KIND DRIP_MS SECONDS");
            System.exit(2);
        }
        ServeFaults f = new ServeFaults(args[0], Integer.parseInt(args[1]), args[2], Integer.parseInt(args[3]),
                Long.parseLong(args[4]));
        Result r = f.run(Double.parseDouble(args[5]));
        System.out.println(r.summary());
        r.failures().stream().limit(10).forEach(s -> System.out.println("  " + s));
        boolean pass = r.goodOk() == r.good() && r.goodOver2s() == 0 && r.serverErrors() == 0 && r.good() > 0;
        System.out.println(pass ? "PASS" : "FAIL");
        System.exit(pass ? 0 : 1);
    }
}
