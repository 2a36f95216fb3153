package org.classicnlp.word2vec;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.classicnlp.core.ModelFormatException;

/**
 * The word2vec C tool's vector file formats, also read and written by gensim
 * ({@code KeyedVectors.load_word2vec_format} / {@code save_word2vec_format}):
 *
 * <ul>
 *   <li>{@link #TEXT}: a header line {@code COUNT DIMENSION}, then one line per word:
 *       the word and its {@code DIMENSION} values, separated by single spaces;</li>
 *   <li>{@link #BINARY}: the same header line, then per word: the word's UTF-8 bytes, one space and
 *       {@code DIMENSION} little-endian IEEE 754 float32 values, then a newline (the C tool writes it,
 *       gensim omits it; both are read).</li>
 * </ul>
 *
 * Words are UTF-8 without spaces. A {@code .gz} suffix means gzip on reading and writing. Reading checks the
 * header, the number of values per line and the end of file; an empty, foreign or damaged file fails with
 * {@link ModelFormatException} naming the file, the line (text) or byte offset and entry (binary), and
 * what was expected.
 */
public enum Word2VecFormat {
    TEXT,
    BINARY;

    /** {@code .bin} (also {@code .bin.gz}) means binary, anything else text. */
    public static Word2VecFormat forName(Path file) {
        String name = stripGz(file.getFileName().toString().toLowerCase(java.util.Locale.ROOT));
        return name.endsWith(".bin") ? BINARY : TEXT;
    }

    private static String stripGz(String name) {
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    static void write(WordVectors vectors, Path file, Word2VecFormat format) {
        int dim = vectors.dimension();
        float[] m = vectors.rawMatrix();
        // all or nothing (a temporary sibling moved into place): a full disk leaves no half a vectors file
        org.classicnlp.core.AtomicFile.write(file, "word vectors", raw -> {
            GZIPOutputStream gz = file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : null;
            OutputStream out = gz == null ? raw : new BufferedOutputStream(gz, 1 << 16);
            out.write((vectors.size() + " " + dim + "\n").getBytes(StandardCharsets.US_ASCII));
            ByteBuffer buf = ByteBuffer.allocate(dim * 4).order(ByteOrder.LITTLE_ENDIAN);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < vectors.size(); i++) {
                String w = vectors.word(i);
                if (w.isEmpty() || w.chars().anyMatch(ch -> ch == ' ' || ch == '\n')) {
                    throw new IllegalArgumentException("word " + (i + 1) + " '" + w
                            + "' is empty or holds a space or newline; the word2vec format cannot store it");
                }
                if (format == BINARY) {
                    out.write(w.getBytes(StandardCharsets.UTF_8));
                    out.write(' ');
                    buf.clear();
                    for (int c = 0; c < dim; c++) {
                        buf.putFloat(m[i * dim + c]);
                    }
                    out.write(buf.array(), 0, dim * 4);
                    out.write('\n');
                } else {
                    sb.setLength(0);
                    sb.append(w);
                    for (int c = 0; c < dim; c++) {
                        sb.append(' ').append(m[i * dim + c]);
                    }
                    sb.append('\n');
                    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
            out.flush();
            if (gz != null) {
                gz.finish();
            }
        });
    }

    /** Reads {@code file}; {@code format == null} chooses by extension ({@code .bin}, {@code .txt}, {@code .vec})
     *  or, failing that, by whether the first entry after the header is a text line of the right length. */
    static WordVectors read(Path file, Word2VecFormat format) {
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UncheckedIOException("word vectors file not found: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = -1;
        }
        return read(raw, file.toString(), format, size);
    }

    /** Matrices up to this many values are allocated as announced (a short file then fails at its line). */
    private static final long ALLOCATE_UNCHECKED = 1 << 18;

    /** Deflate expands at most about 1032:1: the most a gzip file of n bytes can hold is about 1032 n. */
    private static final long GZIP_RATIO = 1032;

    static WordVectors read(InputStream stream, String source, Word2VecFormat format) {
        return read(stream, source, format, -1);
    }

    /**
     * Reads a stream (closed here); {@code source} names it in messages, and its ending chooses gzip
     * ({@code .gz}) and, when {@code format} is null, the format as for files.
     */
    /** @param size the bytes of the file (to bound the header's counts before allocating by them), or -1 */
    private static WordVectors read(InputStream stream, String source, Word2VecFormat format, long size) {
        String name = source.toLowerCase(java.util.Locale.ROOT);
        boolean gz = name.endsWith(".gz");
        try (InputStream raw = stream) {
            InputStream decoded;
            try {
                decoded = gz ? new GZIPInputStream(raw, 1 << 16) : raw;
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                throw new ModelFormatException(source, "not a gzip file (its name ends in .gz): " + e.getMessage(), e);
            }
            Reader in = new Reader(new BufferedInputStream(decoded, 1 << 16), source, gz);
            String header = in.line(1);
            if (header == null) {
                throw new ModelFormatException(source, "empty file" + (gz ? " (after gzip decompression)" : "")
                        + "; expected the word2vec header line 'COUNT DIMENSION' at line 1");
            }
            String[] parts = header.trim().split("\\s+");
            int count;
            int dim;
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                count = Integer.parseInt(parts[0]);
                dim = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                String what = header.startsWith("CNLPMODL") ? " (a ClassicNLP model file, not word vectors)" : "";
                throw new ModelFormatException(source, "line 1: expected the word2vec header 'COUNT DIMENSION', found '"
                        + abbreviate(header) + "'" + what);
            }
            if (count < 0 || dim <= 0 || (long) count * dim > Integer.MAX_VALUE - 8) {
                throw new ModelFormatException(source, "line 1: implausible header: " + count + " words of dimension "
                        + dim + ", expected COUNT >= 0, DIMENSION > 0 and COUNT × DIMENSION < 2^31");
            }
            // each entry takes at least 2 x DIMENSION + 2 bytes (a one-byte word and one-digit values in text,
            // 4 bytes a value in binary): a header announcing a large matrix the file cannot hold is refused
            // before the matrix is allocated by it
            long room = size < 0 ? -1 : gz ? size * GZIP_RATIO : size - in.position;
            if (room >= 0 && (long) count * dim > ALLOCATE_UNCHECKED && (long) count * (2L * dim + 2) > room + 1) {
                throw new ModelFormatException(source, "line 1: the header announces " + count + " words of dimension "
                        + dim + ", at least " + (long) count * (2L * dim + 2) + " bytes, but the file has "
                        + (gz ? "at most " + room + " bytes decompressed" : "only " + room + " bytes after the header")
                        + " (truncated, or not the header of this file?)");
            }
            // a stream of unknown length cannot bound the header by its size: bound it by what this JVM can hold,
            // so a wrong header is an error here and not an OutOfMemoryError (or a stall) later
            long matrixBytes = 4L * count * dim;
            if (room < 0 && matrixBytes > Runtime.getRuntime().maxMemory()) {
                throw new ModelFormatException(source, "line 1: the header announces " + count + " words of dimension "
                        + dim + " (" + matrixBytes + " bytes of floats), more than this JVM's heap of "
                        + Runtime.getRuntime().maxMemory() + " bytes (wrong header, or run with a larger -Xmx)");
            }
            if (format == null) {
                format = detect(gz ? name.substring(0, name.length() - 3) : name, in.in, dim);
            }
            String[] words = new String[count];
            float[] m = new float[count * dim];
            if (format == BINARY) {
                readBinary(in, words, m, dim);
            } else {
                readText(in, words, m, dim);
            }
            try {
                return WordVectors.ofTrained(words, m, dim, null);
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(source, e.getMessage() + ", expected each word once");
            }
        } catch (java.util.zip.ZipException e) {
            throw new ModelFormatException(source, "corrupt gzip data (" + e.getMessage() + ")", e);
        } catch (java.io.EOFException e) {
            throw new ModelFormatException(source, "truncated gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private static Word2VecFormat detect(String name, BufferedInputStream in, int dim) throws IOException {
        if (name.endsWith(".bin")) {
            return BINARY;
        }
        if (name.endsWith(".txt") || name.endsWith(".vec")) {
            return TEXT;
        }
        int limit = 1 << 16;
        in.mark(limit + 1);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n' && line.size() < limit) {
            line.write(b);
        }
        in.reset();
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line.toByteArray())).toString().trim();
            String[] fields = text.split(" ");
            if (fields.length == dim + 1) {
                for (int i = 1; i < fields.length; i++) {
                    Float.parseFloat(fields[i]);
                }
                return TEXT;
            }
        } catch (CharacterCodingException | NumberFormatException e) {
            // not a text line: binary
        }
        return BINARY;
    }

    /** The decoded input with its byte position, for messages. */
    private static final class Reader {
        final BufferedInputStream in;
        final String source;
        final boolean gz;
        long position;

        Reader(BufferedInputStream in, String source, boolean gz) {
            this.in = in;
            this.source = source;
            this.gz = gz;
        }

        int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                position++;
            }
            return b;
        }

        int readNBytes(byte[] b, int off, int len) throws IOException {
            int n = in.readNBytes(b, off, len);
            position += n;
            return n;
        }

        ModelFormatException atLine(long line, String message) {
            return new ModelFormatException(source, "line " + line + ": " + message);
        }

        ModelFormatException atByte(long at, String message) {
            return new ModelFormatException(source, "byte " + at + (gz ? " (of the decompressed data)" : "") + ": "
                    + message);
        }

        /** Whether the last line read ended with a line feed (not with the end of the file). */
        boolean lineEnded;

        /** A UTF-8 line without its terminator, or null at end of file. */
        String line(long lineNo) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
            int b = read();
            if (b == -1) {
                return null;
            }
            while (b != -1 && b != '\n') {
                line.write(b);
                b = read();
            }
            lineEnded = b == '\n';
            try {
                return stripLineEnd(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(line.toByteArray())).toString());
            } catch (CharacterCodingException e) {
                String start = new String(line.toByteArray(), 0, Math.min(8, line.size()), StandardCharsets.ISO_8859_1);
                throw atLine(lineNo, "not valid UTF-8, expected a text line" + (start.equals("CNLPMODL")
                        ? " (this is a ClassicNLP model file, not word vectors)" : " (a binary file read as text?)"));
            }
        }
    }

    private static void readText(Reader in, String[] words, float[] m, int dim) throws IOException {
        for (int i = 0; i < words.length; i++) {
            long lineNo = i + 2;
            String line = in.line(lineNo);
            if (line == null) {
                throw in.atLine(lineNo, "file ends after " + i + " of the " + words.length
                        + " words announced in the header");
            }
            line = stripLineEnd(line);
            int sp = line.indexOf(' ');
            if (sp <= 0) {
                throw in.atLine(lineNo, "expected 'WORD' and " + dim + " values, found '" + abbreviate(line) + "'");
            }
            words[i] = line.substring(0, sp);
            int pos = sp + 1;
            int o = i * dim;
            for (int c = 0; c < dim; c++) {
                while (pos < line.length() && line.charAt(pos) == ' ') {
                    pos++;
                }
                int end = line.indexOf(' ', pos);
                if (end < 0) {
                    end = line.length();
                }
                if (end == pos) {
                    throw in.atLine(lineNo, "word '" + words[i] + "' has " + c + " values, expected " + dim);
                }
                try {
                    m[o + c] = Float.parseFloat(line.substring(pos, end));
                } catch (NumberFormatException e) {
                    throw in.atLine(lineNo, "value " + (c + 1) + " of word '" + words[i] + "' is '"
                            + abbreviate(line.substring(pos, end)) + "', expected a number");
                }
                pos = end;
            }
            if (!line.substring(pos).isBlank()) {
                throw in.atLine(lineNo, "word '" + words[i] + "' has more than the " + dim + " values expected");
            }
            if (i == words.length - 1 && !in.lineEnded) {
                // every writer ends each entry with a line feed: without it the file was cut inside this entry,
                // where a cut number still parses (0.12345 read as 0.12)
                throw in.atLine(lineNo, "the file ends inside the last entry ('" + words[i] + "'), expected a line"
                        + " end after its " + dim + " values (truncated?)");
            }
        }
        String extra = in.line(words.length + 2);
        if (extra != null && !extra.isBlank()) {
            throw in.atLine(words.length + 2, "more entries than the " + words.length
                    + " announced in the header, expected the end of the file");
        }
    }

    private static void readBinary(Reader in, String[] words, float[] m, int dim) throws IOException {
        byte[] vec = new byte[dim * 4];
        ByteBuffer bb = ByteBuffer.wrap(vec).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream word = new ByteArrayOutputStream(64);
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        for (int i = 0; i < words.length; i++) {
            String entry = "entry " + (i + 1) + " of " + words.length;
            word.reset();
            int b = in.read();
            while (b == '\n' || b == '\r') {
                b = in.read();
            }
            long wordAt = in.position - 1;
            while (b != -1 && b != ' ') {
                word.write(b);
                if (word.size() > 10_000) {
                    throw in.atByte(wordAt, entry + ": no space after 10000 bytes of a word, expected 'WORD ' and "
                            + dim + " float32 values (not a word2vec binary file?)");
                }
                b = in.read();
            }
            if (b == -1) {
                throw in.atByte(in.position, "file ends in " + entry + " announced in the header, expected 'WORD '"
                        + " and " + dim + " float32 values");
            }
            try {
                words[i] = decoder.decode(ByteBuffer.wrap(word.toByteArray())).toString();
            } catch (CharacterCodingException e) {
                // the C tool may cut multi-byte words; gensim then drops the broken bytes
                words[i] = new String(word.toByteArray(), StandardCharsets.UTF_8).replace("\uFFFD", "");
            }
            if (words[i].isEmpty()) {
                throw in.atByte(wordAt, entry + " has an empty word, expected 'WORD '");
            }
            long vecAt = in.position;
            int got = in.readNBytes(vec, 0, vec.length);
            if (got < vec.length) {
                throw in.atByte(vecAt, "file ends inside the vector of " + entry + " ('" + words[i] + "'): "
                        + got + " of the " + vec.length + " bytes expected");
            }
            bb.rewind();
            int o = i * dim;
            for (int c = 0; c < dim; c++) {
                m[o + c] = bb.getFloat();
            }
        }
        int b = in.read();
        while (b == '\n' || b == '\r') {
            b = in.read();
        }
        if (b != -1) {
            throw in.atByte(in.position - 1, "data after the " + words.length + " entries announced in the header,"
                    + " expected the end of the file (wrong dimension or not a binary file?)");
        }
    }

    private static String stripLineEnd(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
