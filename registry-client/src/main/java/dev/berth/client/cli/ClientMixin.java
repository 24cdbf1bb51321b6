package dev.berth.client.cli;

import dev.berth.client.BerthClient;
import dev.berth.client.progress.PlainProgress;
import dev.berth.client.progress.ProgressListener;
import dev.berth.client.progress.TerminalProgress;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the commands that move blobs (pull, push, copy, run, unpack): the connection's, plus how many at once and whether to show progress. */
final class ClientMixin {
    @Mixin
    ConnectionOptions connection;

    @Option(
            names = "--jobs",
            paramLabel = "N",
            defaultValue = "3",
            description = "Blobs moved in parallel (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress output.")
    boolean quiet;

    BerthClient client(BerthCommand root) {
        return connection.client(root, jobs);
    }

    /** Per-layer progress lines on a terminal, plain log lines in a pipe, nothing with --quiet. */
    ProgressListener progress(PrintWriter err) {
        if (quiet) {
            return ProgressListener.NONE;
        }
        return System.console() != null ? new TerminalProgress() : new PlainProgress(err);
    }
}
