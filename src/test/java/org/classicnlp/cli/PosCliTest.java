package org.classicnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.classicnlp.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosCliTest {

    private static final String PD = TestData.corpus("pos-train.pd98.txt").toString();
    private static final String UD = TestData.corpus("pos-sample.conllu").toString();

    @Test
    void trainTagAndScore(@TempDir Path dir) throws IOException {
        for (String algo : new String[] {"perceptron", "hmm"}) {
            Path model = dir.resolve(algo + ".bin");
            String[] r = CliTest.run("", "train-tagger", "--algo", algo, "--input-format", "pd98", "--corpus", PD,
                    "--output", model.toString(), "-q");
            assertEquals("0", r[0], r[2]);
            Path input = dir.resolve("in.txt");
            Files.writeString(input, "他 在 上海 学习 。\n\n他  喜欢 新闻 。\n", StandardCharsets.UTF_8);
            r = CliTest.run("", "tag", "--model", model.toString(), "--pretokenized", "--threads", "2", input.toString());
            assertEquals("0", r[0], r[2]);
            assertEquals("他/r 在/p 上海/ns 学习/v 。/w\n\n他/r 喜欢/v 新闻/n 。/w\n", r[1], algo);

            Path gold = dir.resolve("gold.txt");
            Files.writeString(gold, "他/r 在/p 上海/ns 学习/n 。/w\n\n他/r 喜欢/v 新闻/n 。/w\n", StandardCharsets.UTF_8);
            Path pred = dir.resolve("pred.txt");
            Files.writeString(pred, r[1], StandardCharsets.UTF_8);
            r = CliTest.run("", "score-tags", "--gold", gold.toString(), "--pred", pred.toString(), "--train", PD);
            assertEquals("0", r[0], r[2]);
            assertTrue(r[1].contains("tokens\t9\n"), r[1]);
            assertTrue(r[1].contains("accuracy\t0.8889\n"), r[1]);
            assertTrue(r[1].contains("unknown tokens\t0\nunknown accuracy\tn/a\n"), r[1]);
        }
        Path en = dir.resolve("en.bin");
        String[] r = CliTest.run("", "train-tagger", "--algo", "perceptron", "--input-format", "conllu", "--column",
                "xpos", "--corpus", UD, "--dev", UD, "--epochs", "3", "--stacked", "--output", en.toString(), "-q");
        assertEquals("0", r[0], r[2]);
        r = CliTest.run("The cat sleeps .\n", "tag", "--model", en.toString(), "--pretokenized");
        assertEquals("The/DT cat/NN sleeps/VBZ ./.\n", r[1]);
    }

    @Test
    void shippedModelsNeedNoFiles() {
        String[] r = CliTest.run("我们今天去北京学习中文。\n", "tag", "--lang", "zh");
        assertEquals("0", r[0], r[2]);
        String line = r[1].strip();
        assertTrue(line.startsWith("我们/r "), line);
        assertTrue(line.contains("北京/ns"), line);
        assertTrue(line.endsWith("。/w"), line);
        r = CliTest.run("The dog barked at the mailman.\n", "tag", "--lang", "en");
        assertEquals("0", r[0], r[2]);
        assertEquals("The/DET dog/NOUN barked/VERB at/ADP the/DET mailman/NOUN ./PUNCT\n", r[1]);
        r = CliTest.run("The dog barked .\n", "tag", "--lang", "en", "--tagset", "xpos", "--pretokenized");
        assertEquals("The/DT dog/NN barked/VBD ./.\n", r[1]);
    }

    @Test
    void badUsageAndFailures(@TempDir Path dir) throws IOException {
        String out = dir.resolve("m.bin").toString();
        for (String[] args : new String[][] {
            {"train-tagger", "--algo", "crf", "--input-format", "pd98", "--corpus", PD, "--output", out},
            {"train-tagger", "--algo", "hmm", "--input-format", "sighan", "--corpus", PD, "--output", out},
            {"train-tagger", "--algo", "hmm", "--input-format", "conllu", "--column", "lemma", "--corpus", UD, "--output", out},
            {"train-tagger", "--algo", "hmm", "--input-format", "conllu", "--days", "1-3", "--corpus", UD, "--output", out},
            {"train-tagger", "--algo", "hmm", "--input-format", "pd98", "--days", "5-2", "--corpus", PD, "--output", out},
            {"train-tagger", "--algo", "perceptron", "--input-format", "pd98", "--epochs", "0", "--corpus", PD, "--output", out},
            {"train-tagger", "--algo", "perceptron", "--input-format", "pd98", "--dict-min-ratio", "1.5", "--corpus", PD, "--output", out},
            {"tag", "--lang", "fr"},
            {"tag", "--threads", "0"},
            {"score-tags", "--gold", PD},
        }) {
            String[] r = CliTest.run("", args);
            assertEquals("2", r[0], String.join(" ", args) + ": " + r[2]);
        }
        String[] r = CliTest.run("", "train-tagger", "--algo", "hmm", "--input-format", "pd98", "--corpus", "no/such.txt",
                "--output", out);
        assertEquals("1", r[0]);
        Path notModel = dir.resolve("notes.txt");
        Files.writeString(notModel, "hello\n", StandardCharsets.UTF_8);
        r = CliTest.run("a b\n", "tag", "--model", notModel.toString(), "--pretokenized");
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("not a ClassicNLP model"), r[2]);
        Path gold = dir.resolve("gold.txt");
        Files.writeString(gold, "a/x b/y\nc/x d/y\n", StandardCharsets.UTF_8);
        Path pred = dir.resolve("pred.txt");
        Files.writeString(pred, "a/x b/y\nc/x e/y\n", StandardCharsets.UTF_8);
        r = CliTest.run("", "score-tags", "--gold", gold.toString(), "--pred", pred.toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("line 2 is misaligned") && r[2].contains("'d' in --gold, 'e' in --pred"), r[2]);
        Files.writeString(pred, "a/x b/y\n", StandardCharsets.UTF_8);
        r = CliTest.run("", "score-tags", "--gold", gold.toString(), "--pred", pred.toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("line 2"), r[2]);
    }

    @Test
    void keywordsByPartOfSpeech(@TempDir Path dir) throws IOException {
        Path docs = dir.resolve("docs.txt");
        Files.writeString(docs, "我们今天在北京讨论经济发展的问题。\n他们明天去上海参观工厂。\n", StandardCharsets.UTF_8);
        String[] all = CliTest.run("", "keywords", "--input", docs.toString(), "--top", "20", "-q");
        assertEquals("0", all[0], all[2]);
        String[] nouns = CliTest.run("", "keywords", "--input", docs.toString(), "--top", "20", "--pos", "n,ns", "-q");
        assertEquals("0", nouns[0], nouns[2]);
        Set<String> allRows = Set.of(all[1].split("\n"));
        String[] rows = nouns[1].split("\n");
        assertTrue(rows.length > 0 && rows.length < allRows.size(), nouns[1]);
        for (String row : rows) {
            String term = row.split("\t")[2];
            assertTrue(!term.equals("我们") && !term.equals("今天") && !term.equals("讨论"), row);
        }
        assertTrue(nouns[1].contains("\t北京\t"), nouns[1]);
    }
}
