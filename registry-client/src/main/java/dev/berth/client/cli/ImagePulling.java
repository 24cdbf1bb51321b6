package dev.berth.client.cli;

import dev.berth.client.LayoutCacheImageSource;
import dev.berth.client.PullPolicy;
import dev.berth.client.progress.ProgressListener;
import dev.berth.oci.Descriptor;
import dev.berth.runtime.LocalImage;
import dev.berth.runtime.cli.LayoutArgument;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How {@code berth run} and {@code berth unpack} get their image into a local layout before the
 * runtime shim sees it: a layout directory is used as it is; a reference comes from the layout
 * cache, pulled as {@code --pull} says with the client's options (as {@code berth pull} takes them).
 */
final class ImagePulling {
    @Mixin
    ClientMixin client;

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

    LocalImage resolve(String argument, BerthCommand root, PrintWriter err) {
        PullPolicy policy = policy();
        return LayoutArgument.parse(argument)
                .orElseGet(() -> new LayoutCacheImageSource(
                                client.client(root),
                                LayoutCacheImageSource.defaultCache(root.environment()),
                                withoutSkippedBlobs(client.progress(err)))
                        .fetch(argument, policy));
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
