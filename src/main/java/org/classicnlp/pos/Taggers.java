package org.classicnlp.pos;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.AnalyzerSpec;
import org.classicnlp.core.ModelCache;
import org.classicnlp.core.ModelContainer;
import org.classicnlp.core.ModelRef;
import org.classicnlp.core.ModelFormatException;

/**
 * Loading any tagger model, the shipped default taggers, and the analyzers that tag. The defaults are in
 * the jar under {@code org/classicnlp/models/} (see {@code models/README.md}), loaded once and shared.
 */
public final class Taggers {

    /** English tag sets of the shipped models. */
    public enum EnglishTags {
        /** Universal POS tags (NOUN, VERB, ...). */
        UPOS,
        /** Penn Treebank tags (NN, VBD, ...), UD EWT's XPOS column. */
        XPOS
    }

    static final String ZH_RESOURCE = "/org/classicnlp/models/pos-zh-pd98.bin";
    static final String EN_UPOS_RESOURCE = "/org/classicnlp/models/pos-en-ewt-upos.bin";
    static final String EN_XPOS_RESOURCE = "/org/classicnlp/models/pos-en-ewt-xpos.bin";

    private Taggers() {
    }

    /**
     * A tagger model of either kind ({@link PerceptronTagger} or {@link HmmTagger}), told apart by the
     * container's kind tag.
     *
     * @throws ModelFormatException naming the file when it is no tagger model or is damaged
     */
    public static Tagger load(Path file) {
        return ModelContainer.load(file, Taggers::readAny, PerceptronTagger.KIND, HmmTagger.KIND);
    }

    /** As {@link #load(Path)} from a stream (closed here); {@code source} names it in messages. */
    public static Tagger load(InputStream in, String source) {
        return ModelContainer.load(in, source, Taggers::readAny, PerceptronTagger.KIND, HmmTagger.KIND);
    }

    /**
     * A tagger model of either kind from {@code ref}, loaded once per JVM for its content hash ({@link
     * ModelCache}, kind {@code "tagger"}); the tagger serialises as that reference, so it ships to Spark
     * executors without its tables.
     */
    public static Tagger load(ModelRef ref) {
        return ModelCache.get("tagger", ref, (in, source) -> {
            Tagger t = load(in, source);
            if (t instanceof PerceptronTagger p) {
                p.ref = ref;
            } else if (t instanceof HmmTagger h) {
                h.ref = ref;
            }
            return t;
        });
    }

    private static Tagger readAny(ModelContainer.Body body) throws IOException {
        return body.kind().equals(HmmTagger.KIND.tag()) ? HmmTagger.readBody(body) : PerceptronTagger.readBody(body);
    }

    private static final class Zh {
        static final PerceptronTagger INSTANCE = PerceptronTagger.loadResource(ZH_RESOURCE);
    }

    private static final class EnUpos {
        static final PerceptronTagger INSTANCE = PerceptronTagger.loadResource(EN_UPOS_RESOURCE);
    }

    private static final class EnXpos {
        static final PerceptronTagger INSTANCE = PerceptronTagger.loadResource(EN_XPOS_RESOURCE);
    }

    /** The shipped Chinese tagger: People's Daily 1998 tags (n, v, a, ns, nr, nt, t, m, ...). */
    public static PerceptronTagger chinese() {
        return Zh.INSTANCE;
    }

    /** The shipped English tagger for {@code tags}, trained on UD English EWT. */
    public static PerceptronTagger english(EnglishTags tags) {
        return tags == EnglishTags.UPOS ? EnUpos.INSTANCE : EnXpos.INSTANCE;
    }

    /**
     * Raw Chinese (and mixed) text to tagged tokens: the standard segmenter, then the shipped Chinese tagger;
     * {@code keepTags} (may be empty) keeps only tokens with those tags, e.g. {@code n, nr, ns, nt, nz, v, vn}.
     */
    public static Analyzer chineseAnalyzer(Collection<String> keepTags) {
        return Analyzer.builder(AnalyzerSpec.of("standard")).tagger(chinese()).tags(List.copyOf(keepTags)).build();
    }

    /** Raw English text to tagged tokens: the English tokenizer, then the shipped English tagger. */
    public static Analyzer englishAnalyzer(EnglishTags tags, Collection<String> keepTags) {
        return Analyzer.builder(AnalyzerSpec.of("english")).tagger(english(tags)).tags(List.copyOf(keepTags)).build();
    }

    static InputStream resource(String name) {
        InputStream in = Taggers.class.getResourceAsStream(name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("classpath resource " + name
                    + " not found (the jar was built without the models/ directory)"));
        }
        return in;
    }
}
