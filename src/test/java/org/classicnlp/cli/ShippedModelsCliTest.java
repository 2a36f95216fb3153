package org.classicnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.classicnlp.TestData;
import org.classicnlp.word2vec.PackedVectors;
import org.classicnlp.word2vec.WordVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped vectors and IDF tables through the CLI: --vectors zh|en, keywords --model zh|en, w2v train --init. */
class ShippedModelsCliTest {

    @TempDir
    Path tmp;

    @Test
    void keywordsOnASingleDocumentWithTheShippedIdf() {
        String[] zh = CliTest.run("自然语言处理是人工智能的一个重要分支，研究计算机如何理解人类语言。\n", "keywords", "--model", "zh",
                "--input", "-", "--top", "3", "--quiet");
        assertEquals("0", zh[0], zh[2]);
        List<String> rows = zh[1].lines().toList();
        assertEquals(3, rows.size(), zh[1]);
        List<String> terms = rows.stream().map(r -> r.split("\t")[2]).toList();
        assertTrue(terms.contains("人工智能") || terms.contains("语言"), terms.toString());
        // one document, so idf from the input alone could not rank anything: the table does
        String[] en = CliTest.run("The volcano erupted and lava flowed into the village.\n", "keywords", "--model", "en",
                "--input", "-", "--top", "4", "--quiet");
        assertEquals("0", en[0], en[2]);
        List<String> enTerms = en[1].lines().map(r -> r.split("\t")[2]).toList();
        // the rarer content words outrank the common ones; the function words are last
        assertTrue(enTerms.contains("volcano") && enTerms.contains("lava"), enTerms.toString());
        assertTrue(!enTerms.contains("the") && !enTerms.contains("and"), enTerms.toString());
        // a model file that does not exist is still an error naming it
        String[] missing = CliTest.run("x\n", "keywords", "--model", tmp.resolve("none.tfidf").toString(), "--input", "-");
        assertEquals("1", missing[0]);
        assertTrue(missing[2].startsWith("error:") && missing[2].contains("none.tfidf"), missing[2]);
    }

    @Test
    void w2vCommandsNameTheShippedVectors() throws java.io.IOException {
        String[] similar = CliTest.run("", "w2v", "similar", "--vectors", "en", "france", "--top", "5");
        assertEquals("0", similar[0], similar[2]);
        assertEquals(5, similar[1].lines().count());
        String[] zh = CliTest.run("", "w2v", "similar", "--vectors", "zh", "北京", "--top", "3");
        assertEquals("0", zh[0], zh[2]);
        assertEquals(3, zh[1].lines().count());
        String[] analogy = CliTest.run("", "w2v", "analogy", "--vectors", "en", "man", "king", "woman", "--top", "3");
        assertEquals("0", analogy[0], analogy[2]);
        Path q = tmp.resolve("q.txt");
        java.nio.file.Files.writeString(q, ": capital\n北京 中国 东京 日本\n巴黎 法国 伦敦 英国\n");
        String[] eval = CliTest.run("", "w2v", "eval", "--vectors", "zh", "--analogy", q.toString(), "-q");
        assertEquals("0", eval[0], eval[2]);
        assertTrue(eval[1].matches("(?s)analogy\t[0-9.]+\t[0-2]/2\n.*"), eval[1]);
    }

    @Test
    void trainInitContinuesFromVectorsAndRefusesAnotherAnalysis() {
        Path base = tmp.resolve("base.bin");
        Path packed = tmp.resolve("base.packed");
        String[] r = CliTest.run("", "w2v", "train", "--input", TestData.corpus("w2v-toy.txt").toString(), "--output",
                base.toString(), "--packed", packed.toString(), "--model", "sg", "--dim", "16", "--epochs", "3",
                "--min-count", "2", "--threads", "1", "--tokenizer", "whitespace", "-q");
        assertEquals("0", r[0], r[2]);
        PackedVectors p = PackedVectors.load(packed);
        assertEquals(16, p.vectors().dimension());
        Path adapted = tmp.resolve("adapted.bin");
        Path more = tmp.resolve("more.txt");
        String[] a = CliTest.run("", "w2v", "train", "--input", TestData.corpus("wiki-sample.txt").toString(),
                "--output", adapted.toString(), "--init", packed.toString(), "--min-count", "2", "--epochs", "1",
                "--threads", "1", "-q");
        assertEquals("0", a[0], a[2]);
        WordVectors v = WordVectors.load(adapted);
        assertEquals(16, v.dimension(), "the dimension comes from --init");
        assertEquals(p.vectors().words(), v.words().subList(0, p.vectors().size()));
        assertTrue(v.size() > p.vectors().size(), "new words from the wiki sample were added");
        // the analysis is the initial vectors': tokenizer options are refused, as is another dimension
        String[] bad = CliTest.run("", "w2v", "train", "--input", TestData.corpus("wiki-sample.txt").toString(),
                "--output", more.toString(), "--init", packed.toString(), "--lowercase");
        assertEquals("2", bad[0]);
        assertTrue(bad[2].startsWith("error: --lowercase cannot be combined with --init"), bad[2]);
        String[] dim = CliTest.run("", "w2v", "train", "--input", TestData.corpus("wiki-sample.txt").toString(),
                "--output", more.toString(), "--init", packed.toString(), "--dim", "20");
        assertEquals("2", dim[0]);
        assertTrue(dim[2].contains("--dim 20 differs from the --init vectors' dimension 16"), dim[2]);
        String[] bits = CliTest.run("", "w2v", "train", "--input", TestData.corpus("w2v-toy.txt").toString(),
                "--output", more.toString(), "--packed", packed.toString(), "--packed-bits", "9");
        assertEquals("2", bits[0]);
        assertTrue(bits[2].contains("--packed-bits must be 4 to 8"), bits[2]);
        String[] none = CliTest.run("", "w2v", "train", "--input", TestData.corpus("w2v-toy.txt").toString(),
                "--output", more.toString(), "--init", tmp.resolve("none.bin").toString());
        assertEquals("1", none[0]);
        assertTrue(none[2].contains("none.bin"), none[2]);
    }
}
