package dev.berth.testkit.registry;

import dev.berth.testkit.ProjectLayout;
import dev.berth.testkit.process.LogFiles;
import dev.berth.testkit.process.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Berth's registry as users run it: {@code java -jar berth-registry.jar serve} with the fs
 * storage or on S3, with {@code bin/berth-registry}'s default JVM options and malloc arenas, so
 * that any test pushing big blobs also proves that memory does not grow with blob size under the
 * limits operators get.
 */
public final class BerthProcess extends LocalRegistryProcess {

    /** The limit {@code bin/berth-registry} sets, for the same reason (see that script). */
    private static final String MALLOC_ARENA_MAX = "2";
    /** A registry that needs longer than this to shut down will make deployments hang. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private BerthProcess(int port, Path dataDir, ServerProcess server) {
        super(RegistryKind.BERTH, port, dataDir, server, STOP_GRACE);
    }

    public static BerthProcess start(Path dataDir) {
        return start(dataDir, "fs:" + dataDir, Map.of());
    }

    /** Berth on {@code dataDir} with a config file too (auth settings, for instance). */
    public static BerthProcess start(Path dataDir, Path configFile) {
        return start(dataDir, "fs:" + dataDir, Map.of(), List.of("--config", configFile.toString()));
    }

    /**
     * Berth on an S3 bucket, its settings and keys given as an operator would, through the
     * environment ({@code BERTH_STORAGE_S3_*}, {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY});
     * {@code dataDir} holds nothing but is what tests that look for files are told.
     */
    public static BerthProcess startOnS3(Path dataDir, Map<String, String> bucketEnvironment) {
        return start(dataDir, "s3", bucketEnvironment);
    }

    private static BerthProcess start(Path dataDir, String storage, Map<String, String> environment) {
        return start(dataDir, storage, environment, List.of());
    }

    private static BerthProcess start(Path dataDir, String storage, Map<String, String> given, List<String> extraArgs) {
        Map<String, String> environment = new HashMap<>(given);
        environment.putIfAbsent("MALLOC_ARENA_MAX", MALLOC_ARENA_MAX);
        Path jar = requireJar();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return startOnFreePort(port -> {
            List<String> argv = new ArrayList<>(List.of(
                    java,
                    "@" + ProjectLayout.registryJvmOptions(),
                    "-jar",
                    jar.toString(),
                    "serve",
                    "--listen",
                    "127.0.0.1:" + port,
                    "--storage",
                    storage));
            argv.addAll(extraArgs);
            return new BerthProcess(
                    port,
                    dataDir,
                    ServerProcess.launch("berth-registry", argv, environment, LogFiles.forServer("berth-" + port)));
        });
    }

    /** Never a skip: with Berth selected, a missing jar means the build is broken or incomplete. */
    private static Path requireJar() {
        Path jar = ProjectLayout.berthRegistryJar();
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("Berth's registry jar " + jar + " does not exist. Build it first with "
                    + "`mvn -B -DskipTests package` at the repository root (`mvn verify` at the root builds it "
                    + "before these tests), or point the interop tests at Debian's docker-registry with "
                    + "-Dinterop.registry=distribution.");
        }
        return jar;
    }
}
