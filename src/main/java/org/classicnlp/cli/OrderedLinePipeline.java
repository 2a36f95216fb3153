package org.classicnlp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.classicnlp.core.BatchExecutor;
import org.classicnlp.core.CorpusFormatException;

/**
 * Cuts every line of a UTF-8 byte stream into spans and writes, in input order, each line's spans
 * separated by single spaces. The calling thread only moves bytes (reads chunks cut at line ends, writes
 * finished chunks); worker threads split, decode, segment and write, so the I/O work runs in parallel too.
 * A span's output bytes are copied straight from the input line (char offsets mapped to byte offsets),
 * so no output string is built or encoded. The chunks run on {@link BatchExecutor}, so memory stays
 * bounded however large the input.
 *
 * <p>Line ends LF, CRLF and lone CR are accepted; a leading byte-order mark is dropped; each output line
 * ends with LF. Malformed UTF-8 fails with the source name and line number.
 */
final class OrderedLinePipeline {

    private static final int CHUNK_BYTES = 1 << 18;

    private OrderedLinePipeline() {
    }

    /** A block of whole lines; {@code firstLine} is the 1-based number of its first line. */
    private record Chunk(byte[] bytes, int length, long firstLine) {
    }

    /**
     * @param spansOf a line's spans as {@code [start0, end0, start1, end1, ...]} char offsets (in any order,
     *                overlapping allowed), as {@link org.classicnlp.segment.Segmenter#spans} gives them
     */
    static void run(InputStream in, Path source, OutputStream out, int threads,
                    Function<String, int[]> spansOf) throws IOException {
        Path name = source == null ? Path.of("<stdin>") : source;
        ChunkReader reader = new ChunkReader(in);
        Iterator<Chunk> chunks = new Iterator<>() {
            private Chunk next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = reader.next();
                    } catch (IOException e) {
                        throw new IoFailure(e);
                    }
                }
                return next != null;
            }

            @Override
            public Chunk next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Chunk c = next;
                next = null;
                return c;
            }
        };
        try {
            BatchExecutor.run(chunks, threads, c -> process(c, name, spansOf), o -> {
                try {
                    o.writeTo(out);
                    if (out instanceof java.io.PrintStream ps && ps.checkError()) {
                        // stop at the first failed write (a full disk, a closed pipe) rather than segment the rest
                        throw new IOException("error writing to standard output");
                    }
                } catch (IOException e) {
                    throw new IoFailure(e);
                }
            });
        } catch (IoFailure e) {
            throw e.getCause();
        }
        out.flush();
        CliIO.checkWritten(out);
    }

    /** An I/O failure of the reader or writer carried through the executor, unwrapped in {@link #run}. */
    private static final class IoFailure extends UncheckedIOException {
        IoFailure(IOException cause) {
            super(cause);
        }
    }

    /** A finished chunk of output bytes. */
    private record Output(byte[] bytes, int length) {
        void writeTo(OutputStream out) throws IOException {
            out.write(bytes, 0, length);
        }
    }

    /** Splits a chunk into lines, decodes and segments them, and copies each span's bytes to the output. */
    private static Output process(Chunk c, Path source, Function<String, int[]> spansOf) {
        byte[] b = c.bytes();
        byte[] o = new byte[c.length() + c.length() / 4 + 16];
        int size = 0;
        int[] byteAt = new int[256];
        long lineNo = c.firstLine();
        int start = 0;
        if (lineNo == 1 && c.length() >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
            start = 3;
        }
        int i = start;
        while (start < c.length()) {
            while (i < c.length() && b[i] != '\n' && b[i] != '\r') {
                i++;
            }
            String line = decode(b, start, i, source, lineNo);
            int[] spans = spansOf.apply(line);
            // Byte offset of every char offset: the line decoded strictly, so UTF-8 lengths map back exactly.
            int n = line.length();
            if (byteAt.length <= n) {
                byteAt = new int[Math.max(n + 1, byteAt.length * 2)];
            }
            int p = start;
            for (int k = 0; k < n; k++) {
                byteAt[k] = p;
                char ch = line.charAt(k);
                p += ch < 0x80 ? 1 : ch < 0x800 || Character.isSurrogate(ch) ? 2 : 3;
            }
            byteAt[n] = p;
            int need = spans.length / 2 + 1;
            for (int k = 0; k < spans.length; k += 2) {
                need += byteAt[spans[k + 1]] - byteAt[spans[k]];
            }
            if (size + need > o.length) {
                o = Arrays.copyOf(o, Math.max(o.length * 2, size + need));
            }
            for (int k = 0; k < spans.length; k += 2) {
                if (k > 0) {
                    o[size++] = ' ';
                }
                int from = byteAt[spans[k]];
                int len = byteAt[spans[k + 1]] - from;
                System.arraycopy(b, from, o, size, len);
                size += len;
            }
            o[size++] = '\n';
            lineNo++;
            if (i < c.length() && b[i] == '\r' && i + 1 < c.length() && b[i + 1] == '\n') {
                i++;
            }
            i++;
            start = i;
        }
        return new Output(o, size);
    }

    private static String decode(byte[] b, int from, int to, Path source, long lineNo) {
        String s = new String(b, from, to - from, StandardCharsets.UTF_8);
        // The fast constructor replaces bad bytes with U+FFFD; only then decode strictly to tell real
        // U+FFFD characters from malformed input.
        if (s.indexOf('\uFFFD') >= 0) {
            try {
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b, from, to - from));
            } catch (CharacterCodingException e) {
                throw new CorpusFormatException(source, lineNo, "not valid UTF-8", e);
            }
        }
        return s;
    }

    /** Reads the stream in chunks that end just after a line end (or at the end of the stream). */
    private static final class ChunkReader {
        private final InputStream in;
        private byte[] carry = new byte[0];
        private int carryLength;
        private long nextLine = 1;
        private boolean eof;
        private boolean lastWasCr;

        ChunkReader(InputStream in) {
            this.in = in;
        }

        Chunk next() throws IOException {
            if (eof && carryLength == 0) {
                return null;
            }
            byte[] buf = Arrays.copyOf(carry, Math.max(CHUNK_BYTES, carryLength * 2));
            int len = carryLength;
            int cut = -1;
            while (cut < 0 && !eof) {
                if (len == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int n = in.read(buf, len, buf.length - len);
                if (n < 0) {
                    eof = true;
                    break;
                }
                len += n;
                if (len >= CHUNK_BYTES) {
                    cut = lastLineEnd(buf, len);
                }
            }
            if (cut < 0) {
                cut = len; // end of stream: the rest is the last line(s)
            }
            carryLength = len - cut;
            carry = Arrays.copyOfRange(buf, cut, len);
            if (cut == 0) {
                return eof ? null : next();
            }
            Chunk chunk = new Chunk(buf, cut, nextLine);
            nextLine += countLines(buf, cut);
            return chunk;
        }

        /** Position just after the last LF; a chunk never ends between CR and LF. */
        private static int lastLineEnd(byte[] b, int len) {
            for (int i = len - 1; i >= 0; i--) {
                if (b[i] == '\n') {
                    return i + 1;
                }
            }
            return -1;
        }

        private long countLines(byte[] b, int len) {
            long lines = 0;
            for (int i = 0; i < len; i++) {
                if (b[i] == '\n') {
                    if (!(i > 0 ? b[i - 1] == '\r' : lastWasCr)) {
                        lines++;
                    }
                } else if (b[i] == '\r') {
                    lines++;
                }
            }
            // A chunk that does not end with a line end holds one more (last) line.
            if (len > 0 && b[len - 1] != '\n' && b[len - 1] != '\r') {
                lines++;
            }
            lastWasCr = len > 0 && b[len - 1] == '\r';
            return lines;
        }
    }
}
