package dev.berth.runtime.cli;

import dev.berth.runtime.LocalImage;
import dev.berth.runtime.bundle.BundleWriter;
import dev.berth.runtime.bundle.ExecutableCheck;
import dev.berth.runtime.bundle.HostIdentity;
import dev.berth.runtime.bundle.RunOptions;
import dev.berth.runtime.layout.ImageSelector;
import dev.berth.runtime.layout.LayoutImage;
import dev.berth.runtime.runner.ContainerRecord;
import dev.berth.runtime.runner.ContainerStore;
import dev.berth.runtime.runner.DetachedContainer;
import dev.berth.runtime.runner.ForegroundContainer;
import dev.berth.runtime.runner.HostCgroups;
import dev.berth.runtime.runner.OciRuntime;
import dev.berth.runtime.runner.PublishedPorts;
import dev.berth.runtime.runner.SlirpNetwork;
import dev.berth.runtime.runner.StateDir;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code berth run} once the image is in a local layout: claims a name, turns the image into a
 * bundle and starts it with the runtime. The caller (the client) has resolved the image; nothing
 * here fetches anything.
 */
public final class ContainerRun {
    private final Map<String, String> environment;
    private final PrintWriter out;
    private final PrintWriter err;

    /**
     * @param environment where BERTH_STATE_DIR, XDG_RUNTIME_DIR and PATH are looked up
     * @param out         where a detached container's name is printed
     */
    public ContainerRun(Map<String, String> environment, PrintWriter out, PrintWriter err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    /**
     * Checks what can be checked before the image is touched: the options, the terminal and the
     * runtime. Call it before resolving the image, so a bad option fails without any download.
     */
    public void checkOptions(RunArguments arguments) throws IOException {
        arguments.options(arguments.containerName(), environment);
        if (arguments.tty && arguments.detach) {
            throw new IllegalArgumentException("-t and -d together need a console to attach to later, which berth"
                    + " has not; use berth exec -t NAME sh on the detached container instead");
        }
        if (arguments.tty && System.console() == null) {
            throw new IllegalArgumentException("-t needs berth's stdin and stdout to be a terminal");
        }
        runtime(arguments);
        if (!arguments.ports().isEmpty()) {
            SlirpNetwork.find(environment);
        }
    }

    /** @return the container's exit status */
    public int run(LocalImage image, RunArguments arguments) throws Exception {
        String containerName = arguments.containerName();
        RunOptions options = arguments.options(containerName, environment);
        checkOptions(arguments);
        HostIdentity host = HostIdentity.current();
        StateDir state = StateDir.from(environment, host);
        OciRuntime ociRuntime = runtime(arguments);
        LayoutImage layoutImage = ImageSelector.select(image);
        ContainerStore store = new ContainerStore(state);
        ContainerRecord record = new ContainerRecord(
                containerName,
                arguments.image(),
                ociRuntime.name(),
                Instant.now().toString(),
                null,
                arguments.ports());
        Path bundle = store.create(record);
        boolean started = false;
        try {
            Skipped.warn(err, new BundleWriter(host).write(layoutImage, bundle, options));
            ExecutableCheck.check(bundle);
            started = true;
            if (arguments.detach) {
                new DetachedContainer(ociRuntime)
                        .start(
                                bundle,
                                record.name(),
                                store.log(record.name()),
                                store.exitStatus(record.name()),
                                arguments.remove ? Optional.of(store.dir(record.name())) : Optional.empty(),
                                publishedPorts(record, store, host, environment));
                out.println(record.name());
                out.flush();
                return 0;
            }
            int exitCode = new ForegroundContainer(ociRuntime)
                    .run(
                            bundle,
                            record.name(),
                            arguments.attachStdin(),
                            publishedPorts(record, store, host, environment));
            if (!arguments.remove) {
                store.save(record.exited(exitCode));
            }
            return exitCode;
        } finally {
            // A detached container's monitor removes it (--rm) when it ends.
            if (!started || (arguments.remove && !arguments.detach)) {
                ociRuntime.delete(record.name());
                store.remove(record.name());
            }
        }
    }

    /** The container's -p ports, published through slirp4netns once it runs; empty without -p. */
    static Optional<PublishedPorts> publishedPorts(
            ContainerRecord record, ContainerStore store, HostIdentity host, Map<String, String> environment) {
        if (record.publishedPorts().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PublishedPorts(
                SlirpNetwork.find(environment), record.publishedPorts(), store.dir(record.name()), !host.root()));
    }

    private OciRuntime runtime(RunArguments arguments) {
        StateDir state = StateDir.from(environment, HostIdentity.current());
        OciRuntime runtime = OciRuntime.find(arguments.runtime, environment, state);
        HostCgroups.current().requireRunnable(runtime.name());
        return runtime;
    }
}
