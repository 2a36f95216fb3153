package org.classicnlp.lexicon;

import java.nio.file.Path;
import org.classicnlp.core.ModelContainer;
import org.classicnlp.core.ModelFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable dictionary: word → frequency and part-of-speech tags, with longest-match lookups in
 * both directions over character arrays. Thread-safe; each segmenter holds its own instance, so
 * segmenters with different dictionaries coexist in one JVM.
 *
 * <p>By default keys are stored width-folded ({@link CharNormalizer#foldWidth}): full-width Latin
 * letters, digits and punctuation match their ASCII forms, so a dictionary built from {@code １９９８年}
 * finds {@code 1998年}, and lookups take the folded text ({@link #foldsWidth()}). A lexicon built with
 * {@code foldWidth = false} matches words exactly as written, as the textbook algorithms and the SIGHAN
 * bakeoff baselines do.
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

    // Parallel arrays by word id; Entry objects are made on demand, so loading stays cheap.
    private final String[] words;
    private final long[] frequencies;
    private final int[] tagStart;
    private final int[] tagIndex;
    private final long[] tagFrequency;
    private final String[] tagNames;
    private final CharTrie forward;
    // Built on first backward lookup: forward-only segmenters then never pay for it at start-up.
    private volatile CharTrie backward;
    private final long totalFrequency;
    private final int maxWordLength;
    private final String name;
    private final boolean foldsWidth;

    private Lexicon(String name, Builder b) {
        this.name = name;
        this.foldsWidth = b.foldWidth;
        int n = b.size;
        this.words = Arrays.copyOf(b.words, n);
        this.frequencies = Arrays.copyOf(b.frequencies, n);
        // Compact the per-word tag lists into one array indexed by tagStart.
        this.tagStart = new int[n + 1];
        int total = 0;
        for (int id = 0; id < n; id++) {
            tagStart[id] = total;
            total += b.tags[id] == null ? 0 : b.tags[id].length;
        }
        tagStart[n] = total;
        this.tagIndex = new int[total];
        this.tagFrequency = new long[total];
        for (int id = 0; id < n; id++) {
            if (b.tags[id] != null) {
                System.arraycopy(b.tags[id], 0, tagIndex, tagStart[id], b.tags[id].length);
                System.arraycopy(b.tagFreqs[id], 0, tagFrequency, tagStart[id], b.tags[id].length);
            }
        }
        this.tagNames = b.tagNames.toArray(new String[0]);
        this.forward = b.forward.build();
        long sum = 0;
        for (long f : frequencies) {
            sum += f;
        }
        this.totalFrequency = sum;
        this.maxWordLength = b.maxLength;
    }

    private Lexicon(String name, String[] words, long[] frequencies, int[] tagStart, int[] tagIndex,
                    long[] tagFrequency, String[] tagNames, CharTrie forward, CharTrie backward, int maxWordLength,
                    boolean foldsWidth) {
        this.name = name;
        this.foldsWidth = foldsWidth;
        this.words = words;
        this.frequencies = frequencies;
        this.tagStart = tagStart;
        this.tagIndex = tagIndex;
        this.tagFrequency = tagFrequency;
        this.tagNames = tagNames;
        this.forward = forward;
        this.backward = backward;
        this.maxWordLength = maxWordLength;
        long sum = 0;
        for (long f : frequencies) {
            sum += f;
        }
        this.totalFrequency = sum;
    }

    /** Model-file kind of a lexicon image ({@link ModelContainer}, plain body for fast loading). */
    static final ModelContainer.Kind KIND = new ModelContainer.Kind("lexicon", 1);

    /**
     * Saves the lexicon, tries included, so that {@link #load} is a few bulk reads. The file is a
     * {@link ModelContainer} of kind {@code lexicon}, version 1, stored uncompressed (the default dictionary
     * is read at every CLI start); body, big-endian, arrays as an {@code int} length and the elements:
     * byte width folding (1 folded, 0 exact), string name (int length, UTF-8), int longest word length,
     * {@code char[]} all words' chars, {@code int[]} word end offsets, {@code long[]} frequencies, int tag
     * count and that many strings, {@code int[]} tag offsets per word, {@code int[]} tag indices,
     * {@code long[]} tag frequencies, forward trie, backward trie (each {@code long[]} root edges,
     * {@code int[]} child offsets, {@code long[]} edges).
     */
    public void save(Path file) {
        ModelContainer.save(file, KIND, null, ModelContainer.Compression.NONE, this::writeBody);
    }

    private void writeBody(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeByte(foldsWidth ? 1 : 0);
        BinaryIO.writeString(out, name);
        out.writeInt(maxWordLength);
        StringBuilder all = new StringBuilder();
        int[] ends = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            all.append(words[i]);
            ends[i] = all.length();
        }
        char[] chars = new char[all.length()];
        all.getChars(0, chars.length, chars, 0);
        BinaryIO.writeChars(out, chars);
        BinaryIO.writeInts(out, ends);
        BinaryIO.writeLongs(out, frequencies);
        out.writeInt(tagNames.length);
        for (String t : tagNames) {
            BinaryIO.writeString(out, t);
        }
        BinaryIO.writeInts(out, tagStart);
        BinaryIO.writeInts(out, tagIndex);
        BinaryIO.writeLongs(out, tagFrequency);
        forward.write(out);
        backwardTrie().write(out);
    }

    /**
     * Loads a lexicon written by {@link #save}.
     *
     * @throws ModelFormatException naming the file if it is empty, foreign, of another kind or version,
     *                              truncated or damaged
     */
    public static Lexicon load(Path file) {
        return ModelContainer.load(file, READER, KIND);
    }

    /** Loads from a stream (closed here); {@code source} names it in error messages. */
    public static Lexicon load(java.io.InputStream in, String source) {
        return ModelContainer.load(in, source, READER, KIND);
    }

    /** An anonymous class, not a method reference: no lambda bootstrap on the CLI's cold-start path. */
    private static final ModelContainer.BodyReader<Lexicon> READER = new ModelContainer.BodyReader<>() {
        @Override
        public Lexicon read(ModelContainer.Body body) {
            return readBody(body);
        }
    };

    private static Lexicon readBody(ModelContainer.Body body) {
        java.nio.ByteBuffer in = body.buffer();
        body.section("the width-folding flag");
        byte flag = in.get();
        if (flag != 0 && flag != 1) {
            throw body.error("width-folding flag " + flag + ", expected 0 or 1");
        }
        boolean folds = flag == 1;
        body.section("the lexicon name");
        String name = BinaryIO.readString(in);
        int maxLen = in.getInt();
        body.section("the word table");
        char[] chars = BinaryIO.readChars(in);
        int[] ends = BinaryIO.readInts(in);
        String[] words = new String[ends.length];
        int from = 0;
        for (int i = 0; i < ends.length; i++) {
            if (ends[i] <= from || ends[i] > chars.length) {
                body.section("word", i, ends.length);
                throw body.error("end offset " + ends[i] + ", expected " + (from + 1) + " to " + chars.length);
            }
            words[i] = new String(chars, from, ends[i] - from);
            from = ends[i];
        }
        body.section("the frequencies");
        long[] freqs = BinaryIO.readLongs(in);
        if (freqs.length != words.length) {
            throw body.error(freqs.length + " frequencies, expected one per word (" + words.length + ")");
        }
        body.section("the tag names");
        int tagCount = in.getInt();
        if (tagCount < 0 || tagCount > in.remaining()) {
            throw body.error("tag count " + tagCount + ", expected 0 to " + in.remaining());
        }
        String[] tagNames = new String[tagCount];
        for (int i = 0; i < tagNames.length; i++) {
            tagNames[i] = BinaryIO.readString(in);
        }
        body.section("the tag tables");
        int[] tagStart = BinaryIO.readInts(in);
        int[] tagIndex = BinaryIO.readInts(in);
        long[] tagFreq = BinaryIO.readLongs(in);
        if (tagStart.length != words.length + 1 || tagIndex.length != tagFreq.length
                || tagStart[words.length] != tagIndex.length) {
            throw body.error("tag tables of " + tagStart.length + ", " + tagIndex.length + " and " + tagFreq.length
                    + " entries, expected " + (words.length + 1) + " offsets and as many indices as frequencies");
        }
        CharTrie fw = readTrie(body, in, "the forward trie", words.length);
        CharTrie bw = readTrie(body, in, "the backward trie", words.length);
        return new Lexicon(name, words, freqs, tagStart, tagIndex, tagFreq, tagNames, fw, bw, maxLen, folds);
    }

    private static CharTrie readTrie(ModelContainer.Body body, java.nio.ByteBuffer in, String what, int words) {
        body.section(what);
        try {
            return CharTrie.read(in, words);
        } catch (IllegalArgumentException e) {
            throw body.error(e.getMessage() + ", expected a trie over " + words + " words");
        }
    }

    /**
     * Collects entries; entries whose keys coincide (width-folded, unless built with {@code foldWidth =
     * false}) are merged (frequencies and tag counts added). Not thread-safe; {@link #build} makes the
     * immutable lexicon.
     */
    public static final class Builder {
        private String[] words = new String[1024];
        private long[] frequencies = new long[1024];
        private int[][] tags = new int[1024][];
        private long[][] tagFreqs = new long[1024][];
        private int size;
        private int maxLength;
        private final List<String> tagNames = new ArrayList<>();
        private final Map<String, Integer> tagIds = new HashMap<>();
        private final CharTrie.Builder forward;
        private final boolean foldWidth;
        private char[] key = new char[64];

        public Builder() {
            this(1024);
        }

        /** A width-folding lexicon. @param expectedWords a size hint */
        public Builder(int expectedWords) {
            this(expectedWords, true);
        }

        /**
         * @param expectedWords a size hint
         * @param foldWidth     whether full-width and ASCII forms are one key (see {@link Lexicon})
         */
        public Builder(int expectedWords, boolean foldWidth) {
            this.forward = new CharTrie.Builder(expectedWords * 3);
            this.foldWidth = foldWidth;
        }

        public Builder add(String word, long frequency) {
            return add(word, frequency, null, null);
        }

        /** Adds a word with its tags and their frequencies (both may be null). */
        public Builder add(String word, long frequency, String[] wordTags, long[] wordTagFrequencies) {
            if (word == null || word.isEmpty()) {
                throw new IllegalArgumentException("empty word");
            }
            if (frequency < 0) {
                throw new IllegalArgumentException("negative frequency for '" + word + "'");
            }
            int len = word.length();
            if (key.length < len) {
                key = new char[Math.max(len, key.length * 2)];
            }
            word.getChars(0, len, key, 0);
            if (foldWidth) {
                CharNormalizer.foldWidth(key, 0, len);
            }
            int id = forward.putIfAbsent(key, len, false, size);
            int[] t = null;
            long[] tf = null;
            if (wordTags != null && wordTags.length > 0) {
                t = new int[wordTags.length];
                tf = new long[wordTags.length];
                for (int i = 0; i < wordTags.length; i++) {
                    t[i] = tagIds.computeIfAbsent(wordTags[i], k -> {
                        tagNames.add(k);
                        return tagNames.size() - 1;
                    });
                    tf[i] = wordTagFrequencies == null ? 0 : wordTagFrequencies[i];
                }
            }
            if (id != size) {
                frequencies[id] += frequency;
                mergeTags(id, t, tf);
                return this;
            }
            if (size == words.length) {
                int cap = size * 2;
                words = Arrays.copyOf(words, cap);
                frequencies = Arrays.copyOf(frequencies, cap);
                tags = Arrays.copyOf(tags, cap);
                tagFreqs = Arrays.copyOf(tagFreqs, cap);
            }
            words[size] = word;
            frequencies[size] = frequency;
            tags[size] = t;
            tagFreqs[size] = tf;
            size++;
            maxLength = Math.max(maxLength, len);
            return this;
        }

        public Builder add(Entry e) {
            String[] t = e.tags().toArray(new String[0]);
            long[] tf = new long[t.length];
            for (int i = 0; i < t.length; i++) {
                tf[i] = e.tagFrequencies().get(i);
            }
            return add(e.word(), e.frequency(), t, tf);
        }

        private void mergeTags(int id, int[] t, long[] tf) {
            if (t == null) {
                return;
            }
            int[] old = tags[id];
            long[] oldF = tagFreqs[id];
            if (old == null) {
                tags[id] = t;
                tagFreqs[id] = tf;
                return;
            }
            int[] merged = Arrays.copyOf(old, old.length + t.length);
            long[] mergedF = Arrays.copyOf(oldF, old.length + t.length);
            int n = old.length;
            outer:
            for (int i = 0; i < t.length; i++) {
                for (int j = 0; j < n; j++) {
                    if (merged[j] == t[i]) {
                        mergedF[j] += tf[i];
                        continue outer;
                    }
                }
                merged[n] = t[i];
                mergedF[n] = tf[i];
                n++;
            }
            tags[id] = Arrays.copyOf(merged, n);
            tagFreqs[id] = Arrays.copyOf(mergedF, n);
        }

        public int size() {
            return size;
        }

        public Lexicon build(String name) {
            return new Lexicon(name, this);
        }
    }

    /** A lexicon of the given entries; entries whose folded forms coincide are merged (frequencies added). */
    public static Lexicon of(String name, Iterable<Entry> entries) {
        Builder b = new Builder();
        for (Entry e : entries) {
            b.add(e);
        }
        return b.build(name);
    }

    /** A lexicon of these words, each with frequency 1. */
    public static Lexicon ofWords(String name, Iterable<String> words) {
        Builder b = new Builder();
        for (String w : words) {
            b.add(w, 1);
        }
        return b.build(name);
    }

    /**
     * This lexicon and {@code other} together; for a word in both, frequencies and tag counts add up. The
     * result folds width if either does (an exact lexicon's words are then folded too).
     */
    public Lexicon merge(Lexicon other) {
        Builder b = new Builder(size() + other.size(), foldsWidth || other.foldsWidth);
        for (Lexicon l : List.of(this, other)) {
            for (int id = 0; id < l.size(); id++) {
                int from = l.tagStart[id];
                int to = l.tagStart[id + 1];
                String[] t = new String[to - from];
                for (int k = from; k < to; k++) {
                    t[k - from] = l.tagNames[l.tagIndex[k]];
                }
                b.add(l.words[id], l.frequencies[id], t, Arrays.copyOfRange(l.tagFrequency, from, to));
            }
        }
        return b.build(name + "+" + other.name);
    }

    /** A short description of where the words came from. */
    public String name() {
        return name;
    }

    public int size() {
        return words.length;
    }

    /** Sum of all word frequencies. */
    public long totalFrequency() {
        return totalFrequency;
    }

    /** Length in chars of the longest word. */
    public int maxWordLength() {
        return maxWordLength;
    }

    /**
     * Whether keys are width-folded; if so, the {@code char[]} lookups below expect text folded with
     * {@link CharNormalizer#foldWidth(char[], int, int)}, otherwise the text as it is.
     */
    public boolean foldsWidth() {
        return foldsWidth;
    }

    /** Id of {@code word} (width-folded if this lexicon folds), or -1. Ids run from 0 to {@code size() - 1}. */
    public int id(String word) {
        return forward.get(foldsWidth ? CharNormalizer.foldWidth(word) : word);
    }

    public boolean contains(String word) {
        return id(word) >= 0;
    }

    /** Frequency of {@code word}, or 0 when absent. */
    public long frequency(String word) {
        int id = id(word);
        return id < 0 ? 0 : frequencies[id];
    }

    /** The word with this id, as first added (not width-folded). */
    public String word(int id) {
        return words[id];
    }

    public long frequency(int id) {
        return frequencies[id];
    }

    public Entry entry(int id) {
        int from = tagStart[id];
        int to = tagStart[id + 1];
        List<String> t = new ArrayList<>(to - from);
        List<Long> tf = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) {
            t.add(tagNames[tagIndex[k]]);
            tf.add(tagFrequency[k]);
        }
        return new Entry(words[id], frequencies[id], t, tf);
    }

    /** All entries, in id order (made on demand). */
    public List<Entry> entries() {
        List<Entry> list = new ArrayList<>(words.length);
        for (int id = 0; id < words.length; id++) {
            list.add(entry(id));
        }
        return list;
    }

    /**
     * Length of the longest word in {@code folded[start, limit)} starting at {@code start} whose end is
     * allowed by {@code boundaries} ({@code boundaries[end]} true), or 0.
     */
    public int longestForward(char[] folded, int start, int limit, boolean[] boundaries) {
        int node = forward.root();
        int best = 0;
        for (int i = start; i < limit; i++) {
            long e = forward.edge(node, folded[i]);
            if (e == 0) {
                break;
            }
            if (CharTrie.word(e) >= 0 && (boundaries == null || boundaries[i + 1])) {
                best = i + 1 - start;
            }
            node = CharTrie.node(e);
        }
        return best;
    }

    /**
     * Length of the longest word in {@code folded[lowerLimit, end)} ending at {@code end} whose start is
     * allowed by {@code boundaries} ({@code boundaries[start]} true), or 0.
     */
    public int longestBackward(char[] folded, int end, int lowerLimit, boolean[] boundaries) {
        CharTrie backward = backwardTrie();
        int best = 0;
        int node = backward.root();
        for (int i = end - 1; i >= lowerLimit; i--) {
            long e = backward.edge(node, folded[i]);
            if (e == 0) {
                break;
            }
            if (CharTrie.word(e) >= 0 && (boundaries == null || boundaries[i])) {
                best = end - i;
            }
            node = CharTrie.node(e);
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
            long e = forward.edge(node, folded[i]);
            if (e == 0) {
                break;
            }
            node = CharTrie.node(e);
            int id = CharTrie.word(e);
            if (id >= 0) {
                ends[count] = i + 1;
                ids[count] = id;
                count++;
            }
        }
        return count;
    }

    private CharTrie backwardTrie() {
        CharTrie trie = backward;
        if (trie == null) {
            synchronized (this) {
                trie = backward;
                if (trie == null) {
                    CharTrie.Builder b = new CharTrie.Builder(words.length * 3);
                    char[] key = new char[maxWordLength];
                    for (int id = 0; id < words.length; id++) {
                        int len = words[id].length();
                        words[id].getChars(0, len, key, 0);
                        if (foldsWidth) {
                            CharNormalizer.foldWidth(key, 0, len);
                        }
                        b.putIfAbsent(key, len, true, id);
                    }
                    trie = b.build();
                    backward = trie;
                }
            }
        }
        return trie;
    }

    /** Number of trie nodes in both directions; a measure of memory use. */
    public int trieNodes() {
        return forward.nodeCount() + backwardTrie().nodeCount();
    }

    @Override
    public String toString() {
        return "Lexicon[" + name + ", " + words.length + " words]";
    }

    /** A lexicon of word counts (e.g. from a training corpus). */
    public static Lexicon fromCounts(String name, Map<String, Long> counts) {
        Builder b = new Builder(counts.size());
        counts.forEach(b::add);
        return b.build(name);
    }
}
