package org.classicnlp.cli;

import java.time.temporal.ChronoUnit;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar on stderr with documents per second and, when the total is known, an ETA. Refreshed
 * once a second from a background thread; a fixed width avoids probing the terminal (fast start-up).
 * {@code quiet} disables it.
 */
final class Progress implements AutoCloseable {

    private final ProgressBar bar;

    /** {@code total} (-1 if unknown) is asked for only when the bar is shown: counting may cost a scan. */
    Progress(String task, LongSupplier total, boolean quiet) {
        this.bar = quiet ? null : new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total.getAsLong())
                .setUnit(" docs", 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(1000)
                .setConsumer(new ConsoleProgressBarConsumer(System.err, 100))
                .build();
    }

    void step(long n) {
        if (bar != null) {
            bar.stepBy(n);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
