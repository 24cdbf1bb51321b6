package dev.berth.conformance.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Berth's registry as users run it: {@code java -jar berth-registry.jar serve} with the fs
 * storage. The heap is capped at 256 MiB so that any test pushing big blobs also proves that
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
        Path jar = requireJar();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return startOnFreePort(port -> new BerthProcess(port, dataDir, ServerProcess.launch("berth-registry",
                List.of(java, HEAP, "-jar", jar.toString(),
                        "serve", "--listen", "127.0.0.1:" + port, "--storage", "fs:" + dataDir),
                LogFiles.forServer("berth-" + port))));
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
