package org.classicnlp.ngram;

/** What an n-gram model counts: the analyzer's terms, or the characters of those terms (spaces dropped). */
public enum Unit {
    /** Each analysed term is one token. */
    WORD,
    /** Each character (Unicode code point) of each analysed term is one token; white space is dropped. */
    CHAR;

    /** {@code word} or {@code char}, as on the command line. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The unit named {@code name} ({@code word} or {@code char}, case-insensitive). */
    public static Unit of(String name) {
        for (Unit u : values()) {
            if (u.id().equalsIgnoreCase(name)) {
                return u;
            }
        }
        throw new IllegalArgumentException("unknown unit '" + name + "'; expected word or char");
    }
}
