package dev.berth.client.cli;

import dev.berth.client.BerthClient;
import dev.berth.client.ClientOptions;
import dev.berth.client.auth.DockerConfig;
import dev.berth.client.progress.PlainProgress;
import dev.berth.client.progress.ProgressListener;
import dev.berth.client.progress.TerminalProgress;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of every command that talks to a registry. */
final class ClientMixin {
    @Option(
            names = "--plain-http",
            description = "Speak plain HTTP to the registry (loopback registries always get it).")
    boolean plainHttp;

    @Option(
            names = "--ca-cert",
            paramLabel = "FILE",
            description = "Trust the certificate authority in this PEM file for TLS.")
    Path caCert;

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
        return client(dockerConfig(root));
    }

    BerthClient client(DockerConfig credentials) {
        return new BerthClient(new ClientOptions(plainHttp, caCert, jobs), credentials);
    }

    static DockerConfig dockerConfig(BerthCommand root) {
        return DockerConfig.fromEnvironment(root.environment());
    }

    /** Per-layer progress lines on a terminal, plain log lines in a pipe, nothing with --quiet. */
    ProgressListener progress(PrintWriter err) {
        if (quiet) {
            return ProgressListener.NONE;
        }
        return System.console() != null ? new TerminalProgress() : new PlainProgress(err);
    }
}
