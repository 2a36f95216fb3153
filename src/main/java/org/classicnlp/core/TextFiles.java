package org.classicnlp.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
 * malformed bytes reported (never silently replaced), and any line ending (LF, CRLF, CR) accepted.
 */
public final class TextFiles {

    private TextFiles() {
    }

    /** A reader over the file's text, decompressing {@code .gz} files. */
    public static BufferedReader open(Path file) {
        try {
            InputStream in = Files.newInputStream(file);
            if (file.getFileName().toString().endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return reader;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
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
        BufferedReader reader = open(file);
        Spliterator<NumberedLine> lines = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            private long number;

            @Override
            public boolean tryAdvance(Consumer<? super NumberedLine> action) {
                String line;
                try {
                    line = reader.readLine();
                } catch (CharacterCodingException e) {
                    throw new CorpusFormatException(file, number + 1, "not valid UTF-8", e);
                } catch (IOException e) {
                    throw new UncheckedIOException("error reading " + file + " near line " + (number + 1), e);
                }
                if (line == null) {
                    return false;
                }
                action.accept(new NumberedLine(++number, line));
                return true;
            }
        };
        return StreamSupport.stream(lines, false).onClose(() -> {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The whole file as a string (for single documents, never for corpora). */
    public static String read(Path file) {
        if (!file.getFileName().toString().endsWith(".gz")) {
            // one read and one strict decode: no 128 KB reader buffers per file (directory corpora)
            try {
                byte[] bytes = Files.readAllBytes(file);
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
        try (BufferedReader reader = open(file)) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[1 << 14];
            int n;
            while ((n = reader.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        } catch (CharacterCodingException e) {
            throw new CorpusFormatException(file, 0, "not valid UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException("error reading " + file, e);
        }
    }

}
