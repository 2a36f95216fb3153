package org.classicnlp.segment;

import org.classicnlp.core.Corpus;
import org.classicnlp.core.ProgressListener;
import org.classicnlp.core.Sentence;

/**
 * Trains a {@link HybridModel} (the character HMM plus the corpus's word counts) from a segmented corpus in
 * one pass: {@code HybridTrainer.builder().smoothing(0.5).build().fit(corpus)}. {@link HybridModel#train}
 * is the shortcut with the defaults.
 */
public final class HybridTrainer {

    private final double smoothing;

    private HybridTrainer(Builder b) {
        this.smoothing = b.smoothing;
    }

    public static Builder builder() {
        return new Builder();
    }

    public HybridModel fit(Corpus<Sentence> corpus) {
        return fit(corpus, ProgressListener.NONE);
    }

    /** As {@link #fit(Corpus)}, reporting stage {@code "count"} in sentences read. */
    public HybridModel fit(Corpus<Sentence> corpus, ProgressListener listener) {
        return HybridModel.train(ProgressListener.counting(corpus, "count", listener), smoothing);
    }

    public double smoothing() {
        return smoothing;
    }

    /** The trainer's parameters, each with its default. */
    public static final class Builder {
        private double smoothing = HmmModel.DEFAULT_SMOOTHING;

        private Builder() {
        }

        /** Add-α constant for the HMM's emission probabilities, &gt; 0 (default {@value HmmModel#DEFAULT_SMOOTHING}). */
        public Builder smoothing(double alpha) {
            this.smoothing = HmmTrainer.requirePositive(alpha);
            return this;
        }

        public HybridTrainer build() {
            return new HybridTrainer(this);
        }
    }
}
