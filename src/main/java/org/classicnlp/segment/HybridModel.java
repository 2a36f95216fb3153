package org.classicnlp.segment;

import org.classicnlp.core.ModelContainer;
import org.classicnlp.core.ModelFormatException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Sentence;
import org.classicnlp.core.Token;
import org.classicnlp.lexicon.CharNormalizer;
import org.classicnlp.lexicon.Lexicon;

/**
 * What {@link HybridSegmenter} learns from a segmented corpus: the character {@link HmmModel} for new
 * words and the corpus's word counts (width-folded) as a frequency dictionary. Immutable; both parts
 * are trained in one pass.
 *
 * <p>Body of the model file ({@link ModelContainer} kind {@code hybrid}, version 1, gzip): the HMM body exactly as
 * in {@link HmmModel}, then {@code int} word count N and N records {@code (UTF word, int frequency)}
 * sorted by word.
 */
public final class HybridModel {

    private final HmmModel hmm;
    /** Words and counts as stored; the {@link Lexicon} (two tries) is built only when asked for. */
    private final String[] words;
    private final long[] counts;
    private volatile Lexicon trainingWords;

    public HybridModel(HmmModel hmm, Lexicon trainingWords) {
        this.hmm = Objects.requireNonNull(hmm, "hmm");
        this.trainingWords = Objects.requireNonNull(trainingWords, "trainingWords");
        this.words = new String[trainingWords.size()];
        this.counts = new long[words.length];
        for (int id = 0; id < words.length; id++) {
            words[id] = trainingWords.word(id);
            counts[id] = trainingWords.frequency(id);
        }
    }

    private HybridModel(HmmModel hmm, String[] words, long[] counts) {
        this.hmm = hmm;
        this.words = words;
        this.counts = counts;
    }

    /** Number of distinct training words. */
    public int trainingWordCount() {
        return words.length;
    }

    String word(int i) {
        return words[i];
    }

    long count(int i) {
        return counts[i];
    }

    /** Trains the HMM (default smoothing) and counts the words of {@code corpus} in one pass. */
    public static HybridModel train(Corpus<Sentence> corpus) {
        return train(corpus, HmmModel.DEFAULT_SMOOTHING);
    }

    public static HybridModel train(Corpus<Sentence> corpus, double smoothing) {
        HmmModel.Counts counts = new HmmModel.Counts();
        Map<String, Long> words = new HashMap<>();
        corpus.forEach(s -> {
            counts.add(s.tokens());
            for (Token t : s.tokens()) {
                words.merge(CharNormalizer.foldWidth(t.text()), 1L, Long::sum);
            }
        });
        return new HybridModel(counts.model(smoothing), Lexicon.fromCounts("training", words));
    }

    public HmmModel hmm() {
        return hmm;
    }

    /** The training corpus's words with their counts. */
    public Lexicon trainingWords() {
        Lexicon lexicon = trainingWords;
        if (lexicon == null) {
            List<Lexicon.Entry> entries = new ArrayList<>(words.length);
            for (int i = 0; i < words.length; i++) {
                entries.add(Lexicon.Entry.of(words[i], counts[i]));
            }
            lexicon = Lexicon.of("training", entries);
            trainingWords = lexicon;
        }
        return lexicon;
    }

    /** Model-file kind of a hybrid model ({@link ModelContainer}, gzip body). */
    static final ModelContainer.Kind KIND = new ModelContainer.Kind("hybrid", 1);

    /** Saves in the {@link ModelContainer} (kind {@code hybrid}, version 1) with the body described on this class. */
    public void save(Path file) {
        ModelContainer.save(file, KIND, null, ModelContainer.Compression.GZIP, out -> {
            hmm.writeBody(out);
            Integer[] order = new Integer[words.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> words[a].compareTo(words[b]));
            out.writeInt(order.length);
            for (int i : order) {
                out.writeUTF(words[i]);
                out.writeInt((int) Math.min(Integer.MAX_VALUE, counts[i]));
            }
        });
    }

    /**
     * Loads a model saved by {@link #save}.
     *
     * @throws ModelFormatException naming the file if it is empty, foreign, an HMM-only model, of another
     *                              version, truncated or damaged
     */
    public static HybridModel load(Path file) {
        return ModelContainer.load(file, HybridModel::readBody, KIND);
    }

    public static HybridModel load(InputStream in, String source) {
        return ModelContainer.load(in, source, HybridModel::readBody, KIND);
    }

    private static HybridModel readBody(ModelContainer.Body body) throws IOException {
        HmmModel hmm = HmmModel.readBody(body);
        DataInputStream in = body.in();
        body.section("the word count");
        int n = in.readInt();
        if (n < 0 || n >= 50_000_000) {
            throw body.error("word count " + n + ", expected 0 to 49,999,999");
        }
        body.count(n, 7, "word record");   // 2-byte length, a byte at least, the 4-byte count
        String[] words = new String[n];
        long[] counts = new long[n];
        for (int i = 0; i < n; i++) {
            body.section("word record", i, n);
            String w = in.readUTF();
            int f = in.readInt();
            if (w.isEmpty() || f < 0) {
                throw body.error("record ('" + w + "', " + f + "), expected a non-empty word and a count >= 0");
            }
            words[i] = w;
            counts[i] = f;
        }
        return new HybridModel(hmm, words, counts);
    }

    static void skipWords(ModelContainer.Body body) throws IOException {
        DataInputStream in = body.in();
        body.section("the word count");
        int n = in.readInt();
        if (n < 0 || n >= 50_000_000) {
            throw body.error("word count " + n + ", expected 0 to 49,999,999");
        }
        for (int i = 0; i < n; i++) {
            body.section("word record", i, n);
            in.readUTF();
            in.readInt();
        }
    }

    /** Classpath resource of the shipped default model. */
    static final String DEFAULT_RESOURCE = "/org/classicnlp/models/hybrid-pd98-199801.bin";

    private static final class DefaultHolder {
        static final HybridModel INSTANCE = loadResource(DEFAULT_RESOURCE);
    }

    /** The shipped model trained on People's Daily 1998 January; loaded once, shared. */
    public static HybridModel defaultModel() {
        return DefaultHolder.INSTANCE;
    }

    private static HybridModel loadResource(String resource) {
        InputStream in = HybridModel.class.getResourceAsStream(resource);
        if (in == null) {
            throw new UncheckedIOException(new IOException("classpath resource " + resource
                    + " not found (the jar was built without the models/ directory)"));
        }
        return load(in, "classpath:" + resource);
    }
}
