package org.classicnlp.core;

import java.util.Map;
import java.util.Objects;

/**
 * A unit of text to analyse: an id, the text, and optional metadata. Immutable.
 *
 * @param id       identifier unique within its corpus (line number, relative path, JSONL {@code id})
 * @param text     the raw text, never {@code null}
 * @param metadata extra fields (label, title, source); an unmodifiable copy is kept
 */
public record Document(String id, String text, Map<String, String> metadata) {

    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public Document(String id, String text) {
        this(id, text, Map.of());
    }
}
