package org.classicnlp.segment;

/**
 * What the maximum-matching segmenters do beyond the dictionary.
 *
 * <p>{@link #MIXED} is ClassicNLP's default: Latin letters, digits and English tokens (numbers such as
 * {@code 2.0}, URLs, e-mail addresses, contractions, hyphenated words) are atoms that a dictionary
 * word may not cut and that stay whole where the dictionary has nothing longer, and full-width forms
 * match their ASCII forms when the lexicon folds width. {@code 我用Java写了NLP程序，version 2.0。} gives
 * {@code 我 用 Java 写 了 NLP 程序 ， version 2.0 。}.
 *
 * <p>{@link #CLASSIC} is the textbook algorithm of the SIGHAN bakeoff baselines and of HanLP's
 * {@code DoubleArrayTrieSegment}: the dictionary is all the knowledge, every character it does not
 * cover is a token of its own, and text is matched as the lexicon stores it (exactly, for a lexicon
 * built with {@code foldWidth = false}). Use it to reproduce published baselines from a bakeoff word
 * list; its scores are those of the dictionary alone. Emoji sequences (see {@link
 * org.classicnlp.core.CharClass#emojiSequenceLength}) stay one token under both rules.
 *
 * <p>Independently of the rules, a segmenter over a Simplified lexicon may read Traditional characters as
 * Simplified ({@code traditionalToSimplified}; on for HanLP's core dictionary through
 * {@link Segmenters#create(String)} and the no-argument constructors).
 */
public enum MatchRules {
    CLASSIC,
    MIXED
}
