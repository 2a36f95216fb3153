package org.classicnlp.core;

/**
 * An optional capability of an {@link Embedder}: its input may also be a sequence of token ids, each the index of a
 * term in the embedder's own vocabulary (for the word-vector embedders, the row of the word in the vectors), and it
 * says how many tokens its analyzer makes of a text. The server ({@code serve}) uses both: token-id inputs of
 * {@code /v1/embeddings} and the {@code usage} counts. Token ids are <em>not</em> tiktoken ids: a client that sends
 * ids must take them from this vocabulary.
 */
public interface TokenVocabulary {

    /** The number of token ids: valid ids are {@code 0 <= id < vocabularySize()}. */
    int vocabularySize();

    /** The term with this id. */
    String term(int id);

    /** The tokens the embedder's analyzer makes of {@code text}, as ids; -1 for a term outside the vocabulary. */
    int[] tokenIds(String text);

    /** The number of tokens the embedder's analyzer makes of {@code text} (known to the vocabulary or not). */
    default int countTokens(String text) {
        return tokenIds(text).length;
    }

    /** An embedding and the number of tokens it was made from (known to the vocabulary or not). */
    record Counted(FeatureVector vector, int tokens) {
    }

    /**
     * Embeds a text and counts its tokens from one analysis: the same vector as {@link Embedder#embed(String)}
     * (which skips terms outside the vocabulary) and the same count as {@link #countTokens}.
     */
    default Counted embedCounted(String text) {
        int[] ids = tokenIds(text);
        return new Counted(embedTokenIds(known(ids)), ids.length);
    }

    /** The ids of {@code ids} that are in the vocabulary ({@code >= 0}), in order. */
    static int[] known(int[] ids) {
        int n = 0;
        for (int id : ids) {
            n += id >= 0 ? 1 : 0;
        }
        if (n == ids.length) {
            return ids;
        }
        int[] out = new int[n];
        int k = 0;
        for (int id : ids) {
            if (id >= 0) {
                out[k++] = id;
            }
        }
        return out;
    }

    /**
     * Embeds an analysed text given as token ids, as {@link Embedder#embed(Document)} embeds the text whose
     * analysis gives those terms.
     *
     * @throws IllegalArgumentException naming the first id outside {@code [0, vocabularySize())}
     */
    FeatureVector embedTokenIds(int[] ids);

    /** Checks every id is in range; the message names the first bad one and its position. */
    default void checkIds(int[] ids) {
        int n = vocabularySize();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= n) {
                throw new IllegalArgumentException("token id " + ids[i] + " at position " + i
                        + " is outside the vocabulary (ids 0 to " + (n - 1) + ")");
            }
        }
    }
}
