package org.classicnlp.core;

/**
 * One ranked result, the same type everywhere a ranking is returned: a keyword and its weight, a similar
 * word and its cosine, a search hit and its score, an FAQ answer and its match score. Higher scores rank
 * first.
 *
 * @param id    what was found: a term, a word, a document id, an answer
 * @param score its score under the ranking that produced it (documented by that ranking)
 */
public record Hit(String id, double score) implements java.io.Serializable {
}
