package org.classicnlp.embed;

/**
 * An OpenAI-compatible endpoint refused or failed a request: the HTTP status (0 when no answer came), the
 * endpoint's own error {@code code}/{@code type} when it gave them, and a message with the endpoint's message.
 */
public final class OpenAiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String type;

    OpenAiException(String message, int status, String code, String type, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.type = type;
    }

    /** The HTTP status of the last answer, or 0 when the endpoint could not be reached. */
    public int status() {
        return status;
    }

    /** The endpoint's {@code error.code} (e.g. {@code model_not_found}), or null. */
    public String code() {
        return code;
    }

    /** The endpoint's {@code error.type} (e.g. {@code invalid_request_error}), or null. */
    public String type() {
        return type;
    }
}
