package org.classicnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI under faults: an input that changes while a job that reads it more than once runs (keywords with idf
 * from its own input, tfidf transform --fit, w2v train, lm train, train-segmenter, train-tagger) fails with one
 * error line naming it, and leaves no output file; a full standard output (a size-limited stream, as a full disk
 * behind a redirection) fails with one error line instead of a silently truncated result.
 */
class FaultsCliTest {

    @TempDir
    Path tmp;

    /** A big enough corpus that its first pass takes a while: 40,000 lines of random words. */
    private Path corpus(String name) throws IOException {
        return corpus(name, 40_000);
    }

    private Path corpus(String name, int lines) throws IOException {
        Random r = new Random(5);
        String[] words = "the cat dog sat on a mat and ran far away 北京 上海 我们 研究 生命 起源 中国 人民".split(" ");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            for (int w = 0; w < 8; w++) {
                sb.append(w > 0 ? " " : "").append(words[r.nextInt(words.length)]);
            }
            sb.append('\n');
        }
        return Files.writeString(tmp.resolve(name), sb.toString());
    }

    /** Runs the command while another thread appends a line to {@code file} every few milliseconds. */
    private String[] runWhileAppending(Path file, String... args) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        Thread appender = new Thread(() -> {
            while (!stop.get()) {
                try {
                    Files.writeString(file, "the cat 北京 appended\n", StandardOpenOption.APPEND);
                    Thread.sleep(5);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
        appender.start();
        try {
            return CliTest.run("", args);
        } finally {
            stop.set(true);
            appender.join();
        }
    }

    private static String oneErrorLine(String[] r, String what) {
        assertEquals("1", r[0], what + ": " + r[2]);
        String err = r[2].strip();
        String last = err.substring(err.lastIndexOf('\n') + 1);
        assertTrue(last.startsWith("error: "), what + ": " + r[2]);
        assertFalse(err.contains("Exception") || err.contains("java."), what + ": " + r[2]);
        return last;
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anInputChangingDuringATwoPassJobFailsNamingItAndLeavesNoOutput() throws Exception {
        Path in = corpus("news.txt");
        String line = oneErrorLine(runWhileAppending(in, "keywords", "--input", in.toString(), "--tokenizer",
                "whitespace", "--top", "2", "-q"), "keywords");
        assertTrue(line.contains("--input " + in + " changed during the job"), line);

        line = oneErrorLine(runWhileAppending(in, "tfidf", "transform", "--fit", "--input", in.toString(), "--tokenizer",
                "whitespace", "--save-model", tmp.resolve("t.tfidf").toString(), "-q"), "tfidf transform --fit");
        assertTrue(line.contains("--input " + in + " changed during the job"), line);

        Path vectors = tmp.resolve("v.bin");
        line = oneErrorLine(runWhileAppending(in, "w2v", "train", "--input", in.toString(), "--output", vectors.toString(),
                "--tokenizer", "whitespace", "--dim", "8", "--epochs", "2", "--min-count", "1", "-q"), "w2v train");
        assertTrue(line.contains("--input " + in + " changed during the job"), line);
        assertFalse(Files.exists(vectors), "no vectors file written");

        Path lm = tmp.resolve("lm.bin");
        line = oneErrorLine(runWhileAppending(in, "lm", "train", "--order", "3", "--input", in.toString(), "--output",
                lm.toString(), "--discount-fallback"), "lm train");
        assertTrue(line.contains("--input " + in + " changed during the job"), line);
        assertFalse(Files.exists(lm), "no model file written");

        Path seg = tmp.resolve("seg.bin");
        line = oneErrorLine(runWhileAppending(in, "train-segmenter", "--algo", "hmm", "--corpus", in.toString(),
                "--output", seg.toString(), "-q"), "train-segmenter");
        assertTrue(line.contains("--corpus " + in + " changed during the job"), line);
        assertFalse(Files.exists(seg), "no model file written");

        assertEquals(List.of("news.txt"), files(), "nothing else left behind (no partial or temporary file)");
    }

    /**
     * Runs the CLI with standard output limited to {@code limit} bytes, then failing as a full disk does;
     * returns exit code, the number of bytes written, stderr.
     */
    static String[] runWithFullStdout(long limit, String stdin, String... args) {
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStream full = new OutputStream() {
            long left = limit;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len > left) {
                    out.write(b, off, (int) left);
                    left = 0;
                    throw new IOException("No space left on device");
                }
                out.write(b, off, len);
                left -= len;
            }
        };
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(full, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new String[] {Integer.toString(code), Integer.toString(out.size()), err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void aFullStandardOutputFailsWithOneLineNotATruncatedResult() throws IOException {
        Path in = corpus("in.txt", 2000);
        for (String[] args : List.of(
                new String[] {"segment", "--algo", "fmm", in.toString()},
                new String[] {"tag", in.toString()},
                new String[] {"keywords", "--input", in.toString(), "--tokenizer", "whitespace", "-q"},
                new String[] {"tfidf", "transform", "--fit", "--input", in.toString(), "--tokenizer", "whitespace", "-q"})) {
            String[] r = runWithFullStdout(4096, "", args);
            String what = String.join(" ", args);
            String line = oneErrorLine(r, what);
            assertTrue(line.contains("standard output"), what + ": " + line);
            assertEquals("4096", r[1], what + ": bytes written before the disk was full");
        }
    }
}
