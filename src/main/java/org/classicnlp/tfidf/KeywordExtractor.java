package org.classicnlp.tfidf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.classicnlp.core.Document;
import org.classicnlp.core.Hit;

/**
 * The top-k terms of a document by TF-IDF weight.
 *
 * <p>A document's keywords depend only on the document and the model, never on the other documents of a
 * batch or on threads. The weight of a term is the model's weighting (tf scheme, idf, norm) applied to the
 * document; ties are broken by term in Unicode code-point order, so the ranking is deterministic.
 *
 * <p>Terms the model has never seen: with {@link Unseen#MEDIAN_IDF} (the default, as jieba does) such a
 * term gets the model's {@linkplain TfidfModel#medianIdf() median idf}, so a new word in a new document
 * can still be a keyword; the row norm then covers these terms too, so weights may differ slightly from
 * {@link TfidfModel#transform}. With {@link Unseen#IGNORE} they are skipped and the weights equal
 * {@link TfidfModel#transform}'s exactly. When the model was fitted on the very corpus being processed
 * (two passes), every term was seen, and a term outside the vocabulary is one that {@code minDf},
 * {@code maxDf} or {@code maxFeatures} removed on purpose: use {@code IGNORE} there.
 *
 * <p>Filters choose which terms may be keywords without changing any weight: extra stop words, a
 * minimum length in code points, and (on by default) no terms without a letter or digit, such as
 * punctuation or symbols that a segmenter emits as tokens. Thread-safe.
 */
public final class KeywordExtractor {

    /** What to do with a term outside the model's vocabulary. */
    public enum Unseen {
        /** Give it the model's median idf (jieba's choice). */
        MEDIAN_IDF,
        /** Skip it. */
        IGNORE
    }

    private final TfidfModel model;
    private final int top;
    private final Unseen unseen;
    private final TermTable stop;
    private final int minLength;
    private final boolean skipNonWords;
    private final ThreadLocal<State> state;
    /** The model's analyzer plus a tagger and the allowed tags, or null without a tag filter. */
    private final org.classicnlp.core.Analyzer tagging;

    private KeywordExtractor(Builder b) {
        this.model = b.model;
        this.top = b.top;
        this.unseen = b.unseen;
        this.stop = new TermTable(b.stopWords.size());
        for (String w : b.stopWords) {
            stop.add(w);
        }
        this.minLength = b.minLength;
        this.skipNonWords = b.skipNonWords;
        if (b.allowedTags == null) {
            this.tagging = null;
        } else {
            org.classicnlp.core.Analyzer a = model.analyzer().analyzer();
            this.tagging = org.classicnlp.core.Analyzer.builder(a.spec()).segmenter(a.spec().segmenter(), a.segmenter())
                    .tagger(b.tagger != null ? b.tagger : org.classicnlp.pos.Taggers.chinese())
                    .tags(b.allowedTags).build();
        }
        this.state = ThreadLocal.withInitial(() -> new State(model));
    }

    public static Builder builder(TfidfModel model) {
        return new Builder(model);
    }

    public TfidfModel model() {
        return model;
    }

    /** The keywords of a document, best first. */
    public List<Hit> extract(Document document) {
        return extract(document.text());
    }

    /** The keywords of a text, best first. */
    public List<Hit> extract(String text) {
        State s = state.get();
        s.reset();
        int length = model.analyzer().analyze(text, s.work.scratch, s);
        java.util.Set<String> allowedTerms = null;
        if (tagging != null) {
            allowedTerms = new java.util.HashSet<>();
            for (org.classicnlp.core.Token t : tagging.analyze(text)) {
                allowedTerms.add(t.norm());
            }
        }
        int nIn = s.work.touched;
        int nOut = unseen == Unseen.MEDIAN_IDF ? s.unseen.size() : 0;
        int n = nIn + nOut;
        if (s.weights.length < n) {
            s.weights = new double[n * 2];
        }
        int[] ix = s.work.indices;
        Arrays.sort(ix, 0, nIn);
        // in-vocabulary terms in index order, then unseen terms: norm sums run in a fixed order
        for (int k = 0; k < nIn; k++) {
            int j = ix[k];
            s.weights[k] = model.weight(s.work.counts[j], length) * model.idfAt(j);
            s.work.counts[j] = 0;
        }
        double median = model.useIdf() ? model.medianIdf() : 1.0;
        for (int k = 0; k < nOut; k++) {
            s.weights[nIn + k] = model.weight(s.unseenCounts[k], length) * median;
        }
        model.norm().applyInPlace(s.weights, 0, n);
        List<Candidate> candidates = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            String term = k < nIn ? model.term(ix[k]) : s.unseen.term(k - nIn);
            double w = s.weights[k];
            if (w == 0 || term.codePointCount(0, term.length()) < minLength || stop.find(term) >= 0
                    || (allowedTerms != null && !allowedTerms.contains(term))
                    || (skipNonWords && term.codePoints().noneMatch(Character::isLetterOrDigit))) {
                continue;
            }
            candidates.add(new Candidate(term, w));
        }
        candidates.sort((a, b) -> {
            int c = Double.compare(b.weight, a.weight);
            return c != 0 ? c : TfidfVectorizer.compareCodePoints(a.term, b.term);
        });
        int k = Math.min(top, candidates.size());
        List<Hit> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            out.add(new Hit(candidates.get(i).term, candidates.get(i).weight));
        }
        return out;
    }

    private record Candidate(String term, double weight) {
    }

    /** Per-thread buffers: model counts plus a small table of unseen terms. */
    private static final class State implements TermAnalyzer.TermConsumer {
        final TfidfModel.Work work;
        final TermTable index;
        TermTable unseen = new TermTable(64);
        int[] unseenCounts = new int[64];
        double[] weights = new double[256];

        State(TfidfModel model) {
            this.work = model.newWork();
            this.index = model.index();
        }

        void reset() {
            work.touched = 0;
            if (unseen.size() > 4096) {
                unseen = new TermTable(64);
                unseenCounts = new int[64];
            } else if (unseen.size() > 0) {
                unseen.clear();
                Arrays.fill(unseenCounts, 0);
            }
        }

        @Override
        public void accept(char[] buf, int off, int len) {
            int id = index.find(buf, off, len);
            if (id >= 0) {
                if (work.counts[id]++ == 0) {
                    work.touch(id);
                }
            } else {
                int u = unseen.add(buf, off, len);
                if (u >= unseenCounts.length) {
                    unseenCounts = Arrays.copyOf(unseenCounts, unseenCounts.length * 2);
                }
                unseenCounts[u]++;
            }
        }
    }

    /** Options for {@link KeywordExtractor}. */
    public static final class Builder {
        private final TfidfModel model;
        private int top = 10;
        private Unseen unseen = Unseen.MEDIAN_IDF;
        private Collection<String> stopWords = Set.of();
        private int minLength = 1;
        private boolean skipNonWords = true;
        private Collection<String> allowedTags;
        private java.util.function.UnaryOperator<List<org.classicnlp.core.Token>> tagger;

        private Builder(TfidfModel model) {
            this.model = Objects.requireNonNull(model, "model");
        }

        /** How many keywords per document (default 10). */
        public Builder top(int top) {
            if (top < 1) {
                throw new IllegalArgumentException("top must be >= 1, got " + top);
            }
            this.top = top;
            return this;
        }

        /** What to do with terms outside the model's vocabulary (default {@link Unseen#MEDIAN_IDF}). */
        public Builder unseen(Unseen unseen) {
            this.unseen = Objects.requireNonNull(unseen, "unseen");
            return this;
        }

        /** Terms that may never be keywords (in addition to the model's own stop words). */
        public Builder stopWords(Collection<String> stopWords) {
            this.stopWords = List.copyOf(stopWords);
            return this;
        }

        /** Minimum keyword length in code points (default 1). */
        public Builder minLength(int minLength) {
            if (minLength < 1) {
                throw new IllegalArgumentException("minLength must be >= 1, got " + minLength);
            }
            this.minLength = minLength;
            return this;
        }

        /** Whether terms without any letter or digit (punctuation, symbols) are skipped (default true). */
        public Builder skipNonWords(boolean skipNonWords) {
            this.skipNonWords = skipNonWords;
            return this;
        }

        /**
         * Only terms tagged with one of {@code tags} in the document may be keywords, as jieba's
         * {@code extract_tags(allowPOS=...)}; the TF-IDF weights are those of all terms. The document is run
         * through the model's analyzer plus {@code tagger} (see {@link #tagger}; default: the shipped Chinese
         * tagger, People's Daily tags such as {@code n, nr, ns, nt, nz, v, vn}). With n-gram terms only
         * single words can pass. Empty or null: no tag filter (the default).
         */
        public Builder allowedTags(Collection<String> tags) {
            this.allowedTags = tags == null || tags.isEmpty() ? null : List.copyOf(tags);
            return this;
        }

        /** The tagger {@link #allowedTags} uses (default {@link org.classicnlp.pos.Taggers#chinese()}). */
        public Builder tagger(java.util.function.UnaryOperator<List<org.classicnlp.core.Token>> tagger) {
            this.tagger = Objects.requireNonNull(tagger, "tagger");
            return this;
        }

        public KeywordExtractor build() {
            return new KeywordExtractor(this);
        }
    }
}
