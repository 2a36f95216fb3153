package org.classicnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.classicnlp.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's bad-input table, row by row, against the real CLI: the table is read from README.md (between
 * the {@code bad-input-table} markers), so it cannot drift from what the commands do. Each row: its arguments
 * (fixture file names replaced by the files this test makes), the exit code, nothing on stdout, exactly one
 * stderr line matching the row's message ({@code …} = any text; the fixtures' directory is removed from paths).
 */
class BadInputTableTest {

    /** One row of the table. */
    record Row(int line, String command, String arguments, int exit, String stderr) {
        @Override
        public String toString() {
            return command + " " + arguments;
        }
    }

    @TempDir
    static Path tmp;

    static final Map<String, String> FIXTURES = new LinkedHashMap<>();

    static {
        FIXTURES.put("in.txt", "中国人民\n");
        FIXTURES.put("empty.txt", "");
        FIXTURES.put("afile", "x");
        FIXTURES.put("garbage.bin", "not a model at all, just text\n");
        FIXTURES.put("gold.txt", "研究 生命\n");
        FIXTURES.put("raw.txt", "我们，今天。\n北京！\n");
        FIXTURES.put("pairs.txt", "car bus 8\nfur zzz 2\n");
        FIXTURES.put("q.txt", ": toy\ncar bus cat zzz\n");
        FIXTURES.put("v.txt", "2 3\ncat 1 0 0\ndog 0 1 0\n");
        FIXTURES.put("bad.jsonl", "{\"id\":\"1\",\"text\":\"a b\"\n");
        FIXTURES.put("nolabel.jsonl", "{\"id\":\"1\",\"text\":\"a b\"}\n");
        FIXTURES.put("faq-bad.jsonl", "{\"question\":\"q\"}\n");
        FIXTURES.put("bad.arpa", "\\data\\\nngram 1=x\n");
        FIXTURES.put("bad.conllu", "1\tword\n\n");
    }

    /** Names that stand for files the test makes (or, nope.*, makes sure are absent). */
    static final Set<String> NAMES = new TreeSet<>(List.of("somedir", "toy.txt", "sample.txt", "nope.txt", "nope.bin",
            "nope.jsonl", "nope.arpa", "idx", "m.tfidf", "v.bin", "lm.bin", "c.bin", "s.bin", "t.bin", "m.bin", "x.bin"));

    @BeforeAll
    static void fixtures() throws IOException {
        for (Map.Entry<String, String> f : FIXTURES.entrySet()) {
            Files.writeString(tmp.resolve(f.getKey()), f.getValue());
        }
        Files.createDirectory(tmp.resolve("somedir"));
        Files.copy(TestData.corpus("w2v-toy.txt"), tmp.resolve("toy.txt"));
        Files.copy(TestData.corpus("tfidf-sample.txt"), tmp.resolve("sample.txt"));
    }

    /** The rows between the markers; fails if the table is missing or malformed. */
    static List<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int start = lines.indexOf("<!-- bad-input-table:start -->");
        int end = lines.indexOf("<!-- bad-input-table:end -->");
        assertTrue(start >= 0 && end > start + 2, "README.md has the bad-input table markers");
        assertEquals("| command | arguments | exit | stderr (one line) |", lines.get(start + 1));
        List<Row> rows = new ArrayList<>();
        for (int i = start + 3; i < end; i++) {
            String l = lines.get(i);
            String[] cells = l.substring(1, l.length() - 1).split(" \\| ", -1);
            assertEquals(4, cells.length, "README.md line " + (i + 1) + ": 4 cells in " + l);
            rows.add(new Row(i + 1, code(cells[0], i), code(cells[1], i), Integer.parseInt(cells[2].trim()),
                    code(cells[3], i)));
        }
        return rows;
    }

    private static String code(String cell, int line) {
        String c = cell.trim();
        assertTrue(c.startsWith("`") && c.endsWith("`") && c.length() > 2, "README.md line " + (line + 1)
                + ": a `code` cell, got " + cell);
        return c.substring(1, c.length() - 1);
    }

    @Test
    void theTableCoversEveryCommand() throws IOException {
        Set<String> commands = new TreeSet<>();
        for (Row r : rows()) {
            commands.add(r.command().split(" ")[0]);
        }
        for (String c : List.of("segment", "tag", "keywords", "tfidf", "w2v", "lm", "index", "faq", "classify", "cluster",
                "serve", "score", "score-tags", "train-segmenter", "train-tagger")) {
            assertTrue(commands.contains(c), "a row for " + c + " in " + commands);
        }
        Set<String> sub = new TreeSet<>();
        rows().forEach(r -> sub.add(r.command()));
        for (String c : List.of("tfidf fit", "tfidf transform", "w2v train", "w2v similar", "w2v analogy", "w2v eval",
                "lm train", "lm score", "lm perplexity", "lm sample", "lm convert", "index build", "index search",
                "classify train", "classify predict", "classify eval")) {
            assertTrue(sub.contains(c), "a row for " + c + " in " + sub);
        }
    }

    @ParameterizedTest(name = "README line {0}")
    @MethodSource("rows")
    void everyRowIsWhatTheCliDoes(Row row) throws IOException {
        try (Stream<Path> left = Files.list(tmp)) {
            left.filter(p -> p.getFileName().toString().startsWith("nope.")).forEach(p -> p.toFile().delete());
        }
        List<String> args = new ArrayList<>(List.of(row.command().split(" ")));
        ServerSocket busy = null;
        try {
            for (String a : row.arguments().split(" ")) {
                if (a.equals("PORT_IN_USE")) {
                    busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    args.add(Integer.toString(busy.getLocalPort()));
                } else {
                    args.add(fixture(a));
                }
            }
            String[] r = CliTest.run("", args.toArray(String[]::new));
            String what = "README line " + row.line() + ": " + String.join(" ", args) + " -> exit " + r[0] + ", " + r[2];
            assertEquals(Integer.toString(row.exit()), r[0], what);
            assertEquals("", r[1], "nothing on stdout: " + what);
            assertTrue(r[2].endsWith("\n") && r[2].indexOf('\n') == r[2].length() - 1, "exactly one line: " + what);
            String line = r[2].substring(0, r[2].length() - 1).replace(tmp.toString() + "/", "")
                    .replace(tmp.toRealPath().toString() + "/", "");
            assertTrue(matches(row.stderr(), line), "README line " + row.line() + " says\n  " + row.stderr()
                    + "\nthe CLI says\n  " + line);
            for (String bad : List.of("Exception", "\tat ", "\u001b")) {
                assertFalse(line.contains(bad), "'" + bad + "' in " + what);
            }
        } finally {
            if (busy != null) {
                busy.close();
            }
        }
    }

    /** A fixture name (alone, or as the first part of a path such as afile/v.bin) becomes its file here. */
    private static String fixture(String arg) {
        String head = arg.contains("/") ? arg.substring(0, arg.indexOf('/')) : arg;
        if (FIXTURES.containsKey(head) || NAMES.contains(head)) {
            return tmp.resolve(arg).toString();
        }
        return arg;
    }

    /** {@code pattern} with {@code …} as a wildcard matches the whole {@code line}. */
    static boolean matches(String pattern, String line) {
        String[] parts = pattern.split("…", -1);
        if (!line.startsWith(parts[0])) {
            return false;
        }
        int at = parts[0].length();
        for (int i = 1; i < parts.length; i++) {
            if (i == parts.length - 1) {
                return line.length() - parts[i].length() >= at && line.endsWith(parts[i]);
            }
            int k = line.indexOf(parts[i], at);
            if (k < 0) {
                return false;
            }
            at = k + parts[i].length();
        }
        return at == line.length();
    }

    @Test
    void theMatcherIsStrict() {
        assertTrue(matches("error: a … b", "error: a x y b"));
        assertTrue(matches("error: exact", "error: exact"));
        assertFalse(matches("error: exact", "error: exact and more"));
        assertFalse(matches("error: a … b", "error: a x y"));
        assertFalse(matches("error: … b … c", "error: c b"));
    }
}
