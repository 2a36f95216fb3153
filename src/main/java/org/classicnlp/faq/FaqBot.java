package org.classicnlp.faq;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.CorpusFormatException;
import org.classicnlp.core.Document;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.Hit;
import org.classicnlp.core.TextFiles;
import org.classicnlp.index.Bm25Index;
import org.classicnlp.index.SemanticIndex;
import org.classicnlp.index.TextSearcher;

/**
 * A retrieval FAQ bot (ChatterBot's best-match idea): a user question is matched against the stored
 * questions and the answer of the best match is the reply, when its score reaches the threshold; else the
 * configured "no answer" reply. The match is any {@link TextSearcher} over the stored questions: BM25
 * ({@link #bm25}) or an embedder's cosine ({@link #embedded}). Immutable and thread-safe.
 */
public final class FaqBot {

    /** The reply of ChatterBot's default response adapter, in spirit. */
    public static final String DEFAULT_NO_ANSWER = "Sorry, I do not know the answer to that.";

    /** One stored question and its answer. */
    public record Entry(String question, String answer) {
        public Entry {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(answer, "answer");
        }
    }

    private final List<Entry> entries;
    private final TextSearcher searcher;
    private final double threshold;
    private final String noAnswer;

    private FaqBot(List<Entry> entries, TextSearcher searcher, double threshold, String noAnswer) {
        this.entries = entries;
        this.searcher = searcher;
        this.threshold = threshold;
        this.noAnswer = Objects.requireNonNull(noAnswer, "noAnswer");
    }

    /** A bot over {@code entries}, any question's score accepted (threshold −∞). */
    public static FaqBot of(List<Entry> entries, Function<Corpus<Document>, TextSearcher> indexer) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("the FAQ has no entries");
        }
        List<Entry> copy = List.copyOf(entries);
        Corpus<Document> questions = () -> {
            List<Document> docs = new ArrayList<>(copy.size());
            for (int i = 0; i < copy.size(); i++) {
                docs.add(new Document(Integer.toString(i), copy.get(i).question()));
            }
            return docs.stream();
        };
        return new FaqBot(copy, indexer.apply(questions), Double.NEGATIVE_INFINITY, DEFAULT_NO_ANSWER);
    }

    /** Questions ranked by BM25 (Lucene's k1 = 1.2, b = 0.75) over {@code analyzer}'s terms. */
    public static FaqBot bm25(List<Entry> entries, Analyzer analyzer) {
        return of(entries, qs -> Bm25Index.fit(qs, analyzer));
    }

    /** Questions ranked by the cosine of {@code embedder}'s vectors (exact search). */
    public static FaqBot embedded(List<Entry> entries, Embedder embedder) {
        return of(entries, qs -> SemanticIndex.build(qs, embedder, null));
    }

    /**
     * Questions ranked by {@code denseWeight · cosine + (1 − denseWeight) · bm25 / max bm25}
     * ({@link org.classicnlp.index.HybridSearch}): BM25 over {@code analyzer}'s terms with {@code embedder}'s
     * cosine, so an exact shared word and a paraphrase both count.
     */
    public static FaqBot hybrid(List<Entry> entries, Analyzer analyzer, Embedder embedder, double denseWeight) {
        return of(entries, qs -> new org.classicnlp.index.HybridSearch(Bm25Index.fit(qs, analyzer),
                SemanticIndex.build(qs, embedder, null), denseWeight));
    }

    /** This bot answering only when the best score is at least {@code threshold} (any real number). */
    public FaqBot withThreshold(double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold is NaN");
        }
        return new FaqBot(entries, searcher, threshold, noAnswer);
    }

    /** This bot replying {@code reply} when no stored question scores at least the threshold. */
    public FaqBot withNoAnswer(String reply) {
        return new FaqBot(entries, searcher, threshold, reply);
    }

    public List<Entry> entries() {
        return entries;
    }

    public double threshold() {
        return threshold;
    }

    /**
     * The best-matching entry and its score, or null when no stored question matches at all (BM25: no
     * shared term); the threshold is not applied.
     */
    public Match best(String question) {
        List<Hit> hits = searcher.search(question, 1);
        if (hits.isEmpty()) {
            return null;
        }
        Hit h = hits.get(0);
        return new Match(Integer.parseInt(h.id()), h.score());
    }

    /** The best entry (its index in {@link #entries()}) with its score. */
    public record Match(int entry, double score) {
    }

    /**
     * The reply: the best entry's answer and its score when the score reaches the threshold, else the
     * no-answer reply with the best score (0 when nothing matched).
     */
    public Hit answer(String question) {
        Match m = best(question);
        double score = m == null ? 0 : m.score();
        if (m != null && score >= threshold) {
            return new Hit(entries.get(m.entry()).answer(), score);
        }
        return new Hit(noAnswer, score);
    }

    /**
     * Reads an FAQ file: JSON Lines, one {@code {"question": "...", "answer": "..."}} per line (other fields
     * ignored, blank lines skipped).
     *
     * @throws CorpusFormatException naming the file and line of a bad line
     */
    public static List<Entry> read(Path file) {
        List<Entry> out = new ArrayList<>();
        try (var lines = TextFiles.numberedLines(file)) {
            lines.filter(l -> !l.text().isBlank()).forEach(l -> out.add(parse(file, l)));
        }
        if (out.isEmpty()) {
            throw new CorpusFormatException(file, 0, "no FAQ entries (expected {\"question\",\"answer\"} lines)");
        }
        return out;
    }

    private static Entry parse(Path file, TextFiles.NumberedLine line) {
        Map<String, String> fields = Corpora.jsonFields(file, line, "question", "answer");
        return new Entry(fields.get("question"), fields.get("answer"));
    }
}
