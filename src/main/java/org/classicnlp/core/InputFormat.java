package org.classicnlp.core;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How {@link Corpora#open} reads a path; each value names one of the {@link Corpora} readers. {@link #AUTO}
 * chooses by the path's kind, name and first content line (see {@link Corpora#detect}).
 */
public enum InputFormat {
    /** Choose from the path: see {@link Corpora#detect}. */
    AUTO("auto"),
    /** Plain text, one document per line ({@link Corpora#lines}). */
    LINES("lines"),
    /** JSON Lines with {@code text} and optional {@code id} ({@link Corpora#jsonl}). */
    JSONL("jsonl"),
    /** SIGHAN bakeoff segmented text ({@link Corpora#sighan}); a document per sentence, words joined. */
    SIGHAN("sighan"),
    /** People's Daily 1998 tagged text ({@link Corpora#peoplesDaily}); a document per sentence, words joined. */
    PD98("pd98"),
    /** WikiExtractor output, a file or a directory ({@link Corpora#wikiExtractor}). */
    WIKI("wiki"),
    /** A directory of files, one document per file ({@link Corpora#directory}). */
    DIR("dir");

    private final String id;

    InputFormat(String id) {
        this.id = id;
    }

    /** The lower-case name used on command lines and in messages. */
    public String id() {
        return id;
    }

    /** The format named {@code name} (case-insensitive), or an exception listing the names. */
    public static InputFormat of(String name) {
        for (InputFormat f : values()) {
            if (f.id.equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown input format '" + name + "'; expected " + names());
    }

    /** {@code "auto, lines, jsonl, sighan, pd98, wiki or dir"}. */
    public static String names() {
        String all = Arrays.stream(values()).map(InputFormat::id).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }

    @Override
    public String toString() {
        return id;
    }
}
