package org.classicnlp.pos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.classicnlp.TestData;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Sentence;
import org.junit.jupiter.api.Test;

/**
 * The template groups declared in {@link Features} (which the tagger's fast path, {@link WordScores}, relies
 * on) say the truth: a slot declared to depend on one word, or on tags alone, or on a tag and one word,
 * takes the same value in every sentence where that word (those tags) are the same, and one value per slot
 * when the word falls outside the sentence. Checked on the sample corpora's words, in random sentences of
 * 1-7 words (words seen by the shipped Chinese model's lexicon get their real ambiguity classes).
 */
class FeatureGroupsTest {

    private static final int S = Features.STRIDE;

    private static List<String> vocabulary() {
        List<String> words = new ArrayList<>();
        for (var c : List.of(Corpora.peoplesDaily(TestData.corpus("pos-train.pd98.txt")),
                Corpora.conllu(TestData.corpus("pos-sample.conllu"), Corpora.ConlluColumn.UPOS))) {
            c.forEach((Sentence s) -> words.addAll(s.words()));
        }
        words.addAll(List.of("Hello", "WORLD", "3.14", "1998年", "ａｂｃ", "x", "中华人民共和国", "-", "'s"));
        return words;
    }

    private record Sent(String[] words, long[] classes, long[] stat, Features.Words w) {
        static Sent of(String[] words, PerceptronTagger lexicon) {
            long[] classes = new long[words.length];
            for (int i = 0; i < words.length; i++) {
                classes[i] = lexicon.ambiguityClass(words[i]);
            }
            long[] stat = new long[words.length * S];
            return new Sent(words, classes, stat, Features.words(words, classes, stat));
        }

        static Sent copies(String word, int n, PerceptronTagger lexicon) {
            String[] words = new String[n];
            java.util.Arrays.fill(words, word);
            return of(words, lexicon);
        }
    }

    @Test
    void declaredGroupsHold() {
        PerceptronTagger zh = Taggers.chinese();
        List<String> vocab = vocabulary();
        Random r = new Random(11);
        long[] dynA = new long[Features.DYNAMIC];
        long[] dynB = new long[Features.DYNAMIC];
        Sent one = Sent.of(new String[] {"y"}, zh);
        int checked = 0;
        for (int round = 0; round < 400; round++) {
            String[] words = new String[1 + r.nextInt(7)];
            for (int i = 0; i < words.length; i++) {
                words[i] = vocab.get(r.nextInt(vocab.size()));
            }
            int n = words.length;
            Sent s = Sent.of(words, zh);
            int[] right = r.ints(n, 0, 30).toArray();
            Features.right(s.w, right, s.stat);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < Features.STATIC; k++) {
                    int d = Features.staticWord(k);
                    if (d == Features.MANY) {
                        continue;
                    }
                    int j = i + d;
                    long want = j >= 0 && j < n ? Sent.copies(words[j], 5, zh).stat[2 * S + k] : one.stat[k];
                    assertEquals(want, s.stat[i * S + k], "static slot " + k + " (word " + d + ") at " + i + " of "
                            + String.join(" ", words));
                    checked++;
                }
                int r1 = i + 1 < n ? right[i + 1] : -1;
                int r2 = i + 2 < n ? right[i + 2] : -1;
                for (int k = 0; k < Features.RIGHT; k++) {
                    long got = s.stat[i * S + Features.STATIC + k];
                    if (Features.rightTagsOnly(k)) {
                        int[] tiny = r1 < 0 ? new int[] {0} : r2 < 0 ? new int[] {0, r1} : new int[] {0, r1, r2};
                        Sent t = Sent.copies("z", tiny.length, zh);
                        Features.right(t.w, tiny, t.stat);
                        assertEquals(t.stat[Features.STATIC + k], got, "right slot " + k + " at " + i);
                        checked++;
                    }
                    int v = Features.rightTagWithWord(k);
                    if (v != Features.MANY) {
                        Sent t = Sent.copies(words[i], 5, zh);
                        int[] other = r.ints(5, 0, 30).toArray();
                        other[2 + v] = i + v < n ? right[i + v] : 0;
                        if (i + v >= n) {
                            // past the end: the one-word sentence's value
                            t = Sent.copies(words[i], 1, zh);
                            other = new int[] {0};
                            Features.right(t.w, other, t.stat);
                            assertEquals(t.stat[Features.STATIC + k], got, "right slot " + k + " at " + i);
                        } else {
                            Features.right(t.w, other, t.stat);
                            assertEquals(t.stat[2 * S + Features.STATIC + k], got, "right slot " + k + " at " + i);
                        }
                        checked++;
                    }
                }
                int p1 = r.nextInt(31) - 1;
                int p2 = r.nextInt(31) - 1;
                Features.dynamic(s.w, i, p1, p2, dynA);
                for (int k = 0; k < Features.DYNAMIC; k++) {
                    if (Features.dynamicTagsOnly(k)) {
                        Features.dynamic(one.w, 0, p1, p2, dynB);
                        assertEquals(dynB[k], dynA[k], "dynamic slot " + k + " at " + i);
                        checked++;
                    }
                    int d = Features.dynamicWord(k);
                    if (d != Features.MANY) {
                        int j = i + d;
                        int otherP2 = r.nextInt(31) - 1;
                        if (j >= 0 && j < n) {
                            Features.dynamic(Sent.copies(words[j], 5, zh).w, 2, p1, otherP2, dynB);
                        } else {
                            Features.dynamic(one.w, 0, p1, otherP2, dynB);
                        }
                        assertEquals(dynB[k], dynA[k], "dynamic slot " + k + " (word " + d + ") at " + i + " of "
                                + String.join(" ", words));
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 10_000, "checked " + checked);
    }

    @Test
    void declarationsCoverNoMoreSlotsThanExist() {
        for (int k = 0; k < Features.STATIC; k++) {
            int d = Features.staticWord(k);
            assertTrue(d == Features.MANY || d >= -2 && d <= 2, "slot " + k + ": offset " + d);
        }
        assertEquals(Features.MANY, Features.staticWord(Features.STATIC + 5), "an undeclared slot is looked up");
        for (int k = 0; k < Features.DYNAMIC; k++) {
            int d = Features.dynamicWord(k);
            assertTrue(d == Features.MANY || d >= -2 && d <= 2, "dynamic slot " + k + ": offset " + d);
            assertTrue(!(Features.dynamicTagsOnly(k) && d != Features.MANY), "dynamic slot " + k + " in two groups");
        }
        for (int k = 0; k < Features.RIGHT; k++) {
            int v = Features.rightTagWithWord(k);
            assertTrue(v == Features.MANY || v == 1 || v == 2, "right slot " + k + ": tag of word " + v);
            assertTrue(!(Features.rightTagsOnly(k) && v != Features.MANY), "right slot " + k + " in two groups");
        }
    }
}
