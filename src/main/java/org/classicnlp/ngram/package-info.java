/**
 * N-gram language models: {@link org.classicnlp.ngram.NGramTrainer} (interpolated modified Kneser-Ney identical
 * to KenLM's {@code lmplz} defaults), {@link org.classicnlp.ngram.NGramModel} (queries, perplexity, sampling,
 * ARPA and binary files), {@link org.classicnlp.ngram.Perplexity}.
 */
package org.classicnlp.ngram;
