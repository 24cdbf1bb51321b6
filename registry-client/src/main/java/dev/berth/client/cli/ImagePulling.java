package dev.berth.client.cli;

import dev.berth.client.LayoutCacheImageSource;
import dev.berth.client.PullPolicy;
import dev.berth.client.progress.ProgressListener;
import dev.berth.oci.Descriptor;
import dev.berth.runtime.LocalImage;
import dev.berth.runtime.cli.LayoutArgument;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How {@code berth run} and {@code berth unpack} get their image into a local layout before the
 * runtime shim sees it: a layout directory is used as it is; a reference comes from the layout
 * cache, pulled as {@code --pull} says with the client's options and mirrors (as {@code berth pull} takes them).
 */
final class ImagePulling {
    @Mixin
    ClientMixin client;

    @Mixin
    MirrorOption mirror;

    @Option(
            names = "--pull",
            paramLabel = "always|missing|never",
            defaultValue = "missing",
            description = "Pull a registry image always, only when the cache lacks it (default), or never.")
    String pull;

    /** Checks --pull before anything is fetched. */
    PullPolicy policy() {
        return PullPolicy.parse(pull);
    }

    LocalImage resolve(String argument, BerthCommand root, CommandLine commandLine) {
        PrintWriter err = commandLine.getErr();
        PullPolicy policy = policy();
        if (LayoutArgument.parse(argument).isEmpty() && namesPath(argument)) {
            // "./app" would otherwise parse as registry "." and fail as an unreachable URL.
            throw new IllegalArgumentException(
                    "no such image or layout: " + argument + " (no OCI layout directory there)");
        }
        return LayoutArgument.parse(argument)
                .orElseGet(() -> new LayoutCacheImageSource(
                                client.client(root),
                                LayoutCacheImageSource.defaultCache(root.environment()),
                                withoutSkippedBlobs(client.progress(err)),
                                mirror.mirrors(commandLine, root.environment()),
                                note -> err.println("berth: " + note))
                        .fetch(argument, policy));
    }

    /** Whether the argument is written as a path (or names a directory), which no registry reference is. */
    private static boolean namesPath(String argument) {
        int colon = argument.lastIndexOf(':');
        String withoutTag = colon > 0 ? argument.substring(0, colon) : argument;
        return argument.startsWith("/")
                || argument.startsWith("./")
                || argument.startsWith("../")
                || argument.equals(".")
                || Files.isDirectory(Path.of(withoutTag));
    }

    /**
     * The pull's progress without its "already there" lines: before a container's own output on the
     * same stderr, a line per cached blob is noise. {@code berth pull} still reports them.
     */
    private static ProgressListener withoutSkippedBlobs(ProgressListener progress) {
        return new ProgressListener() {
            @Override
            public void started(Descriptor blob, long alreadyDone) {
                progress.started(blob, alreadyDone);
            }

            @Override
            public void advanced(Descriptor blob, long bytes) {
                progress.advanced(blob, bytes);
            }

            @Override
            public void finished(Descriptor blob, boolean skipped) {
                if (!skipped) {
                    progress.finished(blob, false);
                }
            }
        };
    }
}
