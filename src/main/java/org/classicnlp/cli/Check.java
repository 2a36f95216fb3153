package org.classicnlp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;

/**
 * The one place where the CLI checks option values before any work starts. A bad value throws
 * {@link CliErrors.Usage} (exit 2) whose message names the option, the allowed range and the value
 * given; an output file that cannot be written throws {@link CliErrors.Failure} (exit 1) naming it.
 */
final class Check {

    private Check() {
    }

    /** {@code value} if it is at least {@code min}. */
    static int atLeast(String option, int value, int min) {
        if (value < min) {
            throw new CliErrors.Usage(option + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** {@code value} if it is at least {@code min}; {@code note} explains a special value ("0 = all"). */
    static int atLeast(String option, int value, int min, String note) {
        if (value < min) {
            throw new CliErrors.Usage(option + " must be >= " + min + " (" + note + "), got " + value);
        }
        return value;
    }

    /** {@code value} if it is at least {@code min} (a finite number). */
    static double atLeast(String option, double value, double min) {
        if (!(value >= min) || Double.isInfinite(value)) {
            throw new CliErrors.Usage(option + " must be a number >= " + fmt(min) + ", got " + fmt(value));
        }
        return value;
    }

    /** {@code value} if it is in {@code [min, max]}. */
    static double inRange(String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new CliErrors.Usage(option + " must be in [" + fmt(min) + ", " + fmt(max) + "], got " + fmt(value));
        }
        return value;
    }

    /** {@code value} if it is above zero (a finite number). */
    static double positive(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new CliErrors.Usage(option + " must be a number > 0, got " + fmt(value));
        }
        return value;
    }

    /** {@code value} lower-cased, if it is one of {@code allowed}. */
    static String oneOf(String option, String value, Collection<String> allowed) {
        String v = value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new CliErrors.Usage(option + " must be one of " + String.join(", ", allowed) + "; got '" + value + "'");
        }
        return v;
    }

    /** Bad usage that is not a single value: a combination of options. */
    static CliErrors.Usage usage(String message) {
        return new CliErrors.Usage(message);
    }

    /** Fails now (exit 1) when the input {@code file} or directory does not exist. */
    static Path exists(String option, Path file) {
        if (!Files.exists(file)) {
            throw new CliErrors.Failure(option + " " + file + ": no such file or directory");
        }
        return file;
    }

    /**
     * Fails now, before any work, when {@code file} cannot be written: it is a directory, its parent is a
     * file, or it (or its directory) is not writable. Creates missing parent directories.
     */
    static Path writable(String option, Path file) {
        String name = option + " " + file;
        if (Files.isDirectory(file)) {
            throw new CliErrors.Failure(name + ": is a directory");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            for (Path p = parent; p != null; p = p.getParent()) {
                if (Files.exists(p) && !Files.isDirectory(p)) {
                    throw new CliErrors.Failure(name + ": " + p + " is not a directory");
                }
            }
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new CliErrors.Failure(name + ": cannot create directory " + parent + " ("
                        + CliErrors.message(e) + ")");
            }
        }
        if (Files.exists(file) ? !Files.isWritable(file) : parent != null && !Files.isWritable(parent)) {
            throw new CliErrors.Failure(name + ": permission denied");
        }
        return file;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
