package dev.berth.client.progress;

import dev.berth.oci.Descriptor;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * On a terminal: one line per blob with bytes, rate and ETA, and an overall line, redrawn in
 * place (ANSI cursor-up) at most a few times a second.
 */
public final class TerminalProgress implements ProgressListener {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final long startedAt = System.nanoTime();
    private final Map<String, Line> lines = new LinkedHashMap<>();
    private int drawnLines;
    private long lastDraw;

    public TerminalProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void started(Descriptor blob, long alreadyDone) {
        lines.put(blob.digest().toString(), new Line(blob.size(), alreadyDone, System.nanoTime()));
        redraw(true);
    }

    @Override
    public synchronized void advanced(Descriptor blob, long bytes) {
        Line line = lines.get(blob.digest().toString());
        if (line != null) {
            line.done += bytes;
        }
        redraw(false);
    }

    @Override
    public synchronized void finished(Descriptor blob, boolean skipped) {
        Line line = lines.computeIfAbsent(blob.digest().toString(), key -> new Line(blob.size(), 0, System.nanoTime()));
        line.state = skipped ? "already there" : "done, verified";
        line.done = blob.size();
        redraw(true);
    }

    private void redraw(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        StringBuilder text = new StringBuilder();
        if (drawnLines > 0) {
            text.append("\u001b[").append(drawnLines).append('F');
        }
        long total = 0;
        long done = 0;
        for (Map.Entry<String, Line> entry : lines.entrySet()) {
            Line line = entry.getValue();
            total += line.size;
            done += line.done;
            text.append("\u001b[2K").append(ByteSizes.shortDigest(entry.getKey())).append("  ")
                    .append(line.describe(now)).append('\n');
        }
        double seconds = Math.max((now - startedAt) / 1e9, 1e-3);
        text.append("\u001b[2K").append(String.format(Locale.ROOT, "total         %s / %s  %s/s%n", ByteSizes.format(done),
                ByteSizes.format(total), ByteSizes.format(done / seconds)));
        drawnLines = lines.size() + 1;
        out.print(text);
        out.flush();
    }

    private static final class Line {
        final long size;
        final long resumedAt;
        final long startedAt;
        long done;
        String state;

        Line(long size, long resumedAt, long startedAt) {
            this.size = size;
            this.resumedAt = resumedAt;
            this.startedAt = startedAt;
            this.done = resumedAt;
        }

        String describe(long now) {
            if (state != null) {
                return state + " (" + ByteSizes.format(size) + ")";
            }
            double seconds = Math.max((now - startedAt) / 1e9, 1e-3);
            double rate = (done - resumedAt) / seconds;
            String eta = rate > 0 ? String.format(Locale.ROOT, "ETA %ds", (long) ((size - done) / rate)) : "ETA --";
            return ByteSizes.format(done) + " / " + ByteSizes.format(size) + "  " + ByteSizes.format(rate) + "/s  " + eta;
        }
    }
}
