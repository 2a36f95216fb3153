package org.classicnlp.tfidf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import org.classicnlp.core.Token;
import org.classicnlp.segment.Segmenter;
import org.classicnlp.segment.WhitespaceTokenizer;

/**
 * Text to the terms TF-IDF counts, in scikit-learn's order of steps: lowercase the whole text (when
 * enabled, {@link String#toLowerCase(Locale)} with {@link Locale#ROOT}, like Python's {@code str.lower()}),
 * split into tokens with the segmenter, drop stop words, then form word n-grams of the remaining tokens
 * (joined by one space, so n-grams bridge removed stop words exactly as in scikit-learn). For
 * {@code ngramRange = (1, 2)} the terms of {@code "a b c"} are {@code a b c "a b" "b c"}.
 *
 * <p>With {@link WhitespaceTokenizer} the text is split on Python's white space directly on a
 * {@code char[]}, without creating token objects: this is the fast path for pre-tokenized text and is
 * exactly scikit-learn's {@code token_pattern=r"(?u)\S+"}.
 *
 * <p>Immutable and thread-safe; per-thread buffers live in {@link Scratch}.
 */
public final class TermAnalyzer {

    private final String tokenizerName;
    private final Segmenter segmenter;
    private final boolean whitespace;
    private final boolean lowercase;
    private final List<String> stopWords;
    private final TermTable stopTable;
    private final int ngramMin;
    private final int ngramMax;

    /**
     * @param tokenizerName the name saved with a model to find the segmenter again ({@code whitespace},
     *                      {@code default}, {@code english}, or any name for a custom segmenter)
     * @param segmenter     splits text into tokens
     * @param lowercase     lowercase the text before splitting
     * @param stopWords     tokens removed before n-grams are formed (compared after lowercasing)
     * @param ngramMin      smallest n-gram length, at least 1
     * @param ngramMax      largest n-gram length, at least {@code ngramMin}
     */
    public TermAnalyzer(String tokenizerName, Segmenter segmenter, boolean lowercase, Collection<String> stopWords,
            int ngramMin, int ngramMax) {
        this.tokenizerName = Objects.requireNonNull(tokenizerName, "tokenizerName");
        this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
        if (ngramMin < 1 || ngramMax < ngramMin) {
            throw new IllegalArgumentException("invalid ngramRange (" + ngramMin + ", " + ngramMax
                    + "): need 1 <= min <= max");
        }
        this.whitespace = segmenter == WhitespaceTokenizer.INSTANCE;
        this.lowercase = lowercase;
        this.stopWords = List.copyOf(new TreeSet<>(stopWords == null ? List.of() : stopWords));
        this.stopTable = new TermTable(this.stopWords.size());
        for (String w : this.stopWords) {
            stopTable.add(w);
        }
        this.ngramMin = ngramMin;
        this.ngramMax = ngramMax;
    }

    public String tokenizerName() {
        return tokenizerName;
    }

    public Segmenter segmenter() {
        return segmenter;
    }

    public boolean lowercase() {
        return lowercase;
    }

    /** The stop words, sorted. */
    public List<String> stopWords() {
        return stopWords;
    }

    public int ngramMin() {
        return ngramMin;
    }

    public int ngramMax() {
        return ngramMax;
    }

    /** The terms of {@code text} in order: all unigrams first, then bigrams, and so on. */
    public List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        analyze(text, new Scratch(), (buf, off, len) -> out.add(new String(buf, off, len)));
        return out;
    }

    /** Receives each term as a region of a buffer that is only valid during the call. */
    @FunctionalInterface
    interface TermConsumer {
        void accept(char[] buf, int off, int len);
    }

    /** Per-thread reusable buffers. */
    static final class Scratch {
        char[] text = new char[1024];
        int[] starts = new int[256];
        int[] ends = new int[256];
        char[] gram = new char[256];
        int count;

        void addToken(int start, int end) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = start;
            ends[count] = end;
            count++;
        }
    }

    /** Runs the chain on {@code text} and hands every term to {@code sink}; returns the number of terms. */
    int analyze(String text, Scratch s, TermConsumer sink) {
        String t = lowercase ? text.toLowerCase(Locale.ROOT) : text;
        s.count = 0;
        if (whitespace) {
            int n = t.length();
            if (s.text.length < n) {
                s.text = new char[Math.max(n, s.text.length * 2)];
            }
            t.getChars(0, n, s.text, 0);
            char[] buf = s.text;
            int i = 0;
            while (i < n) {
                while (i < n && WhitespaceTokenizer.isSpace(buf[i])) {
                    i++;
                }
                int start = i;
                while (i < n && !WhitespaceTokenizer.isSpace(buf[i])) {
                    i++;
                }
                if (i > start) {
                    s.addToken(start, i);
                }
            }
        } else {
            List<Token> tokens = segmenter.segment(t);
            int total = 0;
            for (Token tok : tokens) {
                total += tok.text().length();
            }
            if (s.text.length < total) {
                s.text = new char[Math.max(total, s.text.length * 2)];
            }
            int pos = 0;
            for (Token tok : tokens) {
                String w = tok.text();
                w.getChars(0, w.length(), s.text, pos);
                s.addToken(pos, pos + w.length());
                pos += w.length();
            }
        }
        char[] buf = s.text;
        int count = s.count;
        if (stopTable.size() > 0) {
            int kept = 0;
            for (int k = 0; k < count; k++) {
                if (stopTable.find(buf, s.starts[k], s.ends[k] - s.starts[k]) < 0) {
                    s.starts[kept] = s.starts[k];
                    s.ends[kept] = s.ends[k];
                    kept++;
                }
            }
            count = kept;
            s.count = kept;
        }
        int emitted = 0;
        if (ngramMin == 1) {
            for (int k = 0; k < count; k++) {
                sink.accept(buf, s.starts[k], s.ends[k] - s.starts[k]);
            }
            emitted += count;
        }
        for (int n = Math.max(2, ngramMin); n <= ngramMax; n++) {
            for (int k = 0; k + n <= count; k++) {
                int len = n - 1;
                for (int j = k; j < k + n; j++) {
                    len += s.ends[j] - s.starts[j];
                }
                if (s.gram.length < len) {
                    s.gram = new char[Math.max(len, s.gram.length * 2)];
                }
                int pos = 0;
                for (int j = k; j < k + n; j++) {
                    if (j > k) {
                        s.gram[pos++] = ' ';
                    }
                    int l = s.ends[j] - s.starts[j];
                    System.arraycopy(buf, s.starts[j], s.gram, pos, l);
                    pos += l;
                }
                sink.accept(s.gram, 0, len);
                emitted++;
            }
        }
        return emitted;
    }
}
