package org.classicnlp.tfidf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.AnalyzerSpec;
import org.classicnlp.core.TermBuffer;
import org.classicnlp.segment.Segmenter;

/**
 * Text to the terms TF-IDF counts: the {@link Analyzer}'s normalised, filtered terms (segmenter, then
 * per-token normalisers such as lowercase, then stop words), then word n-grams of the remaining terms
 * (joined by one space, so n-grams bridge removed stop words exactly as in scikit-learn). For
 * {@code ngramRange = (1, 2)} the terms of {@code "a b c"} are {@code a b c "a b" "b c"}.
 *
 * <p>Terms are handed to the counter as regions of a reusable {@code char[]} ({@link TermBuffer}), so
 * counting makes no {@code String} per term; with the whitespace segmenter and lowercase this is exactly
 * scikit-learn's {@code token_pattern=r"(?u)\S+"} with {@code lowercase=True}.
 *
 * <p>Immutable and thread-safe; per-thread buffers live in {@link Scratch}.
 */
public final class TermAnalyzer {

    private final Analyzer analyzer;
    private final int ngramMin;
    private final int ngramMax;

    /**
     * @param analyzer text to terms (segmenter, normalisers, stop words)
     * @param ngramMin smallest n-gram length, at least 1
     * @param ngramMax largest n-gram length, at least {@code ngramMin}
     */
    public TermAnalyzer(Analyzer analyzer, int ngramMin, int ngramMax) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        if (ngramMin < 1 || ngramMax < ngramMin) {
            throw new IllegalArgumentException("invalid ngramRange (" + ngramMin + ", " + ngramMax
                    + "): need 1 <= min <= max");
        }
        this.ngramMin = ngramMin;
        this.ngramMax = ngramMax;
    }

    /**
     * The analyzer TF-IDF used before the spine: a tokenizer by name ({@code whitespace}, {@code default}
     * = the standard segmenter with its width and Traditional→Simplified folding, {@code english}, or any
     * name for a custom {@code segmenter}), optional lowercase and stop words.
     */
    public TermAnalyzer(String tokenizerName, Segmenter segmenter, boolean lowercase, Collection<String> stopWords,
            int ngramMin, int ngramMax) {
        this(analyzerFor(tokenizerName, segmenter, lowercase, stopWords), ngramMin, ngramMax);
    }

    static Analyzer analyzerFor(String tokenizerName, Segmenter segmenter, boolean lowercase,
            Collection<String> stopWords) {
        Objects.requireNonNull(tokenizerName, "tokenizerName");
        AnalyzerSpec spec = Analyzer.tokenizerSpec(tokenizerName, lowercase)
                .withStopWords(stopWords == null ? List.of() : List.copyOf(stopWords));
        return segmenter == null ? Analyzer.of(spec) : Analyzer.of(spec, segmenter);
    }

    /** The analysis chain before n-grams. */
    public Analyzer analyzer() {
        return analyzer;
    }

    /** The segmenter's name as the analyzer spec stores it. */
    public String tokenizerName() {
        return analyzer.spec().segmenter();
    }

    public Segmenter segmenter() {
        return analyzer.segmenter();
    }

    public boolean lowercase() {
        return analyzer.spec().lowercases();
    }

    /** The stop words, sorted. */
    public List<String> stopWords() {
        return analyzer.spec().stopWords();
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
        final TermBuffer terms = new TermBuffer();
        char[] gram = new char[256];
    }

    /** Runs the chain on {@code text} and hands every term to {@code sink}; returns the number of terms. */
    int analyze(String text, Scratch s, TermConsumer sink) {
        TermBuffer t = s.terms;
        int count = analyzer.analyze(text, t);
        char[] buf = t.chars();
        int emitted = 0;
        if (ngramMin == 1) {
            for (int k = 0; k < count; k++) {
                sink.accept(buf, t.start(k), t.length(k));
            }
            emitted += count;
        }
        for (int n = Math.max(2, ngramMin); n <= ngramMax; n++) {
            for (int k = 0; k + n <= count; k++) {
                int len = n - 1;
                for (int j = k; j < k + n; j++) {
                    len += t.length(j);
                }
                if (s.gram.length < len) {
                    s.gram = new char[Math.max(len, s.gram.length * 2)];
                }
                int pos = 0;
                for (int j = k; j < k + n; j++) {
                    if (j > k) {
                        s.gram[pos++] = ' ';
                    }
                    int l = t.length(j);
                    System.arraycopy(buf, t.start(j), s.gram, pos, l);
                    pos += l;
                }
                sink.accept(s.gram, 0, len);
                emitted++;
            }
        }
        return emitted;
    }
}
