package dev.berth.client.progress;

import dev.berth.oci.Descriptor;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * On a terminal: one progress bar per blob with bytes, rate and ETA, and an overall bar, drawn by
 * the progressbar library (which redraws the lines in place on its own thread).
 */
public final class TerminalProgress implements ProgressListener {
    private static final long MIB = 1024 * 1024;
    private static final int REDRAW_MILLIS = 200;

    private final Supplier<ProgressBarConsumer> consumers;
    private final Map<String, ProgressBar> bars = new HashMap<>();
    private ProgressBar total;
    private long totalBytes;
    /** Bytes moved in this run, and when the first moved: the total's ETA (read on the library's thread). */
    private final AtomicLong moved = new AtomicLong();

    private volatile Instant firstMove;

    /** Bars on standard error, where the library finds the terminal's width and cursor controls. */
    public TerminalProgress() {
        this(null);
    }

    /** @param consumers where each bar is drawn; null for the library's console on standard error */
    TerminalProgress(Supplier<ProgressBarConsumer> consumers) {
        this.consumers = consumers;
    }

    @Override
    public synchronized void started(Descriptor blob, long alreadyDone) {
        totalBytes += blob.size();
        overall().maxHint(totalBytes);
        overall().stepBy(alreadyDone);
        bars.computeIfAbsent(
                blob.digest().toString(),
                digest -> bar(ByteSizes.shortDigest(digest), blob.size())
                        .startsFrom(alreadyDone, Duration.ZERO)
                        .setEtaFunction(state -> Eta.estimate(
                                state.getMax() - state.getCurrent(),
                                state.getCurrent() - state.getStart(),
                                state.getElapsedAfterStart()))
                        .build());
    }

    @Override
    public synchronized void advanced(Descriptor blob, long bytes) {
        ProgressBar bar = bars.get(blob.digest().toString());
        if (bar != null) {
            if (firstMove == null) {
                firstMove = Instant.now();
            }
            moved.addAndGet(bytes);
            bar.stepBy(bytes);
            overall().stepBy(bytes);
        }
    }

    @Override
    public synchronized void finished(Descriptor blob, boolean skipped) {
        ProgressBar bar = bars.remove(blob.digest().toString());
        if (bar == null) {
            // Blobs the target had already never started: they count as done at once.
            totalBytes += blob.size();
            overall().maxHint(totalBytes);
            overall().stepBy(blob.size());
            bar = bar(ByteSizes.shortDigest(blob.digest().toString()), blob.size())
                    .build();
        } else {
            overall().stepBy(blob.size() - bar.getCurrent());
        }
        bar.stepTo(blob.size());
        bar.setExtraMessage(skipped ? " already there" : " verified");
        bar.close();
        if (bars.isEmpty()) {
            // Nothing else moves: draw the total now rather than at the next tick, which may never come.
            overall().refresh();
        }
    }

    private ProgressBar overall() {
        if (total == null) {
            total = bar("total", 0)
                    .setEtaFunction(state -> Eta.estimate(
                            state.getMax() - state.getCurrent(),
                            moved.get(),
                            firstMove == null ? Duration.ZERO : Duration.between(firstMove, Instant.now())))
                    .build();
        }
        return total;
    }

    private ProgressBarBuilder bar(String name, long size) {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(size)
                .setUnit("MiB", MIB)
                .showSpeed()
                .setUpdateIntervalMillis(REDRAW_MILLIS);
        return consumers == null ? builder : builder.setConsumer(consumers.get());
    }
}
