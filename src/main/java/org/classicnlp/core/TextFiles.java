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
        try (InputStream in = openStream(file)) {
            byte[] bytes = in.readAllBytes();
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            String text = decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new CorpusFormatException(file, 0, "not valid UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException("error reading " + file, e);
        }
    }
}
