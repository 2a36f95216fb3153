package org.classicnlp.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;

/**
 * Opening UTF-8 text files: transparent gzip for {@code .gz}, a leading byte-order mark dropped,
 * malformed bytes reported with file and line (never silently replaced), and any line ending (LF,
 * CRLF, CR) accepted.
 */
public final class TextFiles {

    private TextFiles() {
    }

    /** The file's bytes, decompressed when its name ends in {@code .gz}. */
    public static InputStream openStream(Path file) {
        try {
            InputStream in = Files.newInputStream(file);
            return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e, e);
        }
    }

    /** A line reader over the file ({@code .gz} decompressed), reporting bad UTF-8 by line. */
    public static LineReader lineReader(Path file) {
        return new LineReader(openStream(file), file);
    }

    /** The file's lines, lazily; close the stream. Decoding errors name the file and line. */
    public static Stream<String> lines(Path file) {
        return numberedLines(file).map(NumberedLine::text);
    }

    /** A line with its 1-based number in the file, for readers that report where input is wrong. */
    public record NumberedLine(long number, String text) {
    }

    /** The file's lines with their 1-based numbers, lazily; close the stream. */
    public static Stream<NumberedLine> numberedLines(Path file) {
        LineReader reader = lineReader(file);
        Spliterator<NumberedLine> lines = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super NumberedLine> action) {
                String line = reader.readLine();
                if (line == null) {
                    return false;
                }
                action.accept(new NumberedLine(reader.lineNumber(), line));
                return true;
            }
        };
        return StreamSupport.stream(lines, false).onClose(reader::close);
    }

    /** The whole file as a string, line ends kept (for single documents, never for corpora). */
    public static String read(Path file) {
        return new WholeFileReader().read(file);
    }

    /**
     * Reads whole files as strings through one reused byte buffer, so that reading many files (a directory
     * corpus) allocates little more than the strings themselves. Same rules as {@link TextFiles#read}.
     * Not thread-safe: one per reading thread.
     */
    public static final class WholeFileReader {
        private static final int INITIAL = 1 << 16;
        private static final int KEEP = 1 << 24;
        private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;
        private byte[] buf = new byte[INITIAL];

        public String read(Path file) {
            try (InputStream in = openStream(file)) {
                int n = 0;
                for (;;) {
                    if (n == buf.length) {
                        if (n == MAX_ARRAY) {
                            throw new UncheckedIOException(new IOException("file too large to read as one text: " + file));
                        }
                        buf = Arrays.copyOf(buf, (int) Math.min(MAX_ARRAY, 2L * n));
                    }
                    // small reads: a channel stream copies through a temporary direct buffer of the read's size
                    int r = in.read(buf, n, Math.min(INITIAL, buf.length - n));
                    if (r < 0) {
                        break;
                    }
                    n += r;
                }
                int from = n >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF ? 3 : 0;
                // fast path: decode straight to a String; only text containing U+FFFD (a replaced malformed
                // sequence, or a genuine U+FFFD) is decoded again strictly to report errors
                String text = new String(buf, from, n - from, StandardCharsets.UTF_8);
                if (text.indexOf('\uFFFD') >= 0) {
                    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT);
                    decoder.decode(java.nio.ByteBuffer.wrap(buf, from, n - from));
                }
                return text;
            } catch (CharacterCodingException e) {
                throw new CorpusFormatException(file, 0, "not valid UTF-8", e);
            } catch (IOException e) {
                throw new UncheckedIOException("error reading " + file, e);
            } finally {
                if (buf.length > KEEP) {
                    buf = new byte[INITIAL]; // do not hold on to the buffer of one huge file
                }
            }
        }
    }
}
