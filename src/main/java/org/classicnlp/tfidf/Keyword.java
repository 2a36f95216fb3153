package org.classicnlp.tfidf;

/**
 * One keyword of a document: a term and its TF-IDF weight in that document.
 *
 * @param term   the term (a word or a space-joined n-gram)
 * @param weight its weight; keywords are ranked by weight, highest first
 */
public record Keyword(String term, double weight) implements java.io.Serializable {
}
