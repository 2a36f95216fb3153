package org.classicnlp.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.classicnlp.TestData;
import org.classicnlp.core.CorpusFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconTest {

    @TempDir
    Path tmp;

    @Test
    void longestMatchInBothDirections() {
        Lexicon l = LexiconLoaders.wordList(TestData.corpus("words-sample.txt"));
        char[] text = "研究生命起源".toCharArray();
        assertEquals(3, l.longestForward(text, 0, text.length, null), "研究生");
        assertEquals(2, l.longestBackward(text, 6, 0, null), "起源");
        assertEquals(2, l.longestBackward(text, 4, 0, null), "生命");
        assertEquals(3, l.longestBackward(text, 3, 0, null), "研究生");
        int[] ends = new int[8];
        int[] ids = new int[8];
        char[] prc = "中华人民共和国".toCharArray();
        int n = l.prefixMatches(prc, 0, prc.length, ends, ids);
        assertEquals(2, n);
        assertEquals(2, ends[0]);
        assertEquals(7, ends[1]);
        assertEquals("中华人民共和国", l.word(ids[1]));
    }

    @Test
    void fullWidthAndAsciiFormsMatchEachOther() {
        Lexicon l = LexiconLoaders.wordList(TestData.corpus("words-sample.txt"));
        assertTrue(l.contains("1998年"));
        assertTrue(l.contains("１９９８年"));
        char[] folded = CharNormalizer.foldWidth("1998年的").toCharArray();
        assertEquals(5, l.longestForward(folded, 0, folded.length, null));
    }

    @Test
    void anExactLexiconKeepsFullWidthAndAsciiFormsApart() {
        Lexicon l = LexiconLoaders.wordList(TestData.corpus("words-sample.txt"), false);
        assertFalse(l.foldsWidth());
        assertTrue(l.contains("１９９８年"));
        assertFalse(l.contains("1998年"));
        char[] ascii = "1998年的".toCharArray();
        assertEquals(0, l.longestForward(ascii, 0, ascii.length, null));
        char[] full = "１９９８年的".toCharArray();
        assertEquals(5, l.longestForward(full, 0, full.length, null));
        assertEquals(5, l.longestBackward(full, 5, 0, null));
        // Merged with a folding lexicon, the result folds.
        assertTrue(l.merge(Lexicon.ofWords("t", List.of("x"))).contains("1998年"));
    }

    @Test
    void exactLexiconRoundTripsThroughSaveAndLoad() throws IOException {
        Path file = tmp.resolve("exact.lexicon");
        LexiconLoaders.userDictionary(TestData.corpus("user-dict-sample.txt"), false).save(file);
        Lexicon r = Lexicon.load(file);
        assertFalse(r.foldsWidth());
        Path folded = tmp.resolve("folded.lexicon");
        LexiconLoaders.wordList(TestData.corpus("words-sample.txt")).save(folded);
        assertTrue(Lexicon.load(folded).foldsWidth());
        // The body is stored plain (the lexicon image is read at every CLI start): its name is readable.
        String bytes = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(bytes.startsWith("CNLPMODL") && bytes.contains("user-dict-sample.txt"), bytes.substring(0, 40));
    }

    @Test
    void boundariesRestrictWhereMatchesMayEnd() {
        Lexicon l = Lexicon.ofWords("t", List.of("ab", "abcd"));
        char[] text = "abcde".toCharArray();
        boolean[] boundary = {true, false, true, false, false, true};
        assertEquals(2, l.longestForward(text, 0, 5, boundary));
        assertEquals(4, l.longestForward(text, 0, 5, null));
    }

    @Test
    void userDictionaryReadsFrequenciesAndTags() {
        Lexicon l = LexiconLoaders.userDictionary(TestData.corpus("user-dict-sample.txt"));
        assertEquals(4, l.size());
        assertEquals(120, l.frequency("研究生"));
        assertEquals(80, l.frequency("起源"));
        assertEquals(List.of("nt"), l.entry(l.id("北京大学")).tags());
        assertEquals(550, l.totalFrequency());
    }

    @Test
    void userDictionaryRejectsNegativeFrequencyWithLine() throws IOException {
        Path bad = tmp.resolve("dict.txt");
        Files.writeString(bad, "好 3\n坏 -2 a\n");
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> LexiconLoaders.userDictionary(bad));
        assertEquals(2, e.line());
    }

    @Test
    void mergeAddsFrequenciesAndTagCounts() {
        Lexicon a = Lexicon.of("a", List.of(new Lexicon.Entry("中国", 10, List.of("ns"), List.of(10L))));
        Lexicon b = Lexicon.of("b", List.of(new Lexicon.Entry("中国", 5, List.of("ns", "n"), List.of(4L, 1L)),
                Lexicon.Entry.of("人民", 2)));
        Lexicon m = a.merge(b);
        assertEquals(2, m.size());
        assertEquals(15, m.frequency("中国"));
        assertEquals(List.of(14L, 1L), m.entry(m.id("中国")).tagFrequencies());
        assertEquals(17, m.totalFrequency());
        assertEquals(10, a.frequency("中国"), "inputs unchanged");
    }

    @Test
    void twoLexiconsLiveSideBySide() {
        Lexicon one = Lexicon.ofWords("one", List.of("研究生"));
        Lexicon two = Lexicon.ofWords("two", List.of("研究", "生命"));
        assertTrue(one.contains("研究生"));
        assertFalse(two.contains("研究生"));
        assertFalse(one.contains("研究"));
    }

    @Test
    void hanlpCoreDictionaryIsRecoveredInFull() {
        Lexicon core = LexiconLoaders.hanlpCore();
        assertTrue(core.size() > 80_000, "size " + core.size());
        assertTrue(core.contains("中华人民共和国"));
        assertTrue(core.frequency("的") > 10_000);
        assertTrue(core.entry(core.id("程序")).tags().contains("n"));
        assertTrue(core.maxWordLength() >= 7);
    }

    @Test
    void saveAndLoadRoundTrip() {
        Lexicon l = LexiconLoaders.userDictionary(TestData.corpus("user-dict-sample.txt"))
                .merge(LexiconLoaders.wordList(TestData.corpus("words-sample.txt")));
        Path file = tmp.resolve("x.lexicon");
        l.save(file);
        Lexicon r = Lexicon.load(file);
        assertEquals(l.entries(), r.entries());
        assertEquals(l.totalFrequency(), r.totalFrequency());
        char[] text = "研究生命起源".toCharArray();
        assertEquals(l.longestBackward(text, 4, 0, null), r.longestBackward(text, 4, 0, null));
        assertEquals(l.longestForward(text, 0, 6, null), r.longestForward(text, 0, 6, null));
    }

    @Test
    void truncatedForeignOrDamagedFilesAreRejectedNamingFileAndPlace() throws IOException {
        Path file = tmp.resolve("x.lexicon");
        LexiconLoaders.wordList(TestData.corpus("words-sample.txt")).save(file);
        Path hmm = tmp.resolve("hmm.bin");
        org.classicnlp.segment.HmmModel.defaultModel().save(hmm);
        org.classicnlp.core.ModelFileChecks.assertRejectsDamage(Files.createDirectories(tmp.resolve("damage")), file,
                "lexicon", Lexicon::load, hmm);
    }

    @Test
    void builtImageOfHanlpCoreEqualsTheDictionaryRecoveredFromHanlp() {
        assertTrue(LexiconLoaders.class.getResource(LexiconLoaders.HANLP_IMAGE_RESOURCE) != null,
                "the build writes the HanLP core lexicon image (exec-maven-plugin, process-classes)");
        Lexicon image = LexiconLoaders.hanlpCore();
        Lexicon recovered = LexiconLoaders.loadHanlpCore();
        assertEquals(recovered.size(), image.size());
        assertEquals(recovered.totalFrequency(), image.totalFrequency());
        for (int id = 0; id < recovered.size(); id += 97) {
            assertEquals(recovered.entry(id), image.entry(image.id(recovered.word(id))));
        }
    }
}
