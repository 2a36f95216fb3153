package org.classicnlp.core;

/**
 * Progress of a long job (training, a batch pass), reported from the thread that runs the job. A trainer
 * calls it as often as is cheap (per batch, not per item); a CLI turns it into a progress bar.
 */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores all progress. */
    ProgressListener NONE = (stage, done, total) -> {
    };

    /**
     * @param stage what is running, e.g. {@code "count"}, {@code "train"}; stable, lower case
     * @param done  units done so far in this stage (documents, words, sentences), never decreasing
     * @param total units in the stage when known, else {@code -1}
     */
    void progress(String stage, long done, long total);
}
