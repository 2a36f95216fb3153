package org.classicnlp.lexicon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable dictionary: word → frequency and part-of-speech tags, with longest-match lookups in
 * both directions over character arrays. Thread-safe; each segmenter holds its own instance, so
 * segmenters with different dictionaries coexist in one JVM.
 *
 * <p>Keys are stored width-folded ({@link CharNormalizer#foldWidth}): full-width Latin letters,
 * digits and punctuation match their ASCII forms, so a dictionary built from {@code １９９８年} finds
 * {@code 1998年}. Lookups take the folded text.
 *
 * <p>Loaders: {@link LexiconLoaders#hanlpCore()} (the default), {@link LexiconLoaders#wordList(Path)},
 * {@link LexiconLoaders#userDictionary(Path)}; combine with {@link #merge(Lexicon)}.
 */
public final class Lexicon {

    /** One dictionary entry. {@code tags} may be empty; {@code tagFrequencies} parallels it. */
    public record Entry(String word, long frequency, List<String> tags, List<Long> tagFrequencies) {
        public Entry {
            Objects.requireNonNull(word, "word");
            if (word.isEmpty()) {
                throw new IllegalArgumentException("empty word");
            }
            if (frequency < 0) {
                throw new IllegalArgumentException("negative frequency for '" + word + "'");
            }
            tags = List.copyOf(tags);
            tagFrequencies = List.copyOf(tagFrequencies);
            if (tags.size() != tagFrequencies.size()) {
                throw new IllegalArgumentException("tags and tag frequencies differ in length for '" + word + "'");
            }
        }

        public static Entry of(String word, long frequency) {
            return new Entry(word, frequency, List.of(), List.of());
        }
    }

    private final Entry[] entries;
    private final CharTrie forward;
    private final CharTrie backward;
    private final long totalFrequency;
    private final int maxWordLength;
    private final String name;

    private Lexicon(String name, Entry[] entries) {
        this.name = name;
        this.entries = entries;
        CharTrie.Builder fw = new CharTrie.Builder();
        CharTrie.Builder bw = new CharTrie.Builder();
        long total = 0;
        int maxLen = 0;
        StringBuilder reversed = new StringBuilder();
        for (int id = 0; id < entries.length; id++) {
            String key = CharNormalizer.foldWidth(entries[id].word());
            fw.put(key, id);
            reversed.setLength(0);
            reversed.append(key).reverse();
            bw.put(reversed, id);
            total += entries[id].frequency();
            maxLen = Math.max(maxLen, key.length());
        }
        this.forward = fw.build();
        this.backward = bw.build();
        this.totalFrequency = total;
        this.maxWordLength = maxLen;
    }

    /** A lexicon of the given entries; entries whose folded forms coincide are merged (frequencies added). */
    public static Lexicon of(String name, Iterable<Entry> entries) {
        Map<String, Entry> byKey = new LinkedHashMap<>();
        for (Entry e : entries) {
            byKey.merge(CharNormalizer.foldWidth(e.word()), e, Lexicon::combine);
        }
        return new Lexicon(name, byKey.values().toArray(new Entry[0]));
    }

    /** A lexicon of these words, each with frequency 1. */
    public static Lexicon ofWords(String name, Iterable<String> words) {
        List<Entry> list = new ArrayList<>();
        for (String w : words) {
            list.add(Entry.of(w, 1));
        }
        return of(name, list);
    }

    /** This lexicon and {@code other} together; for a word in both, frequencies and tag counts add up. */
    public Lexicon merge(Lexicon other) {
        List<Entry> all = new ArrayList<>(entries.length + other.entries.length);
        all.addAll(Arrays.asList(entries));
        all.addAll(Arrays.asList(other.entries));
        return of(name + "+" + other.name, all);
    }

    private static Entry combine(Entry a, Entry b) {
        Map<String, Long> tags = new LinkedHashMap<>();
        for (int i = 0; i < a.tags().size(); i++) {
            tags.merge(a.tags().get(i), a.tagFrequencies().get(i), Long::sum);
        }
        for (int i = 0; i < b.tags().size(); i++) {
            tags.merge(b.tags().get(i), b.tagFrequencies().get(i), Long::sum);
        }
        return new Entry(a.word(), a.frequency() + b.frequency(), new ArrayList<>(tags.keySet()),
                new ArrayList<>(tags.values()));
    }

    /** A short description of where the words came from. */
    public String name() {
        return name;
    }

    public int size() {
        return entries.length;
    }

    /** Sum of all word frequencies. */
    public long totalFrequency() {
        return totalFrequency;
    }

    /** Length in chars of the longest word. */
    public int maxWordLength() {
        return maxWordLength;
    }

    /** Id of {@code word} (width-folded), or -1. Ids run from 0 to {@code size() - 1}. */
    public int id(String word) {
        return forward.get(CharNormalizer.foldWidth(word));
    }

    public boolean contains(String word) {
        return id(word) >= 0;
    }

    /** Frequency of {@code word}, or 0 when absent. */
    public long frequency(String word) {
        int id = id(word);
        return id < 0 ? 0 : entries[id].frequency();
    }

    public Entry entry(int id) {
        return entries[id];
    }

    /** All entries, in id order. */
    public List<Entry> entries() {
        return List.of(entries);
    }

    /**
     * Length of the longest word in {@code folded[start, limit)} starting at {@code start} whose end is
     * allowed by {@code boundaries} ({@code boundaries[end]} true), or 0.
     */
    public int longestForward(char[] folded, int start, int limit, boolean[] boundaries) {
        int node = forward.root();
        int best = 0;
        for (int i = start; i < limit; i++) {
            node = forward.child(node, folded[i]);
            if (node < 0) {
                break;
            }
            if (forward.wordAt(node) >= 0 && (boundaries == null || boundaries[i + 1])) {
                best = i + 1 - start;
            }
        }
        return best;
    }

    /**
     * Length of the longest word in {@code folded[lowerLimit, end)} ending at {@code end} whose start is
     * allowed by {@code boundaries} ({@code boundaries[start]} true), or 0.
     */
    public int longestBackward(char[] folded, int end, int lowerLimit, boolean[] boundaries) {
        int node = backward.root();
        int best = 0;
        for (int i = end - 1; i >= lowerLimit; i--) {
            node = backward.child(node, folded[i]);
            if (node < 0) {
                break;
            }
            if (backward.wordAt(node) >= 0 && (boundaries == null || boundaries[i])) {
                best = end - i;
            }
        }
        return best;
    }

    /**
     * Every word starting at {@code start} in {@code folded[start, limit)}: writes the end offsets and the
     * word ids into the arrays (which must have room for {@link #maxWordLength()} matches) and returns
     * how many there are, shortest first.
     */
    public int prefixMatches(char[] folded, int start, int limit, int[] ends, int[] ids) {
        int node = forward.root();
        int count = 0;
        for (int i = start; i < limit; i++) {
            node = forward.child(node, folded[i]);
            if (node < 0) {
                break;
            }
            int id = forward.wordAt(node);
            if (id >= 0) {
                ends[count] = i + 1;
                ids[count] = id;
                count++;
            }
        }
        return count;
    }

    /** Number of trie nodes in both directions; a measure of memory use. */
    public int trieNodes() {
        return forward.nodeCount() + backward.nodeCount();
    }

    @Override
    public String toString() {
        return "Lexicon[" + name + ", " + entries.length + " words]";
    }

    /** Groups entries by word for callers that build lexicons from counts. */
    public static Lexicon fromCounts(String name, Map<String, Long> counts) {
        List<Entry> list = new ArrayList<>(counts.size());
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            list.add(Entry.of(e.getKey(), e.getValue()));
        }
        return of(name, list);
    }
}
