package org.classicnlp.core;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads UTF-8 lines from a byte stream, decoding each line on its own so that malformed bytes are
 * reported with the exact line number (a reader that decodes whole buffers cannot say where). Accepts
 * LF, CRLF and lone CR line ends; drops a leading byte-order mark. Not thread-safe.
 */
public final class LineReader implements Closeable {

    private final InputStream in;
    private final Path source;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] line = new byte[256];
    private long lineNumber;
    private boolean first = true;
    private boolean pendingCr;

    /** @param source the file name used in error messages ({@code <stdin>} when null) */
    public LineReader(InputStream in, Path source) {
        this.in = in;
        this.source = source == null ? Path.of("<stdin>") : source;
    }

    /** The next line without its terminator, or {@code null} at the end. */
    public String readLine() {
        return nextBytes() ? decode(lineStart, lineEnd) : null;
    }

    private int lineStart;
    private int lineEnd;

    /**
     * Reads the next line as bytes, without its terminator (and without a leading byte-order mark), into
     * {@link #lineBytes()}{@code [}{@link #lineStart()}{@code , }{@link #lineEnd()}{@code )}; false at the end.
     * The bytes are not checked: {@link #decodeLine()} decodes them as {@link #readLine()} would, for callers
     * that work on the bytes of ASCII lines and decode the others.
     */
    public boolean nextBytes() {
        int len = 0;
        boolean any = false;
        while (true) {
            if (pos == limit && !fill()) {
                if (!any) {
                    return false;
                }
                break;
            }
            byte b = buf[pos];
            if (pendingCr) {
                pendingCr = false;
                if (b == '\n') {
                    pos++;
                    continue;
                }
            }
            any = true;
            // copy the run up to the next line end at once
            int p = pos;
            int lim = limit;
            while (p < lim && buf[p] != '\n' && buf[p] != '\r') {
                p++;
            }
            int run = p - pos;
            if (len + run > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, len + run));
            }
            System.arraycopy(buf, pos, line, len, run);
            len += run;
            pos = p;
            if (p == lim) {
                continue;
            }
            pos++;
            if (buf[p] == '\r') {
                pendingCr = true;
            }
            break;
        }
        lineNumber++;
        int start = 0;
        if (first) {
            first = false;
            if (len >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
                start = 3;
            }
        }
        lineStart = start;
        lineEnd = len;
        return true;
    }

    /** The buffer holding the line last read by {@link #nextBytes()} (reused: valid until the next read). */
    public byte[] lineBytes() {
        return line;
    }

    public int lineStart() {
        return lineStart;
    }

    public int lineEnd() {
        return lineEnd;
    }

    /** The line last read by {@link #nextBytes()} as {@link #readLine()} returns it (bad UTF-8 is an error naming the line). */
    public String decodeLine() {
        return decode(lineStart, lineEnd);
    }

    private String decode(int start, int end) {
        boolean ascii = true;
        for (int i = start; i < end; i++) {
            if (line[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(line, start, end - start, StandardCharsets.ISO_8859_1);
        }
        // The String constructor is the fast path but replaces bad bytes with U+FFFD; only when a U+FFFD
        // shows up is the line decoded strictly, to tell a real U+FFFD from malformed input.
        String s = new String(line, start, end - start, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') >= 0) {
            try {
                decoder.decode(ByteBuffer.wrap(line, start, end - start));
            } catch (CharacterCodingException e) {
                throw new CorpusFormatException(source, lineNumber, "not valid UTF-8", e);
            }
        }
        return s;
    }

    private boolean fill() {
        try {
            int n = in.read(buf);
            pos = 0;
            limit = Math.max(n, 0);
            return n > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("error reading " + source + " near line " + (lineNumber + 1), e);
        }
    }

    /** Number of the line last returned (1-based). */
    public long lineNumber() {
        return lineNumber;
    }

    public Path source() {
        return source;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("error closing " + source, e);
        }
    }
}
