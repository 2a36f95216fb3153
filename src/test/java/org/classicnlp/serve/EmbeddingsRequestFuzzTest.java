package org.classicnlp.serve;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target (issue 18): the {@code serve} request parser, {@link EmbeddingsRequest#parse}. Its one
 * documented failure is an {@link ApiError} with status 400 and a message (the server answers it as the hosted
 * API's error object); anything else would be a 500.
 */
class EmbeddingsRequestFuzzTest {

    @FuzzTest
    void embeddingsRequest(byte[] body) {
        try {
            EmbeddingsRequest r = EmbeddingsRequest.parse(body);
            if (r.model() == null || r.size() < 1) {
                throw new AssertionError("parsed a request without model or input: " + r);
            }
        } catch (ApiError e) {
            if (e.status != 400 || e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("ApiError " + e.status + " '" + e.getMessage() + "'", e);
            }
        }
    }
}
