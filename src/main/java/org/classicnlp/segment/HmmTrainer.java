package org.classicnlp.segment;

import org.classicnlp.core.Corpus;
import org.classicnlp.core.ProgressListener;
import org.classicnlp.core.Sentence;

/**
 * Trains the character B/M/E/S {@link HmmModel} from a segmented corpus ({@link
 * org.classicnlp.core.Corpora#sighan}, {@link org.classicnlp.core.Corpora#peoplesDaily}) in one pass:
 * {@code HmmTrainer.builder().smoothing(0.5).build().fit(corpus)}. {@link HmmModel#train} is the
 * shortcut with the defaults.
 */
public final class HmmTrainer {

    private final double smoothing;

    private HmmTrainer(Builder b) {
        this.smoothing = b.smoothing;
    }

    public static Builder builder() {
        return new Builder();
    }

    public HmmModel fit(Corpus<Sentence> corpus) {
        return fit(corpus, ProgressListener.NONE);
    }

    /** As {@link #fit(Corpus)}, reporting stage {@code "count"} in sentences read. */
    public HmmModel fit(Corpus<Sentence> corpus, ProgressListener listener) {
        return HmmModel.train(ProgressListener.counting(corpus, "count", listener), smoothing);
    }

    public double smoothing() {
        return smoothing;
    }

    /** The trainer's parameters, each with its default. */
    public static final class Builder {
        private double smoothing = HmmModel.DEFAULT_SMOOTHING;

        private Builder() {
        }

        /** Add-α constant for the emission probabilities, &gt; 0 (default {@value HmmModel#DEFAULT_SMOOTHING}). */
        public Builder smoothing(double alpha) {
            this.smoothing = requirePositive(alpha);
            return this;
        }

        public HmmTrainer build() {
            return new HmmTrainer(this);
        }
    }

    static double requirePositive(double alpha) {
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("smoothing must be > 0, was " + alpha);
        }
        return alpha;
    }
}
