package org.classicnlp.pos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Sentence;
import org.classicnlp.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The character profile of the ambiguity lexicon (feature version 5) and its templates. */
class CharProfileTest {

    // tag indices: 0 = n, 1 = v, 2 = a
    private static final Map<String, byte[]> LEXICON = Map.of(
            "邮局", new byte[] {0},
            "警察局", new byte[] {0},
            "书局", new byte[] {0},
            "结局", new byte[] {0, 1},
            "绿化", new byte[] {1},
            "局", new byte[] {0},
            "cat", new byte[] {0});

    @Test
    void countsTheTagsOfTheWordsEndingAndBeginningWithAChar() {
        CharProfile p = CharProfile.of(LEXICON, 3);
        // an unseen word ending in 局: the four 局 words, n four times, v once
        assertArrayEquals(new int[] {4, 1, 0, 4}, p.last("公安局"));
        assertArrayEquals(new int[] {1, 0, 0, 1}, p.first("书店"));
        assertNull(p.last("太好"), "no lexicon word ends with 好");
        assertNull(p.first("cats"), "words of other scripts have no profile");
    }

    @Test
    void aLexiconWordsOwnEntryIsLeftOut() {
        CharProfile p = CharProfile.of(LEXICON, 3);
        assertArrayEquals(new int[] {3, 0, 0, 3}, p.last("结局"), "结局's own n and v left out");
        assertArrayEquals(new int[] {3, 1, 0, 3}, p.last("邮局"));
        assertNull(p.last("绿化"), "绿化 is the only word ending in 化");
        assertNull(p.first("书局"), "书局 is the only word beginning with 书");
    }

    @Test
    void topTellsTheTagAndHowSureItIs() {
        long sure = CharProfile.top(new int[] {20, 0, 0, 20});
        long mixed = CharProfile.top(new int[] {11, 9, 0, 20});
        long few = CharProfile.top(new int[] {1, 0, 0, 1});
        assertEquals(1, sure >> 4, "tag n (index 0) + 1");
        assertEquals(1, mixed >> 4);
        assertNotEquals(sure, mixed, "share above 4/5 vs just over 1/2");
        assertNotEquals(sure, few, "20 words vs one");
        assertEquals(2, CharProfile.top(new int[] {0, 5, 1, 5}) >> 4, "tag v");
        assertEquals(CharProfile.mainTags(new int[] {10, 10, 1, 20}), CharProfile.mainTags(new int[] {3, 3, 0, 6}));
        assertNotEquals(CharProfile.mainTags(new int[] {10, 10, 1, 20}), CharProfile.mainTags(new int[] {10, 1, 1, 12}));
    }

    @Test
    void profileTemplatesFireOnHanWordsOnlyAndNeverWithoutAProfile() {
        CharProfile p = CharProfile.of(LEXICON, 3);
        String[] words = {"公安局", "cats", "局", "太好"};
        long[] classes = {Features.UNKNOWN_CLASS, Features.UNKNOWN_CLASS, Features.UNKNOWN_CLASS,
            Features.UNKNOWN_CLASS};
        long[] with = new long[words.length * Features.STRIDE];
        long[] without = new long[words.length * Features.STRIDE];
        Features.words(words, classes, p, with);
        Features.words(words, classes, CharProfile.NONE, without);
        int s = Features.STRIDE;
        int fired = 0;
        for (int k = Features.PROFILE_FROM; k < Features.STATIC; k++) {
            fired += with[k] != 0 ? 1 : 0;
            assertEquals(0, with[s + k], "cats, slot " + k);
            assertEquals(0, with[2 * s + k], "a one-char word, slot " + k);
            for (int i = 0; i < words.length; i++) {
                assertEquals(0, without[i * s + k], words[i] + " without a profile, slot " + k);
            }
        }
        assertTrue(fired >= 4, "公安局: " + fired + " profile templates fired");
        // every other slot is what it was without the profile (version-4 features unchanged)
        for (int i = 0; i < words.length; i++) {
            for (int k = 0; k < Features.STRIDE; k++) {
                if (k < Features.PROFILE_FROM || k >= Features.STATIC) {
                    assertEquals(without[i * s + k], with[i * s + k], words[i] + " slot " + k);
                }
            }
        }
        // unseen words ending in 局 share the last-char profile features
        long[] other = new long[Features.STRIDE];
        Features.words(new String[] {"教育局"}, new long[] {Features.UNKNOWN_CLASS}, p, other);
        assertEquals(with[Features.PROFILE_FROM], other[Features.PROFILE_FROM]);
        assertEquals(with[Features.PROFILE_FROM + 5], other[Features.PROFILE_FROM + 5], "局 alone is n");
    }

    @Test
    void olderModelsComputeNoProfileAndAModelKeepsItsVersion(@TempDir Path dir) {
        PerceptronTagger english = Taggers.english(Taggers.EnglishTags.UPOS);   // a version-3 file
        assertEquals(3, english.featureVersion());
        assertTrue(english.charProfile().isEmpty());
        PerceptronTagger chinese = Taggers.chinese();
        assertEquals(Features.VERSION, chinese.featureVersion());
        assertFalse(chinese.charProfile().isEmpty());
        Corpus<Sentence> pd = Corpora.peoplesDaily(TestData.corpus("pos-train.pd98.txt"));
        PerceptronTagger small = PerceptronTrainer.builder().epochs(3).build().fit(pd);
        assertFalse(small.charProfile().isEmpty());
        Path file = dir.resolve("small.bin");
        small.save(file);
        PerceptronTagger back = PerceptronTagger.load(file);
        assertEquals(Features.VERSION, back.featureVersion());
        pd.forEach(s -> assertEquals(small.tagWords(s.words()), back.tagWords(s.words()), s.words().toString()));
        List<String> unseen = List.of("公安局", "决定", "绿化", "城市");
        assertEquals(small.tagWords(unseen), back.tagWords(unseen));
    }
}
