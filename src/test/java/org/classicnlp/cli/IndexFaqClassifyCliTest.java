package org.classicnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.classicnlp.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** index build/search, faq, classify train/eval/predict and cluster through the CLI. */
class IndexFaqClassifyCliTest {

    @TempDir
    Path tmp;

    @Test
    void bm25IndexBuildAndSearch() throws IOException {
        Path dir = tmp.resolve("idx");
        String[] b = CliTest.run("", "index", "build", "--embedder", "bm25", "--input",
                TestData.corpus("news-zh-en.txt").toString(), "--output", dir.toString());
        assertEquals("0", b[0], b[2]);
        Path q = tmp.resolve("q.txt");
        Files.writeString(q, "上海港集装箱\nzzzz\n空气质量\n");
        String[] s = CliTest.run("", "index", "search", "--index", dir.toString(), "--top", "2", "--queries", q.toString());
        assertEquals("0", s[0], s[2]);
        List<String> lines = s[1].lines().toList();
        assertTrue(lines.size() >= 2, s[1]);
        for (String l : lines) {
            assertTrue(l.matches("[02]\t[12]\t\\d+\t[0-9.]+"), l);
        }
        // line 1 of the corpus (0-based) is the Shanghai port document; line 0 the air quality report
        assertTrue(lines.get(0).startsWith("0\t1\t1\t"), lines.get(0));
        assertTrue(s[1].contains("\n2\t1\t0\t"), s[1]);
        String[] args = CliTest.run("", "index", "search", "--index", dir.toString(), "空气质量");
        assertTrue(args[1].startsWith("0\t1\t0\t"), args[1]);
    }

    @Test
    void badIndexUsage() {
        String[] unknown = CliTest.run("", "index", "build", "--embedder", "no-such-embedder", "--input",
                TestData.corpus("news-zh-en.txt").toString(), "--output", tmp.resolve("x").toString());
        assertEquals("2", unknown[0]);
        assertTrue(unknown[2].startsWith("error: --embedder: unknown embedder 'no-such-embedder'"), unknown[2]);
        String[] notIndex = CliTest.run("", "index", "search", "--index", tmp.toString(), "q");
        assertEquals("1", notIndex[0]);
        assertTrue(notIndex[2].contains("not a directory written by 'index build'"), notIndex[2]);
        String[] both = CliTest.run("", "index", "search", "--index", tmp.toString());
        assertEquals("2", both[0], both[2]);
    }

    @Test
    void faqAnswersOneLinePerQuestion() {
        String faq = TestData.corpus("faq-zh.jsonl").toString();
        String[] r = CliTest.run("我忘记密码了怎么办？\n\n完全无关的内容xyz\n", "faq", "--faq", faq);
        assertEquals("0", r[0], r[2]);
        List<String> lines = r[1].lines().toList();
        assertEquals(3, lines.size(), r[1]);
        assertTrue(lines.get(0).matches("[0-9.]+\t在登录页点击“忘记密码”.*"), lines.get(0));
        assertTrue(lines.get(1).startsWith("0.000000\t"), lines.get(1));
        String[] strict = CliTest.run("我忘记密码了怎么办？\n", "faq", "--faq", faq, "--threshold", "1000",
                "--no-answer", "不知道");
        assertTrue(strict[1].matches("[0-9.]+\t不知道\n"), strict[1]);
        String[] negative = CliTest.run("我忘记密码了怎么办？\n", "faq", "--faq", faq, "--threshold", "-1e3");
        assertTrue(negative[1].contains("忘记密码"), negative[1]);
        // hybrid at weight 0 is BM25's ranking (scores divided by the best one); the embedder alone at 1
        String[] bm25 = CliTest.run("我忘记密码了怎么办？\n怎样联系客服\n", "faq", "--faq", faq);
        String[] hybrid0 = CliTest.run("我忘记密码了怎么办？\n怎样联系客服\n", "faq", "--faq", faq, "--embedder",
                "tfidf-hash-zh-1024", "--hybrid", "0");
        assertEquals("0", hybrid0[0], hybrid0[2]);
        assertEquals(bm25[1].lines().map(l -> l.split("\t", 2)[1]).toList(),
                hybrid0[1].lines().map(l -> l.split("\t", 2)[1]).toList());
        assertTrue(hybrid0[1].startsWith("1.000000\t"), hybrid0[1]);
        String[] dense = CliTest.run("我忘记密码了怎么办？\n", "faq", "--faq", faq, "--embedder", "tfidf-hash-zh-1024");
        String[] hybrid1 = CliTest.run("我忘记密码了怎么办？\n", "faq", "--faq", faq, "--embedder", "tfidf-hash-zh-1024",
                "--hybrid", "1");
        assertEquals(dense[1], hybrid1[1]);
        String[] badHybrid = CliTest.run("x\n", "faq", "--faq", faq, "--hybrid", "0.5");
        assertEquals("2", badHybrid[0]);
        assertTrue(badHybrid[2].startsWith("error: --hybrid needs an embedder"), badHybrid[2]);
        String[] outOfRange = CliTest.run("x\n", "faq", "--faq", faq, "--embedder", "tfidf-hash-zh-1024", "--hybrid", "2");
        assertEquals("2", outOfRange[0], outOfRange[2]);
    }

    @Test
    void classifyTrainEvalPredict() throws IOException {
        Path model = tmp.resolve("m.bin");
        String[] t = CliTest.run("", "classify", "train", "--algo", "nb", "--input-format", "jsonl", "--input",
                TestData.corpus("classify-train.jsonl").toString(), "--output", model.toString());
        assertEquals("0", t[0], t[2]);
        String[] e = CliTest.run("", "classify", "eval", "--model", model.toString(), "--input-format", "jsonl",
                "--input", TestData.corpus("classify-train.jsonl").toString());
        assertEquals("0", e[0], e[2]);
        assertEquals("1.0000\t1.0000\t24\n", e[1]);
        String[] p = CliTest.run("the goalkeeper saved the match\nbake the cake in the oven\n", "classify", "predict",
                "--model", model.toString());
        assertEquals("0\tsports\n1\tfood\n", p[1], p[2]);
        String[] opts = CliTest.run("", "classify", "train", "--algo", "svm", "--input", TestData.corpus("classify-train.jsonl").toString(),
                "--output", model.toString(), "--tfidf", "sublinear_tf=false ngram_range=1,2 min_df=1");
        assertEquals("0", opts[0], opts[2]);
        for (String algo : List.of("svm", "logreg")) {
            String[] tuned = CliTest.run("", "classify", "train", "--algo", algo, "--input",
                    TestData.corpus("classify-train.jsonl").toString(), "--output", model.toString(), "--C", "2",
                    "--max-iter", "50", "--tol", "1e-3", "--seed", "3");
            assertEquals("0", tuned[0], tuned[2]);
            String[] ev = CliTest.run("", "classify", "eval", "--model", model.toString(), "--input",
                    TestData.corpus("classify-train.jsonl").toString());
            assertEquals("1.0000\t1.0000\t24\n", ev[1], algo);
        }
        String[] badTol = CliTest.run("", "classify", "train", "--algo", "svm", "--input",
                TestData.corpus("classify-train.jsonl").toString(), "--output", model.toString(), "--tol", "0");
        assertEquals("2", badTol[0], badTol[2]);
        String[] bad = CliTest.run("", "classify", "train", "--algo", "tree", "--input", TestData.corpus("classify-train.jsonl").toString(),
                "--output", model.toString());
        assertEquals("2", bad[0]);
        assertTrue(bad[2].startsWith("error: --algo: unknown algorithm 'tree'"), bad[2]);
        String[] badTfidf = CliTest.run("", "classify", "train", "--input", TestData.corpus("classify-train.jsonl").toString(),
                "--output", model.toString(), "--tfidf", "min_df=x");
        assertEquals("2", badTfidf[0]);
        assertTrue(badTfidf[2].contains("min_df"), badTfidf[2]);
        Path unlabelled = tmp.resolve("u.jsonl");
        Files.writeString(unlabelled, "{\"text\":\"no label here\"}\n{\"text\":\"x\",\"label\":\"a\"}\n");
        String[] noLabel = CliTest.run("", "classify", "train", "--input", unlabelled.toString(), "--output", model.toString());
        assertEquals("1", noLabel[0]);
        assertTrue(noLabel[2].contains("has no 'label' field"), noLabel[2]);
    }

    @Test
    void clusterNeedsAKnownEmbedder() {
        String[] r = CliTest.run("", "cluster", "--k", "2", "--embedder", "no-such", "--input",
                TestData.corpus("news-zh-en.txt").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].startsWith("error: --embedder: unknown embedder"), r[2]);
    }
}
