package org.classicnlp.core;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writing an output file all or nothing: the bytes go to a temporary sibling, which is moved over the file only
 * once it is whole. A failure (a full disk, an exception while producing the bytes) deletes the temporary file
 * and leaves {@code file} as it was (absent, or its earlier version), and the message says so: a reader never
 * finds half an output under the final name.
 */
public final class AtomicFile {

    /** What produces the bytes. */
    @FunctionalInterface
    public interface Content {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Writes {@code file} from {@code content} (buffered), all or nothing.
     *
     * @param what what the file is, for the message ("word vectors", "ARPA file")
     * @throws UncheckedIOException "cannot write WHAT FILE: REASON; nothing was written to FILE" (or "FILE is
     *                              unchanged" when it existed)
     */
    public static void write(Path file, String what, Content content) {
        writeVia(file, what, tmp -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                content.write(out);
            }
        });
    }

    /** What writes the whole output into the temporary file it is given (for writers that need a path). */
    @FunctionalInterface
    public interface PathContent {
        void write(Path tmp) throws IOException;
    }

    /** As {@link #write}, for content written to the temporary file by path. */
    public static void writeVia(Path file, String what, PathContent content) {
        Path tmp = null;
        boolean existed = Files.exists(file);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            tmp = temporarySibling(file); // a fresh name: two jobs writing one file never share it
            content.write(tmp);
            move(tmp, file);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException(failure(file, what, e.getMessage(), existed), e);
        } catch (RuntimeException e) {
            throw e;
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write failed with a more useful exception
                }
            }
        }
    }

    /** A fresh temporary name next to {@code file} (same directory, so the move is a rename). */
    public static Path temporarySibling(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        // not Files.createTempFile: its owner-only permissions would end up on the output; this one gets the umask's
        for (int attempt = 0; ; attempt++) {
            Path tmp = abs.resolveSibling("." + abs.getFileName() + "."
                    + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 16) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /** Moves {@code tmp} over {@code file}: atomically where the file system can, else replacing it. */
    public static void move(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** "cannot write WHAT FILE: REASON; nothing was written to FILE" (or "FILE is unchanged"). */
    public static String failure(Path file, String what, String reason, boolean existed) {
        return "cannot write " + what + " " + file + ": " + reason + "; " + (existed ? file + " is unchanged"
                : "nothing was written to " + file);
    }
}
