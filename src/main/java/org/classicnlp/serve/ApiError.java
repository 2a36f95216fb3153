package org.classicnlp.serve;

/**
 * A request the server refuses, answered in the hosted API's error shape
 * {@code {"error":{"message","type","param","code"}}} with an HTTP status. Thrown while handling a request and
 * turned into the response by {@link EmbeddingServer}; never escapes the server.
 */
final class ApiError extends RuntimeException {

    final int status;
    final String type;
    final String param;
    final String code;

    ApiError(int status, String type, String param, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    /** A 400 {@code invalid_request_error} about {@code param} (may be null). */
    static ApiError invalid(String param, String message) {
        return new ApiError(400, "invalid_request_error", param, null, message);
    }

    static ApiError invalid(String param, String code, String message) {
        return new ApiError(400, "invalid_request_error", param, code, message);
    }
}
