package org.classicnlp.core;

import java.util.Objects;

/**
 * A surface form with its character offsets in the original text ({@code text.substring(start, end)}
 * equals {@link #text()}), an optional tag (part of speech, or {@code null}), and its normalised form.
 *
 * @param text  the original characters
 * @param start offset of the first char in the original text
 * @param end   offset after the last char
 * @param tag   part of speech or other tag, or {@code null}
 * @param norm  the form dictionaries, models and consumers look up (after an {@link Analyzer}'s
 *              normalisers: width folding, Traditional→Simplified, lowercase); equals {@code text} when
 *              nothing normalised it
 */
public record Token(String text, int start, int end, String tag, String norm) {

    public Token {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad token offsets [" + start + "," + end + ") for '" + text + "'");
        }
        if (norm == null) {
            norm = text;
        }
    }

    public Token(String text, int start, int end, String tag) {
        this(text, start, end, tag, text);
    }

    public Token(String text, int start, int end) {
        this(text, start, end, null, text);
    }

    /** The token cut from {@code source} at {@code [start, end)}. */
    public static Token of(String source, int start, int end) {
        return new Token(source.substring(start, end), start, end, null, null);
    }

    public Token withTag(String newTag) {
        return new Token(text, start, end, newTag, norm);
    }

    public Token withNorm(String newNorm) {
        return new Token(text, start, end, tag, newNorm);
    }

    public int length() {
        return end - start;
    }

    @Override
    public String toString() {
        String s = text + " [" + start + "," + end + ")";
        if (!norm.equals(text)) {
            s += " ~" + norm;
        }
        return tag == null ? s : s + " " + tag;
    }
}
