package org.classicnlp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Document;
import org.classicnlp.core.InputFormat;

/**
 * A CLI document source: a plain text file (one document per line, id = 0-based line number), a JSONL
 * file ({@code id}, {@code text}), a directory (one document per file, id = relative path) or standard
 * input ({@code -}); or SIGHAN, People's Daily or WikiExtractor text. The format is chosen by
 * {@code --input-format}, or with {@code auto} by {@link Corpora#detect} from the name and content.
 * Standard input is copied to a temporary file first (deleted on exit) so that two-pass jobs can read it
 * twice and the progress bar can show an ETA.
 */
final class DocumentSource {

    final Corpus<Document> corpus;
    private final java.util.function.LongSupplier counter;
    private long size = -2;
    final String description;
    /** The file read (standard input: its temporary copy) and its format, for commands with a faster path for plain lines. */
    Path path;
    InputFormat format;

    private DocumentSource(Corpus<Document> corpus, java.util.function.LongSupplier counter, String description) {
        this.corpus = corpus;
        this.counter = counter;
        this.description = description;
    }

    /**
     * Number of documents if cheaply known (for a progress bar's ETA), else -1; counted on first call only,
     * so a job without a progress bar does not list or scan its input an extra time.
     */
    long size() {
        if (size == -2) {
            size = counter.getAsLong();
        }
        return size;
    }

    static DocumentSource open(String input, String format) {
        Path path;
        InputFormat requested = InputFormat.of(format);
        if (input.equals("-")) {
            path = spoolStdin();
        } else {
            path = Path.of(input);
            if (!Files.exists(path)) {
                throw new UncheckedIOException(new java.io.FileNotFoundException("input not found: " + input));
            }
        }
        InputFormat fmt = requested == InputFormat.AUTO ? Corpora.detect(path) : requested;
        // checked before and after every pass: a two-pass job (idf, then keywords) must read the same text twice
        Corpus<Document> corpus = org.classicnlp.core.StableInput.of(path, input.equals("-") ? "standard input"
                : "--input " + input, Corpora.open(path, fmt));
        DocumentSource src = switch (fmt) {
            case DIR -> new DocumentSource(corpus, () -> countFiles(path), "directory " + input);
            case JSONL -> new DocumentSource(corpus, () -> -1, "JSONL " + input);
            case LINES -> new DocumentSource(corpus, () -> countLines(path), "lines of " + input);
            default -> new DocumentSource(corpus, () -> -1, fmt + " " + input);
        };
        src.path = path;
        src.format = fmt;
        return src;
    }

    private static Path spoolStdin() {
        try {
            Path tmp = Files.createTempFile("classicnlp-stdin-", ".txt");
            tmp.toFile().deleteOnExit();
            try (InputStream in = System.in) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot buffer standard input: " + e.getMessage(), e);
        }
    }

    /** Lines in a plain (not gzip) file, as {@link Corpora#lines} will number them; -1 for gzip. */
    static long countLines(Path file) {
        if (file.getFileName().toString().endsWith(".gz")) {
            return -1;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            long lines = 0;
            long total = 0;
            byte last = '\n';
            boolean prevCr = false;
            int n;
            while ((n = ch.read(buf)) > 0) {
                buf.flip();
                for (int i = 0; i < n; i++) {
                    byte b = buf.get(i);
                    if (b == '\n') {
                        if (!prevCr) {
                            lines++;
                        }
                    } else if (b == '\r') {
                        lines++;
                    }
                    prevCr = b == '\r';
                    last = b;
                }
                total += n;
                buf.clear();
            }
            if (total > 0 && last != '\n' && last != '\r') {
                lines++;
            }
            return lines;
        } catch (IOException e) {
            return -1;
        }
    }

    private static long countFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).count();
        } catch (IOException e) {
            return -1;
        }
    }
}
