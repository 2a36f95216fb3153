/**
 * TF-IDF: {@link org.classicnlp.tfidf.TfidfVectorizer} (scikit-learn's parameters and defaults) fits an
 * immutable {@link org.classicnlp.tfidf.TfidfModel} (an {@link org.classicnlp.core.Embedder}) in one
 * streaming pass; {@link org.classicnlp.tfidf.KeywordExtractor} ranks a document's terms;
 * batch jobs run on {@link org.classicnlp.core.BatchExecutor}, with results in input order.
 *
 * <p>Choices made where scikit-learn has nothing to say, all documented on the classes: the textbook
 * preset ({@code tf = count / length}, {@code idf = log10(N/df)}); unseen terms in keyword extraction get
 * the model's median idf (jieba's rule, element n/2 of the sorted idf values); keyword ties are broken by
 * term in code-point order; logarithms use {@link java.lang.StrictMath} so results are bit-identical on
 * every JVM.
 */
package org.classicnlp.tfidf;
