package dev.berth.conformance.interop;

import dev.berth.storage.s3.S3Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Berth's registry as users run it: {@code java -jar berth-registry.jar serve} with the fs
 * storage or on S3. The heap is capped at 256 MiB so that any test pushing big blobs also proves that
 * memory does not grow with blob size.
 */
final class BerthProcess extends LocalRegistryProcess {

    static final String HEAP = "-Xmx256m";
    /** A registry that needs longer than this to shut down will make deployments hang. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private BerthProcess(int port, Path dataDir, ServerProcess server) {
        super(RegistryKind.BERTH, port, dataDir, server, STOP_GRACE);
    }

    static BerthProcess start(Path dataDir) {
        return start(dataDir, "fs:" + dataDir, Map.of());
    }

    /** Berth on {@code dataDir} with a config file too (auth settings, for instance). */
    static BerthProcess start(Path dataDir, Path configFile) {
        return start(dataDir, "fs:" + dataDir, Map.of(), List.of("--config", configFile.toString()));
    }

    /**
     * Berth on an S3 bucket, its settings and keys given as an operator would, through the
     * environment; {@code dataDir} holds nothing but is what tests that look for files are told.
     */
    static BerthProcess startOnS3(Path dataDir, S3Settings bucket, boolean redirect, String accessKey, String secretKey) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "AWS_ACCESS_KEY_ID", accessKey,
                "AWS_SECRET_ACCESS_KEY", secretKey,
                "BERTH_STORAGE_S3_BUCKET", bucket.bucket(),
                "BERTH_STORAGE_S3_REGION", bucket.region(),
                "BERTH_STORAGE_S3_PATHSTYLE", String.valueOf(bucket.pathStyle()),
                "BERTH_STORAGE_S3_PREFIX", bucket.prefix(),
                "BERTH_STORAGE_S3_REDIRECT", String.valueOf(redirect)));
        bucket.endpoint().ifPresent(endpoint -> environment.put("BERTH_STORAGE_S3_ENDPOINT", endpoint.toString()));
        return start(dataDir, "s3", environment);
    }

    private static BerthProcess start(Path dataDir, String storage, Map<String, String> environment) {
        return start(dataDir, storage, environment, List.of());
    }

    private static BerthProcess start(Path dataDir, String storage, Map<String, String> environment, List<String> extraArgs) {
        Path jar = requireJar();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return startOnFreePort(port -> {
            List<String> argv = new ArrayList<>(List.of(java, HEAP, "-jar", jar.toString(),
                    "serve", "--listen", "127.0.0.1:" + port, "--storage", storage));
            argv.addAll(extraArgs);
            return new BerthProcess(port, dataDir, ServerProcess.launch("berth-registry", argv,
                    environment, LogFiles.forServer("berth-" + port)));
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
