package dev.berth.runtime.cli;

import dev.berth.runtime.ImageSource;
import dev.berth.runtime.bundle.BundleWriter;
import dev.berth.runtime.bundle.HostIdentity;
import dev.berth.runtime.bundle.RunOptions;
import dev.berth.runtime.layout.ImageSelector;
import dev.berth.runtime.layout.LayoutImage;
import dev.berth.runtime.runner.ContainerRecord;
import dev.berth.runtime.runner.ContainerStore;
import dev.berth.runtime.runner.ForegroundContainer;
import dev.berth.runtime.runner.OciRuntime;
import dev.berth.runtime.runner.StateDir;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run a command in a new container from an image, in the foreground; "
                + "exits with the container's exit status.")
public final class RunCommand implements Callable<Integer> {
    private final ImageSource source;
    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--runtime", paramLabel = "runc|crun", description = "the OCI runtime (default: runc, else crun)")
    String runtime;

    @Option(names = "--rm", description = "remove the container (bundle and runtime state) when it exits")
    boolean remove;

    @Option(
            names = {"-t", "--tty"},
            description = "give the container a terminal (berth's stdin must be one)")
    boolean tty;

    @Option(
            names = {"-e", "--env"},
            paramLabel = "K=V",
            description = "set an environment variable")
    List<String> env = new ArrayList<>();

    @Option(
            names = {"-w", "--workdir"},
            paramLabel = "DIR",
            description = "the working directory inside the container")
    String workdir;

    @Option(names = "--name", paramLabel = "N", description = "the container's name (default: berth- and random hex)")
    String name;

    @Option(
            names = "--network",
            paramLabel = "none|host",
            defaultValue = "none",
            description = "none: an own network namespace with only loopback (default); host: the host's network")
    String network;

    @Option(names = "--read-only", description = "mount the container's root filesystem read-only")
    boolean readOnly;

    @Option(names = "--hostname", paramLabel = "H", description = "the container's hostname (default: its name)")
    String hostname;

    @Parameters(
            index = "0",
            paramLabel = "REF|DIR[:TAG]",
            description = "an image reference, or an OCI layout directory")
    String image;

    @Parameters(
            index = "1..*",
            paramLabel = "CMD",
            description = "the command and its arguments (after --), " + "replacing the image's Cmd")
    List<String> command = new ArrayList<>();

    public RunCommand(ImageSource source) {
        this(source, System.getenv());
    }

    /** @param environment where BERTH_STATE_DIR, XDG_RUNTIME_DIR and PATH are looked up */
    public RunCommand(ImageSource source, Map<String, String> environment) {
        this.source = source;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        return Failures.reported(spec.commandLine().getErr(), this::run);
    }

    private int run() throws Exception {
        String containerName = containerName();
        RunOptions options = options(containerName);
        if (tty && System.console() == null) {
            throw new IllegalArgumentException("-t needs berth's stdin and stdout to be a terminal");
        }
        HostIdentity host = HostIdentity.current();
        StateDir state = StateDir.from(environment, host);
        OciRuntime ociRuntime = OciRuntime.find(runtime, environment, state);
        LayoutImage layoutImage = ImageSelector.select(ImageArgument.resolve(image, source));
        ContainerStore store = new ContainerStore(state);
        ContainerRecord record = new ContainerRecord(
                containerName, image, ociRuntime.name(), Instant.now().toString(), null);
        Path bundle = store.create(record);
        boolean started = false;
        try {
            Skipped.warn(spec.commandLine().getErr(), new BundleWriter(host).write(layoutImage, bundle, options));
            started = true;
            int exitCode = new ForegroundContainer(ociRuntime).run(bundle, record.name());
            if (!remove) {
                store.save(record.exited(exitCode));
            }
            return exitCode;
        } finally {
            if (remove || !started) {
                ociRuntime.delete(record.name());
                store.remove(record.name());
            }
        }
    }

    private RunOptions options(String containerName) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String variable : env) {
            int equals = variable.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("-e " + variable + ": expected NAME=VALUE");
            }
            variables.put(variable.substring(0, equals), variable.substring(equals + 1));
        }
        RunOptions.Network mode = switch (network) {
            case "none" -> RunOptions.Network.NONE;
            case "host" -> RunOptions.Network.HOST;
            default -> throw new IllegalArgumentException("--network " + network + ": expected none or host");
        };
        return new RunOptions(
                List.copyOf(command),
                variables,
                workdir,
                hostname == null ? containerName : hostname,
                readOnly,
                mode,
                tty);
    }

    private String containerName() {
        if (name != null) {
            return name;
        }
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        return "berth-" + HexFormat.of().formatHex(random);
    }
}
