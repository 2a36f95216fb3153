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
import org.classicnlp.core.CorpusFormatException;

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
 * header, the number of values per line and the end of file; errors name the file, entry and what was
 * expected.
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
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream out = new BufferedOutputStream(
                     file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw,
                     1 << 16)) {
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@code file}; {@code format == null} chooses by extension ({@code .bin}, {@code .txt}, {@code .vec})
     *  or, failing that, by whether the first entry after the header is a text line of the right length. */
    static WordVectors read(Path file, Word2VecFormat format) {
        try (InputStream raw = Files.newInputStream(file);
             BufferedInputStream in = new BufferedInputStream(
                     file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw,
                     1 << 16)) {
            String header = readLine(in, file, 1);
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
                throw new CorpusFormatException(file, 1, "expected the word2vec header 'COUNT DIMENSION', found '"
                        + abbreviate(header) + "'");
            }
            if (count < 0 || dim <= 0 || (long) count * dim > Integer.MAX_VALUE - 8) {
                throw new CorpusFormatException(file, 1, "implausible header: " + count + " words of dimension "
                        + dim);
            }
            if (format == null) {
                format = detect(file, in, dim);
            }
            String[] words = new String[count];
            float[] m = new float[count * dim];
            if (format == BINARY) {
                readBinary(in, file, words, m, dim);
            } else {
                readText(in, file, words, m, dim);
            }
            return WordVectors.ofTrained(words, m, dim, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Word2VecFormat detect(Path file, BufferedInputStream in, int dim) throws IOException {
        String name = stripGz(file.getFileName().toString().toLowerCase(java.util.Locale.ROOT));
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

    private static void readText(BufferedInputStream in, Path file, String[] words, float[] m, int dim)
            throws IOException {
        for (int i = 0; i < words.length; i++) {
            long lineNo = i + 2;
            String line = readLine(in, file, lineNo);
            if (line == null) {
                throw new CorpusFormatException(file, lineNo, "file ends after " + i + " of " + words.length
                        + " words announced in the header");
            }
            line = stripLineEnd(line);
            int sp = line.indexOf(' ');
            if (sp <= 0) {
                throw new CorpusFormatException(file, lineNo, "expected 'WORD' and " + dim + " values, found '"
                        + abbreviate(line) + "'");
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
                    throw new CorpusFormatException(file, lineNo, "word '" + words[i] + "' has " + c
                            + " values, expected " + dim);
                }
                try {
                    m[o + c] = Float.parseFloat(line.substring(pos, end));
                } catch (NumberFormatException e) {
                    throw new CorpusFormatException(file, lineNo, "value " + (c + 1) + " of word '" + words[i]
                            + "' is not a number: '" + abbreviate(line.substring(pos, end)) + "'");
                }
                pos = end;
            }
            if (!line.substring(pos).isBlank()) {
                throw new CorpusFormatException(file, lineNo, "word '" + words[i] + "' has more than " + dim
                        + " values");
            }
        }
        String extra = readLine(in, file, words.length + 2);
        if (extra != null && !extra.isBlank()) {
            throw new CorpusFormatException(file, words.length + 2, "more entries than the " + words.length
                    + " announced in the header");
        }
    }

    private static void readBinary(BufferedInputStream in, Path file, String[] words, float[] m, int dim)
            throws IOException {
        byte[] vec = new byte[dim * 4];
        ByteBuffer bb = ByteBuffer.wrap(vec).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream word = new ByteArrayOutputStream(64);
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        for (int i = 0; i < words.length; i++) {
            word.reset();
            int b = in.read();
            while (b == '\n' || b == '\r') {
                b = in.read();
            }
            while (b != -1 && b != ' ') {
                word.write(b);
                if (word.size() > 10_000) {
                    throw new CorpusFormatException(file, 0, "entry " + (i + 1) + ": no space after 10000 bytes of a"
                            + " word; not a word2vec binary file?");
                }
                b = in.read();
            }
            if (b == -1) {
                throw new CorpusFormatException(file, 0, "file ends in entry " + (i + 1) + " of " + words.length
                        + " announced in the header");
            }
            try {
                words[i] = decoder.decode(ByteBuffer.wrap(word.toByteArray())).toString();
            } catch (CharacterCodingException e) {
                // the C tool may cut multi-byte words; gensim then drops the broken bytes
                words[i] = new String(word.toByteArray(), StandardCharsets.UTF_8).replace("\uFFFD", "");
            }
            if (words[i].isEmpty()) {
                throw new CorpusFormatException(file, 0, "entry " + (i + 1) + " has an empty word");
            }
            int got = in.readNBytes(vec, 0, vec.length);
            if (got < vec.length) {
                throw new CorpusFormatException(file, 0, "file ends inside the vector of entry " + (i + 1) + " ('"
                        + words[i] + "') of " + words.length + ": " + got + " of " + vec.length + " bytes");
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
            throw new CorpusFormatException(file, 0, "data after the " + words.length
                    + " entries announced in the header (wrong dimension or not a binary file?)");
        }
    }

    /** A UTF-8 line without its terminator, or null at end of file. */
    private static String readLine(InputStream in, Path file, long lineNo) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
        int b = in.read();
        if (b == -1) {
            return null;
        }
        while (b != -1 && b != '\n') {
            line.write(b);
            b = in.read();
        }
        try {
            return stripLineEnd(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            throw new CorpusFormatException(file, lineNo, "not valid UTF-8 (a binary file read as text?)", e);
        }
    }

    private static String stripLineEnd(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
