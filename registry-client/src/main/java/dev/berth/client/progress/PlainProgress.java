package dev.berth.client.progress;

import dev.berth.oci.Descriptor;
import java.io.PrintWriter;

/** One log line when a blob starts and one when it is done: for pipes, files and CI logs. */
public final class PlainProgress implements ProgressListener {
    private final PrintWriter out;

    public PlainProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void started(Descriptor blob, long alreadyDone) {
        out.println(ByteSizes.shortDigest(blob.digest().toString()) + ": copying " + ByteSizes.format(blob.size())
                + (alreadyDone > 0 ? " (resuming at " + ByteSizes.format(alreadyDone) + ")" : ""));
        out.flush();
    }

    @Override
    public synchronized void finished(Descriptor blob, boolean skipped) {
        out.println(ByteSizes.shortDigest(blob.digest().toString()) + ": "
                + (skipped ? "already there" : "done, verified"));
        out.flush();
    }
}
