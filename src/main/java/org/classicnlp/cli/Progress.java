package org.classicnlp.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Progress of a long job on stderr, the one progress set-up of the CLI. When stderr is a terminal: a
 * progress bar with rate and, when the total is known, an ETA (refreshed once a second from a background
 * thread; a fixed width avoids probing the terminal). Otherwise (redirected to a file or pipe): no bar and
 * no escape codes, only a plain status line every {@value #PLAIN_INTERVAL_SECONDS} seconds, and a closing
 * line if any status was printed. {@code quiet} disables both. Safe to call from several threads.
 */
final class Progress implements AutoCloseable {

    static final int PLAIN_INTERVAL_SECONDS = 5;

    private final ProgressBar bar;
    private final PrintStream plain;
    private final String task;
    private final String unit;
    private long total;
    private final long startNanos = System.nanoTime();
    private long nextPrint = startNanos + PLAIN_INTERVAL_SECONDS * 1_000_000_000L;
    private long done;
    private String extra = "";
    private boolean printed;

    /** {@code total} (-1 if unknown) is asked for only when progress is shown: counting may cost a scan. */
    Progress(String task, LongSupplier total, boolean quiet) {
        this(task, "docs", total, quiet);
    }

    Progress(String task, String unit, LongSupplier total, boolean quiet) {
        this.task = task;
        this.unit = unit;
        this.total = quiet ? -1 : total.getAsLong();
        boolean terminal = !quiet && stderrIsTerminal();
        this.bar = terminal ? new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(this.total)
                .setUnit(" " + unit, 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(1000)
                .setConsumer(new ConsoleProgressBarConsumer(System.err, 100))
                .build() : null;
        this.plain = quiet || terminal ? null : System.err;
    }

    /**
     * True when stderr is an interactive terminal. On Linux, from what file descriptor 2 points to (so
     * {@code 2>log} gets no bar while {@code >out.tsv} on a terminal still shows one); elsewhere,
     * {@code System.console() != null}. {@code TERM=dumb} means no.
     */
    static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            Path fd2 = Path.of("/proc/self/fd/2");
            if (Files.isSymbolicLink(fd2)) {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (Exception e) {
            // no procfs: fall back to the console
        }
        return System.console() != null;
    }

    void step(long n) {
        if (bar != null) {
            bar.stepBy(n);
        } else if (plain != null) {
            update(n, true);
        }
    }

    /** Sets the amount done so far (for jobs that report a running total). */
    void stepTo(long n) {
        if (bar != null) {
            bar.stepTo(n);
        } else if (plain != null) {
            update(n, false);
        }
    }

    /** The total, once it is known (a trainer knows it after its first pass). */
    synchronized void total(long n) {
        if (n != total) {
            total = n;
            if (bar != null) {
                bar.maxHint(n);
            }
        }
    }

    /** A short note shown after the rate ("alpha 0.02"). */
    synchronized void extra(String message) {
        if (bar != null) {
            bar.setExtraMessage(" " + message);
        } else {
            extra = message;
        }
    }

    private synchronized void update(long n, boolean relative) {
        done = relative ? done + n : n;
        long now = System.nanoTime();
        if (now >= nextPrint) {
            nextPrint = now + PLAIN_INTERVAL_SECONDS * 1_000_000_000L;
            printed = true;
            plain.println(status(now));
        }
    }

    private String status(long now) {
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        StringBuilder s = new StringBuilder(task).append(": ").append(done);
        if (total > 0) {
            s.append('/').append(total).append(String.format(Locale.ROOT, " (%.0f%%)", 100.0 * done / total));
        }
        s.append(' ').append(unit).append(String.format(Locale.ROOT, ", %.0f %s/s, %.0f s", done / seconds, unit, seconds));
        if (!extra.isEmpty()) {
            s.append(", ").append(extra);
        }
        return s.toString();
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        } else if (plain != null && printed) {
            printed = false;
            plain.println(status(System.nanoTime()) + ", done");
        }
    }
}
