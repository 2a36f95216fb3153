package org.classicnlp.pos.corenlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.classicnlp.pos.Tagger;

/**
 * Stanford CoreNLP's maximum-entropy tagger ({@code MaxentTagger}) behind the {@link Tagger} interface, for
 * side-by-side runs (bench/pos_bench.sh) and for users who already use CoreNLP. Penn Treebank tags for
 * the English models.
 *
 * <p>CoreNLP is an optional dependency (GPL-3.0): it is in neither the library's dependencies nor
 * {@code target/classicnlp.jar}. Put {@code edu.stanford.nlp:stanford-corenlp} (4.5.x) on the classpath,
 * and for {@link #englishLeft3Words()} its {@code models} classifier jar; {@link #available()} and
 * {@link #modelAvailable(String)} tell whether they are there. Each {@code tagWords} call hands CoreNLP a
 * fresh sentence; CoreNLP keeps the per-sentence state in its own per-call objects, so one instance serves
 * several threads.
 */
public final class CoreNlpTagger implements Tagger {

    /** Classpath resource of CoreNLP's English left3words tagger (in its models jar). */
    public static final String ENGLISH_LEFT3WORDS = "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";
    private static final String TAGGER_CLASS = "edu.stanford.nlp.tagger.maxent.MaxentTagger";

    // Typed Object so that loading this class never needs CoreNLP's classes (available() must work without them).
    private final Object tagger;
    private final String model;
    private final List<String> tagSet;

    private CoreNlpTagger(Object tagger, String model, List<String> tagSet) {
        this.tagger = tagger;
        this.model = model;
        this.tagSet = tagSet;
    }

    /** Whether CoreNLP's tagger classes are on the classpath. */
    public static boolean available() {
        try {
            Class.forName(TAGGER_CLASS, false, CoreNlpTagger.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Whether the classpath holds the tagger model {@code resource} (e.g. {@link #ENGLISH_LEFT3WORDS}). */
    public static boolean modelAvailable(String resource) {
        ClassLoader loader = CoreNlpTagger.class.getClassLoader();
        return (loader != null ? loader : ClassLoader.getSystemClassLoader()).getResource(resource) != null;
    }

    /** CoreNLP's english-left3words-distsim tagger, from its models jar on the classpath. */
    public static CoreNlpTagger englishLeft3Words() {
        if (available() && !modelAvailable(ENGLISH_LEFT3WORDS)) {
            throw new IllegalStateException("CoreNLP's tagger model " + ENGLISH_LEFT3WORDS + " is not on the classpath:"
                    + " add the jar edu.stanford.nlp:stanford-corenlp:<version>:models");
        }
        return load(ENGLISH_LEFT3WORDS);
    }

    /**
     * A CoreNLP tagger model, by classpath resource or file path (as CoreNLP resolves it).
     *
     * @throws IllegalStateException when CoreNLP is not on the classpath or the model cannot be read
     */
    public static CoreNlpTagger load(String model) {
        Objects.requireNonNull(model, "model");
        if (!available()) {
            throw new IllegalStateException("CoreNLP is not on the classpath: the CoreNLP tagger needs the jar"
                    + " edu.stanford.nlp:stanford-corenlp (4.5.x) and, for its models, the 'models' classifier jar");
        }
        return Loaded.load(model);
    }

    /** The model this tagger was loaded from. */
    public String model() {
        return model;
    }

    @Override
    public List<String> tagWords(List<String> words) {
        return Loaded.tag(tagger, words);
    }

    @Override
    public List<String> tagSet() {
        return tagSet;
    }

    @Override
    public String toString() {
        return "CoreNlpTagger[" + model + ", " + tagSet.size() + " tags]";
    }

    /** Everything that touches CoreNLP's classes, loaded only once {@link #available()} holds. */
    private static final class Loaded {
        static CoreNlpTagger load(String model) {
            edu.stanford.nlp.tagger.maxent.MaxentTagger t;
            try {
                t = new edu.stanford.nlp.tagger.maxent.MaxentTagger(model);
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot load the CoreNLP tagger model " + model + ": " + e.getMessage(), e);
            }
            List<String> tags = new ArrayList<>(t.tagSet());
            tags.sort(null);
            return new CoreNlpTagger(t, model, List.copyOf(tags));
        }

        static List<String> tag(Object tagger, List<String> words) {
            List<edu.stanford.nlp.ling.Word> sentence = new ArrayList<>(words.size());
            for (String w : words) {
                sentence.add(new edu.stanford.nlp.ling.Word(w));
            }
            List<edu.stanford.nlp.ling.TaggedWord> tagged =
                    ((edu.stanford.nlp.tagger.maxent.MaxentTagger) tagger).tagSentence(sentence);
            if (tagged.size() != words.size()) {
                throw new IllegalStateException("CoreNLP returned " + tagged.size() + " tags for " + words.size() + " words");
            }
            List<String> out = new ArrayList<>(tagged.size());
            for (edu.stanford.nlp.ling.TaggedWord tw : tagged) {
                out.add(tw.tag());
            }
            return out;
        }
    }
}
