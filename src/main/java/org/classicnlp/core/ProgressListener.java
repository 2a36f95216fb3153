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

    /**
     * {@code corpus} telling {@code listener} how many items each pass has read: every
     * {@value #EVERY} items and once more when the pass's stream is closed ({@link Corpus#forEach} closes
     * it). For trainers that stream a corpus and know no better unit.
     */
    static <T> Corpus<T> counting(Corpus<T> corpus, String stage, ProgressListener listener) {
        if (listener == NONE) {
            return corpus;
        }
        return () -> {
            long[] n = {0};
            return corpus.stream().peek(x -> {
                if (++n[0] % EVERY == 0) {
                    listener.progress(stage, n[0], -1);
                }
            }).onClose(() -> listener.progress(stage, n[0], -1));
        };
    }

    /** How often {@link #counting} reports, in items. */
    int EVERY = 1024;
}
