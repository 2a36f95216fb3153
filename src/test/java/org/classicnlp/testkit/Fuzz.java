package org.classicnlp.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.classicnlp.core.CorpusFormatException;
import org.classicnlp.core.ModelFormatException;

/**
 * The one rule of every fuzz target (issue 18): a reader given any bytes either reads them or fails with a
 * {@link CorpusFormatException} or {@link ModelFormatException} whose message names the file, the position
 * (line, byte, entry or record) and what was expected. Anything else thrown (a runtime exception, an
 * {@code OutOfMemoryError}, a {@code StackOverflowError}) escapes to Jazzer, which reports it as a finding
 * and keeps the input. The fuzz targets run with a small heap (see the pom's {@code fuzz} surefire execution),
 * so an allocation sized by a count read from a small file is an {@code OutOfMemoryError} there.
 */
public final class Fuzz {

    /** Where a message says where: a line ({@code file:12:} or {@code line 12}), a byte, an entry, a record. */
    private static final Pattern POSITION = Pattern.compile(
            ":\\d+: |\\b(line|byte|bytes|entry|entries|record|token|column|at) \\d+");

    private static Path dir;

    private Fuzz() {
    }

    /** {@code data} written to {@code name} in this JVM's scratch directory (one fuzz input at a time). */
    public static synchronized Path file(String name, byte[] data) {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("classicnlp-fuzz");
                dir.toFile().deleteOnExit();
            }
            Path f = dir.resolve(name);
            Files.write(f, data);
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code data} as the text file {@code name} with {@code read}; only the documented failures pass. */
    public static void text(String name, byte[] data, Consumer<Path> read) {
        Path f = file(name, data);
        try {
            read.accept(f);
        } catch (CorpusFormatException e) {
            check(e, f);
        } catch (ModelFormatException e) {
            check(e, f);
        }
    }

    /**
     * Loads {@code data} as a model file (its last four bytes first set to the CRC-32 of the others, as a
     * valid file has them, so that mutations reach the kind's body reader instead of stopping at the
     * checksum) and, when it loads, uses it: a loader that accepts inconsistent tables fails there.
     */
    public static <T> void model(String name, byte[] data, Function<Path, T> load, Consumer<T> use) {
        Path f = file(name, withChecksum(data));
        T model;
        try {
            model = load.apply(f);
        } catch (ModelFormatException e) {
            check(e, f);
            return;
        }
        use.accept(model);
    }

    /** {@code data} with its last four bytes replaced by the big-endian CRC-32 of the bytes before them. */
    public static byte[] withChecksum(byte[] data) {
        if (data.length < 4) {
            return data;
        }
        byte[] b = data.clone();
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - 4);
        ByteBuffer.wrap(b).putInt(b.length - 4, (int) crc.getValue());
        return b;
    }

    /** A corpus error must name the file, a line (or a byte) and say what is wrong. */
    public static void check(CorpusFormatException e, Path file) {
        String m = e.getMessage();
        if (!file.equals(e.file()) || !m.startsWith(file + ":")) {
            throw new AssertionError("CorpusFormatException does not name " + file + ": " + m, e);
        }
        if (e.line() <= 0 && !POSITION.matcher(m).find()) {
            throw new AssertionError("CorpusFormatException names no line or byte: " + m, e);
        }
        if (m.length() < file.toString().length() + 12) {
            throw new AssertionError("CorpusFormatException says nothing of what was expected: " + m, e);
        }
    }

    /** A model error must name the file, a position and say what is wrong. */
    public static void check(ModelFormatException e, Path file) {
        String m = e.getMessage();
        // a model inside a model (a classifier's TF-IDF part) is named "FILE (TF-IDF part)"
        if (!e.source().startsWith(file.toString()) || !m.startsWith(file.toString())) {
            throw new AssertionError("ModelFormatException does not name " + file + ": " + m, e);
        }
        if (!POSITION.matcher(m).find()) {
            throw new AssertionError("ModelFormatException names no position: " + m, e);
        }
        if (m.length() < file.toString().length() + 12) {
            throw new AssertionError("ModelFormatException says nothing of what was expected: " + m, e);
        }
    }
}
