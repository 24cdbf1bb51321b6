package dev.berth.testkit.tools;

import dev.berth.testkit.Pause;
import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.ScratchDir;
import dev.berth.testkit.process.Command;
import dev.berth.testkit.process.CommandResult;
import dev.berth.testkit.process.Executables;
import dev.berth.testkit.process.LogFiles;
import dev.berth.testkit.process.ProcessTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A private docker engine for one test class: its own data root, exec root, pid file and
 * socket, so it neither needs nor disturbs a system dockerd. It runs without iptables and
 * without a bridge, so containers must be started with {@code --network none}; pushes to
 * 127.0.0.1:PORT go over plain HTTP because docker treats 127.0.0.0/8 as insecure by default.
 */
public final class DockerDaemon implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final ScratchDir dir;
    private final Path log;
    private final Path cli;
    private final Map<String, String> clientEnvironment;

    private DockerDaemon(Process process, ScratchDir dir, Path log, Path cli) {
        this.process = process;
        this.dir = dir;
        this.log = log;
        this.cli = cli;
        this.clientEnvironment = Map.of(
                "DOCKER_HOST",
                "unix://" + dir.resolve("docker.sock"),
                // A private client config: no credential helpers or auths from ~/.docker.
                "DOCKER_CONFIG",
                dir.resolve("client-config").toString(),
                // The classic builder: it needs no buildx plugin (Debian ships none), and a newer
                // docker CLI would otherwise hand `docker build` to buildx.
                "DOCKER_BUILDKIT",
                "0",
                "PATH",
                Executables.searchPath());
    }

    /** Starts a daemon, or skips (fails in CI) when this machine cannot run one. */
    public static DockerDaemon start() {
        return start(List.of());
    }

    /**
     * The same with more dockerd options, such as {@code --registry-mirror http://127.0.0.1:PORT}
     * (dockerd's flag for daemon.json's {@code registry-mirrors}).
     */
    public static DockerDaemon start(List<String> options) {
        Path dockerd = Prerequisites.executable("dockerd", "docker.io");
        Path cli = dockerCli();
        Prerequisites.requireRoot("dockerd");
        ScratchDir dir = ScratchDir.shortPath("bd-");
        Path log = LogFiles.forServer("dockerd");
        Process process = launch(dockerd, dir, log, options);
        DockerDaemon daemon = new DockerDaemon(process, dir, log, cli);
        String failure = daemon.awaitReady();
        if (failure != null) {
            String logTail = daemon.logTail();
            daemon.close();
            Prerequisites.require(
                    false,
                    "a private dockerd could not start (" + failure + "); its log " + log + " ends with:\n" + logTail);
        }
        return daemon;
    }

    /**
     * The client that ships with the daemon (Debian's /usr/bin/docker) when it is there: some
     * machines also carry a newer, client-only docker in /usr/local/bin that comes first on
     * PATH and would have to downgrade its API version to talk to dockerd 20.10.
     */
    private static Path dockerCli() {
        Path packaged = Path.of("/usr/bin/docker");
        return Files.isExecutable(packaged) ? packaged : Prerequisites.executable("docker", "docker.io");
    }

    private static Process launch(Path dockerd, ScratchDir dir, Path log, List<String> options) {
        List<String> command = new ArrayList<>(List.of(
                dockerd.toString(),
                "--iptables=false",
                "--ip6tables=false",
                "--bridge=none",
                // vfs works on any filesystem, including overlay-backed /tmp of a container.
                "--storage-driver=vfs",
                "--data-root",
                dir.resolve("data").toString(),
                "--exec-root",
                dir.resolve("exec").toString(),
                "--pidfile",
                dir.resolve("docker.pid").toString(),
                "-H",
                "unix://" + dir.resolve("docker.sock")));
        command.addAll(options);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("PATH", Executables.searchPath());
            return builder.start();
        } catch (IOException e) {
            dir.close();
            throw new UncheckedIOException("cannot start " + dockerd, e);
        }
    }

    /** @return null when the daemon answers, else why it does not */
    private String awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                return "dockerd exited with " + process.exitValue();
            }
            if (client("version").timeout(Duration.ofSeconds(10)).run().succeeded()) {
                return null;
            }
            Pause.sleep(Duration.ofMillis(250));
        }
        return "no answer within " + START_TIMEOUT.toSeconds() + " s";
    }

    /** A docker CLI invocation aimed at this daemon, not yet run. */
    public Command client(String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(cli.toString());
        argv.addAll(List.of(args));
        return Command.of(argv).env(clientEnvironment);
    }

    /** Runs a docker CLI command and returns what it printed; fails the test if it fails. */
    public String docker(String... args) {
        return client(args).runOk().output();
    }

    /** Runs a docker CLI command whose failure the test wants to look at. */
    public CommandResult tryDocker(String... args) {
        return client(args).run();
    }

    /** The daemon's own log, for failure messages. */
    public String logTail() {
        return LogFiles.tail(log);
    }

    @Override
    public void close() {
        try {
            // SIGTERM lets dockerd stop its containers and its managed containerd cleanly.
            if (!ProcessTrees.terminate(process, STOP_TIMEOUT)) {
                System.err.println(
                        "WARNING: dockerd ignored SIGTERM for " + STOP_TIMEOUT.toSeconds() + " s; killed it");
            }
        } finally {
            dir.close();
        }
    }
}
