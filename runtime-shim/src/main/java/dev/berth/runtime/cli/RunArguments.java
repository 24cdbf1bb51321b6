package dev.berth.runtime.cli;

import dev.berth.runtime.bundle.Mount;
import dev.berth.runtime.bundle.Resources;
import dev.berth.runtime.bundle.RunOptions;
import dev.berth.runtime.runner.PortMapping;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options and arguments of {@code berth run}, as a picocli mixin: the client's run command
 * carries them beside its own (how to get the image), and hands them with the resolved image to
 * {@link ContainerRun}.
 */
public final class RunArguments {
    @Option(names = "--runtime", paramLabel = "runc|crun", description = "the OCI runtime (default: runc, else crun)")
    String runtime;

    @Option(names = "--rm", description = "remove the container (bundle and runtime state) when it exits")
    boolean remove;

    @Option(
            names = {"-d", "--detach"},
            description = "run the container in the background and print its name; its output goes to berth logs")
    boolean detach;

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

    @Option(
            names = {"-p", "--publish"},
            paramLabel = "[IP:]HOST:CONTAINER[/udp]",
            description = "publish a container port on the host, through slirp4netns (needs the own network namespace)")
    List<String> publish = new ArrayList<>();

    @Option(names = "--read-only", description = "mount the container's root filesystem read-only")
    boolean readOnly;

    @Option(names = "--hostname", paramLabel = "H", description = "the container's hostname (default: its name)")
    String hostname;

    @Option(
            names = {"-i", "--interactive"},
            description =
                    "pass berth's stdin to the container (without it, and without -t, the container reads /dev/null)")
    boolean interactive;

    @Option(
            names = {"-u", "--user"},
            paramLabel = "USER[:GROUP]",
            description =
                    "the user (name or uid, optionally :group) instead of the image's, looked up in its /etc/passwd")
    String user;

    @Option(
            names = "--entrypoint",
            paramLabel = "CMD",
            description = "replace the image's Entrypoint (and drop its Cmd); \"\" for none")
    String entrypoint;

    @Option(
            names = "--env-file",
            paramLabel = "FILE",
            description = "read environment variables from FILE: K=V lines, or K to pass berth's own K; # comments")
    List<Path> envFiles = new ArrayList<>();

    @Option(
            names = {"-v", "--volume"},
            paramLabel = "HOST:CONTAINER[:ro]",
            description = "bind-mount a host directory or file (which must exist) into the container")
    List<String> volumes = new ArrayList<>();

    @Option(names = "--tmpfs", paramLabel = "PATH[:OPTIONS]", description = "mount an empty tmpfs at PATH")
    List<String> tmpfs = new ArrayList<>();

    @Option(
            names = {"-m", "--memory"},
            paramLabel = "BYTES",
            description = "the memory limit (swap included), e.g. 64m or 1g; beyond it the kernel kills the container")
    String memory;

    @Option(names = "--cpus", paramLabel = "N", description = "at most N CPUs' worth of time (1.5: one and a half)")
    Double cpus;

    @Option(names = "--pids-limit", paramLabel = "N", description = "at most N processes and threads")
    Long pidsLimit;

    @Parameters(
            index = "0",
            paramLabel = "REF|DIR[:TAG]",
            description = "an image reference, or an OCI layout directory")
    String image;

    @Parameters(
            index = "1..*",
            paramLabel = "CMD",
            description = "the command and its arguments, replacing the image's Cmd (everything after the image "
                    + "belongs to the command, as with docker run; a -- before it is allowed)")
    List<String> command = new ArrayList<>();

    /** The image argument as given: a reference or a layout directory. */
    public String image() {
        return image;
    }

    String containerName() {
        if (name != null) {
            return name;
        }
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        return "berth-" + HexFormat.of().formatHex(random);
    }

    /** The -p mappings, checked. */
    List<PortMapping> ports() {
        if (!publish.isEmpty() && network.equals("host")) {
            throw new IllegalArgumentException("-p needs the container's own network namespace; with --network host"
                    + " its ports are the host's already");
        }
        return publish.stream().map(PortMapping::parse).toList();
    }

    /** Whether the container reads berth's stdin: with -i, or with -t (the terminal is its stdin). */
    boolean attachStdin() {
        return interactive || tty;
    }

    /** @param hostEnvironment where a bare {@code K} of an --env-file takes its value from */
    RunOptions options(String containerName, Map<String, String> hostEnvironment) throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (Path file : envFiles) {
            variables.putAll(EnvFile.read(file, hostEnvironment));
        }
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
        List<Mount> mounts = new ArrayList<>();
        volumes.forEach(volume -> mounts.add(Mount.volume(volume)));
        tmpfs.forEach(path -> mounts.add(Mount.tmpfs(path)));
        return new RunOptions(
                commandArguments(),
                variables,
                workdir,
                hostname == null ? containerName : hostname,
                readOnly,
                mode,
                tty,
                user,
                entrypoint == null ? null : entrypoint.isEmpty() ? List.of() : List.of(entrypoint),
                List.copyOf(mounts),
                resources());
    }

    private Resources resources() {
        if (cpus != null && !(cpus > 0)) {
            throw new IllegalArgumentException("--cpus " + cpus + ": expected more than 0");
        }
        if (pidsLimit != null && pidsLimit <= 0) {
            throw new IllegalArgumentException("--pids-limit " + pidsLimit + ": expected 1 or more");
        }
        return new Resources(memory == null ? null : Resources.parseMemory(memory), cpus, pidsLimit);
    }

    /**
     * The command after the image. The parser stops taking options at the image, so a {@code --}
     * written there (berth's older usage) arrives as the first argument and is dropped.
     */
    private List<String> commandArguments() {
        if (!command.isEmpty() && command.get(0).equals("--")) {
            return List.copyOf(command.subList(1, command.size()));
        }
        return List.copyOf(command);
    }
}
