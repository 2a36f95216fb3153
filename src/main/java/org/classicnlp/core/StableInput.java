package org.classicnlp.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A corpus whose file (or directory) must not change while a job reads it: jobs that read their input more
 * than once (idf then keywords, a vocabulary then training epochs) would otherwise mix two versions of it, or
 * fail half way with an unrelated error. Before and after every pass the file's size, modification time and
 * identity (inode: a replacement by rename counts) are compared with those at the start of the first pass
 * (for a directory: each regular file's name, size and time); a difference fails with
 * {@link ChangedException}, naming the file, the pass and what changed. A change that keeps the size, time
 * and inode (a rewrite in place that also resets the time) is not seen.
 */
public final class StableInput {

    /** The input changed or went away between or during passes. */
    public static final class ChangedException extends UncheckedIOException {
        ChangedException(String message) {
            super(message, new IOException(message));
        }
    }

    private StableInput() {
    }

    /**
     * {@code corpus} read from {@code path}, checked at the start and end of every pass.
     *
     * @param name how messages name the input, e.g. {@code "--input news.txt"}
     */
    public static <T> Corpus<T> of(Path path, String name, Corpus<T> corpus) {
        Objects.requireNonNull(path, "path");
        AtomicReference<String> first = new AtomicReference<>();
        int[] passes = {0};
        return () -> {
            int pass;
            synchronized (passes) {
                pass = ++passes[0];
            }
            String start = fingerprint(path, name, pass, "start");
            if (!first.compareAndSet(null, start) && !first.get().equals(start)) {
                throw changed(name, pass, "before it", first.get(), start);
            }
            Stream<T> s = corpus.stream();
            return s.onClose(() -> {
                String end = fingerprint(path, name, pass, "end");
                if (!end.equals(first.get())) {
                    throw changed(name, pass, "while it was", first.get(), end);
                }
            });
        };
    }

    private static ChangedException changed(String name, int pass, String when, String was, String now) {
        return new ChangedException(name + " changed during the job, " + when + " read (pass " + pass + "): " + was
                + " -> " + now + "; a job that reads its input more than once would mix two versions of it:"
                + " rerun on a file that does not change while the job runs");
    }

    /** Size, modification time and inode of a file; of a directory, a digest of its files' names, sizes and times. */
    static String fingerprint(Path path, String name, int pass, String when) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            if (!a.isDirectory()) {
                return "size " + a.size() + " bytes, modified " + a.lastModifiedTime() + ", inode " + a.fileKey();
            }
            long[] acc = {0, 0, 0};   // files, bytes, hash
            try (Stream<Path> files = Files.walk(path)) {
                files.sorted().forEach(p -> {
                    try {
                        BasicFileAttributes f = Files.readAttributes(p, BasicFileAttributes.class);
                        if (f.isRegularFile()) {
                            acc[0]++;
                            acc[1] += f.size();
                            acc[2] = acc[2] * 31 + (path.relativize(p) + "\u0000" + f.size() + "\u0000"
                                    + f.lastModifiedTime()).hashCode();
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            return acc[0] + " files, " + acc[1] + " bytes (digest " + Long.toHexString(acc[2]) + ")";
        } catch (NoSuchFileException e) {
            return "deleted";
        } catch (IOException | UncheckedIOException e) {
            Throwable c = e instanceof UncheckedIOException u ? u.getCause() : e;
            if (c instanceof NoSuchFileException) {
                return "a file deleted";
            }
            throw new UncheckedIOException("cannot check " + name + " at the " + when + " of pass " + pass + ": "
                    + c.getMessage(), c instanceof IOException io ? io : new IOException(c));
        }
    }
}
