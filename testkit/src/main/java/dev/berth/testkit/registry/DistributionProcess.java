package dev.berth.testkit.registry;

import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.process.LogFiles;
import dev.berth.testkit.process.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's docker-registry (CNCF distribution 2.8), the reference the interop tests are
 * checked against and whose on-disk layout Berth shares.
 */
public final class DistributionProcess extends LocalRegistryProcess {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private DistributionProcess(int port, Path dataDir, ServerProcess server) {
        super(RegistryKind.DISTRIBUTION, port, dataDir, server, STOP_GRACE);
    }

    public static DistributionProcess start(Path dataDir) {
        return start(dataDir, List.of());
    }

    /**
     * With extra top-level YAML lines in its config, such as an {@code auth:} section (htpasswd
     * or token) for the client's authentication tests.
     */
    public static DistributionProcess start(Path dataDir, List<String> extraConfig) {
        return start(dataDir, extraConfig, false);
    }

    /**
     * With registry:2's access log on, so that a test can count the requests it was sent
     * ({@link #requestsLogged}); the mirror tests count upstream fetches so.
     */
    public static DistributionProcess startWithAccessLog(Path dataDir, List<String> extraConfig) {
        return start(dataDir, extraConfig, true);
    }

    /** How many requests the access log shows of {@code method} on exactly {@code path}. */
    public long requestsLogged(String method, String path) {
        String request = "\"" + method + " " + path + " HTTP/";
        try (var lines = Files.lines(logFile(), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(request)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DistributionProcess start(Path dataDir, List<String> extraConfig, boolean accessLog) {
        Path executable = Prerequisites.executable("docker-registry", "docker-registry");
        return startOnFreePort(port -> {
            Path log = LogFiles.forServer("distribution-" + port);
            Path config = log.resolveSibling(log.getFileName().toString().replace(".log", ".yml"));
            writeConfig(config, port, dataDir, extraConfig, accessLog);
            return new DistributionProcess(
                    port,
                    dataDir,
                    ServerProcess.launch(
                            "docker-registry", List.of(executable.toString(), "serve", config.toString()), log));
        });
    }

    private static void writeConfig(Path config, int port, Path dataDir, List<String> extraConfig, boolean accessLog) {
        String yaml = String.join(
                "\n",
                "version: 0.1",
                "log:",
                "  level: warn",
                "  accesslog:",
                "    disabled: " + !accessLog,
                "storage:",
                "  filesystem:",
                "    rootdirectory: " + dataDir,
                "  delete:",
                "    enabled: true",
                "  maintenance:",
                // The crash tests look at the uploads a killed registry left behind.
                "    uploadpurging:",
                "      enabled: false",
                "http:",
                "  addr: 127.0.0.1:" + port,
                // Fixed, so that upload URLs (their _state is signed with it) survive a restart.
                "  secret: berth-interop-tests",
                String.join("\n", extraConfig),
                "");
        try {
            Files.createDirectories(config.getParent());
            Files.writeString(config, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
