package org.classicnlp.core;

import java.util.Objects;

/**
 * A surface form with its character offsets in the original text ({@code text.substring(start, end)}
 * equals {@link #text()}) and an optional tag (part of speech, or {@code null}).
 */
public record Token(String text, int start, int end, String tag) {

    public Token {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad token offsets [" + start + "," + end + ") for '" + text + "'");
        }
    }

    public Token(String text, int start, int end) {
        this(text, start, end, null);
    }

    /** The token cut from {@code source} at {@code [start, end)}. */
    public static Token of(String source, int start, int end) {
        return new Token(source.substring(start, end), start, end, null);
    }

    public Token withTag(String newTag) {
        return new Token(text, start, end, newTag);
    }

    public int length() {
        return end - start;
    }

    @Override
    public String toString() {
        return tag == null ? text + " [" + start + "," + end + ")" : text + " [" + start + "," + end + ") " + tag;
    }
}
