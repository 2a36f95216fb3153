package org.classicnlp.core;

import java.util.Arrays;

/**
 * A reusable buffer of analysed terms for hot loops that must not allocate per token (TF-IDF counting,
 * Word2Vec corpus reading): the normalised terms of one text laid end to end in {@link #chars()}, term
 * {@code i} at {@code [start(i), end(i))}, with its offsets in the original text. Filled by
 * {@link Analyzer#analyze(String, TermBuffer)}; one per thread, never shared.
 */
public final class TermBuffer {

    char[] chars = new char[1024];
    int[] starts = new int[256];
    int[] ends = new int[256];
    int[] sourceStarts = new int[256];
    int[] sourceEnds = new int[256];
    int count;
    int length;

    public int count() {
        return count;
    }

    /** The shared character array; valid until the next fill. */
    public char[] chars() {
        return chars;
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    public int length(int i) {
        return ends[i] - starts[i];
    }

    /** Offset of term {@code i}'s first char in the original text. */
    public int sourceStart(int i) {
        return sourceStarts[i];
    }

    public int sourceEnd(int i) {
        return sourceEnds[i];
    }

    /** Term {@code i} as a new String. */
    public String term(int i) {
        return new String(chars, starts[i], ends[i] - starts[i]);
    }

    void clear() {
        count = 0;
        length = 0;
    }

    /** Room for {@code more} chars after the current end. */
    void ensureChars(int more) {
        if (length + more > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(length + more, chars.length * 2));
        }
    }

    /** Appends the term already written at {@code chars[length, length + len)}. */
    void commit(int len, int sourceStart, int sourceEnd) {
        if (count == starts.length) {
            int n = count * 2;
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            sourceStarts = Arrays.copyOf(sourceStarts, n);
            sourceEnds = Arrays.copyOf(sourceEnds, n);
        }
        starts[count] = length;
        ends[count] = length + len;
        sourceStarts[count] = sourceStart;
        sourceEnds[count] = sourceEnd;
        count++;
        length += len;
    }
}
