package org.classicnlp.lexicon;

import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.classicnlp.core.CharClass;
import org.classicnlp.core.CorpusFormatException;
import org.classicnlp.core.TextFiles;

/** Loaders for the dictionary sources ClassicNLP reads. */
public final class LexiconLoaders {

    private LexiconLoaders() {
    }

    /** Where the build puts the pre-built image of HanLP's core dictionary (see {@link HanlpLexiconImage}). */
    static final String HANLP_IMAGE_RESOURCE = "/org/classicnlp/lexicon/hanlp-core.lexicon";

    /** Loaded once on first use; immutable, so every segmenter may share it. */
    private static final class HanlpCoreHolder {
        static final Lexicon INSTANCE = loadHanlpCoreFast();
    }

    /**
     * The build writes HanLP's core dictionary, converted, into the jar as a lexicon image, which loads
     * in a few bulk reads (the CLI's cold start depends on it). Without the image (classes used straight
     * from sources), the dictionary is recovered from HanLP's jar as the image builder does.
     */
    private static Lexicon loadHanlpCoreFast() {
        java.io.InputStream in = LexiconLoaders.class.getResourceAsStream(HANLP_IMAGE_RESOURCE);
        return in != null ? Lexicon.load(in, "classpath:" + HANLP_IMAGE_RESOURCE) : loadHanlpCore();
    }

    /**
     * A lexicon image ({@link Lexicon#save}) shipped as a classpath resource next to {@code anchor}, as the
     * build writes them; {@code null} when the resource is absent (classes used straight from sources).
     */
    public static Lexicon image(Class<?> anchor, String resource) {
        java.io.InputStream in = anchor.getResourceAsStream(resource);
        return in == null ? null : Lexicon.load(in, "classpath:" + resource);
    }

    /**
     * HanLP's bundled core dictionary (the portable jar's {@code CoreNatureDictionary.mini}: about 85,000
     * words with frequencies and HanLP part-of-speech tags). No files needed; nothing written to disk.
     */
    public static Lexicon hanlpCore() {
        return HanlpCoreHolder.INSTANCE;
    }

    /**
     * HanLP ships its core dictionary only as a double-array trie without the key strings, so the words
     * are recovered by walking the trie: every used cell {@code p} with {@code check[p] = b} is an edge
     * from state {@code b} by char {@code p - b - 1} to state {@code base[p]}; {@code p == b} marks a word
     * end whose value index is {@code -base[p] - 1}.
     */
    static Lexicon loadHanlpCore() {
        DoubleArrayTrie<CoreDictionary.Attribute> trie = CoreDictionary.trie;
        int[] base = trie.getBase();
        int[] check = trie.getCheck();
        int cells = Math.min(base.length, check.length);
        // Adjacency of states in CSR form: first count edges per parent state.
        int[] edgeCount = new int[cells + 1];
        for (int p = 0; p < cells; p++) {
            int b = check[p];
            if (b > 0 && b < cells && p != b) {
                edgeCount[b]++;
            }
        }
        int[] offsets = new int[cells + 2];
        for (int b = 0; b <= cells; b++) {
            offsets[b + 1] = offsets[b] + edgeCount[b];
        }
        int[] fill = Arrays.copyOf(offsets, offsets.length);
        int[] edgeCell = new int[offsets[cells + 1]];
        for (int p = 0; p < cells; p++) {
            int b = check[p];
            if (b > 0 && b < cells && p != b) {
                edgeCell[fill[b]++] = p;
            }
        }
        Lexicon.Builder entries = new Lexicon.Builder(trie.size());
        // Iterative DFS. A popped state at depth d writes its char at prefix[d - 1]; positions before
        // that still hold its ancestors' chars, since everything popped in between lies deeper.
        int[] stateStack = new int[1 << 16];
        int[] depthStack = new int[1 << 16];
        char[] charStack = new char[1 << 16];
        char[] prefix = new char[1024];
        int top = 0;
        int recovered = 0;
        stateStack[top++] = base[0];
        while (top > 0) {
            top--;
            int b = stateStack[top];
            int depth = depthStack[top];
            if (depth > 0) {
                prefix[depth - 1] = charStack[top];
            }
            if (b <= 0 || b >= cells) {
                continue;
            }
            if (depth > 0 && check[b] == b && base[b] < 0) {
                CoreDictionary.Attribute a = trie.getValueAt(-base[b] - 1);
                String[] tags = new String[a.nature.length];
                long[] tagFrequencies = new long[a.nature.length];
                for (int i = 0; i < tags.length; i++) {
                    tags[i] = a.nature[i].toString();
                    tagFrequencies[i] = a.frequency[i];
                }
                entries.add(new String(prefix, 0, depth), a.totalFrequency, tags, tagFrequencies);
                recovered++;
            }
            for (int e = offsets[b]; e < offsets[b + 1]; e++) {
                int p = edgeCell[e];
                if (top == stateStack.length || depth + 1 >= prefix.length) {
                    throw new IllegalStateException("HanLP core dictionary trie is larger than expected");
                }
                stateStack[top] = base[p];
                depthStack[top] = depth + 1;
                charStack[top] = (char) (p - b - 1);
                top++;
            }
        }
        if (recovered != trie.size()) {
            throw new IllegalStateException("recovered " + recovered + " words from HanLP's core dictionary, expected "
                    + trie.size());
        }
        return entries.build("hanlp-core");
    }

    /**
     * A plain word list: one word per line (e.g. {@code pku_training_words.utf8}); blank lines skipped,
     * surrounding {@linkplain CharClass#isWhitespace white space} trimmed; every word gets frequency 1. Keys width-folded.
     */
    public static Lexicon wordList(Path file) {
        return wordList(file, true);
    }

    /** As {@link #wordList(Path)}; {@code foldWidth = false} keeps the words exactly as written (see {@link Lexicon}). */
    public static Lexicon wordList(Path file, boolean foldWidth) {
        Lexicon.Builder entries = new Lexicon.Builder(1 << 16, foldWidth);
        try (Stream<TextFiles.NumberedLine> lines = TextFiles.numberedLines(file)) {
            lines.forEach(l -> {
                String w = CharClass.strip(l.text());
                if (!w.isEmpty()) {
                    entries.add(w, 1);
                }
            });
        }
        return entries.build(file.getFileName().toString());
    }

    /**
     * A user dictionary: {@code word [freq] [tag]...} per line, fields separated by
     * {@linkplain CharClass#isWhitespace white space}; a missing
     * frequency means 1. Lines starting with {@code #} are comments. A negative or non-integer frequency in
     * the second field is reported with file and line. Keys width-folded.
     */
    public static Lexicon userDictionary(Path file) {
        return userDictionary(file, true);
    }

    /** As {@link #userDictionary(Path)}; {@code foldWidth = false} keeps the words exactly as written. */
    public static Lexicon userDictionary(Path file, boolean foldWidth) {
        Lexicon.Builder entries = new Lexicon.Builder(1024, foldWidth);
        try (Stream<TextFiles.NumberedLine> lines = TextFiles.numberedLines(file)) {
            lines.forEach(l -> {
                String line = CharClass.strip(l.text());
                if (line.isEmpty() || line.startsWith("#")) {
                    return;
                }
                String[] f = CharClass.splitWhitespace(line).toArray(new String[0]);
                long freq = 1;
                List<String> tags = new ArrayList<>();
                for (int i = 1; i < f.length; i++) {
                    if (i == 1 && f[i].chars().allMatch(Character::isDigit)) {
                        try {
                            freq = Long.parseLong(f[i]);
                        } catch (NumberFormatException e) {
                            throw new CorpusFormatException(file, l.number(), "frequency out of range: " + f[i]);
                        }
                    } else if (i == 1 && f[i].startsWith("-") && f[i].length() > 1
                            && f[i].substring(1).chars().allMatch(Character::isDigit)) {
                        throw new CorpusFormatException(file, l.number(), "negative frequency " + f[i] + " for '" + f[0] + "'");
                    } else {
                        tags.add(f[i]);
                    }
                }
                List<Long> tagFreqs = new ArrayList<>();
                for (int i = 0; i < tags.size(); i++) {
                    tagFreqs.add(i == 0 ? freq : 0L);
                }
                entries.add(new Lexicon.Entry(f[0], freq, tags, tagFreqs));
            });
        }
        return entries.build(file.getFileName().toString());
    }
}
