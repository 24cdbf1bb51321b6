package dev.berth.conformance.suite;

import dev.berth.registry.LaunchException;
import dev.berth.registry.RegistryLauncher;
import dev.berth.registry.RunningRegistry;
import dev.berth.registry.config.DeleteConfig;
import dev.berth.registry.config.FilesystemStorageConfig;
import dev.berth.registry.config.HttpConfig;
import dev.berth.registry.config.ListenAddress;
import dev.berth.registry.config.LogConfig;
import dev.berth.registry.config.LogLevel;
import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.config.S3StorageConfig;
import dev.berth.registry.config.StorageConfig;
import dev.berth.storage.s3.InProcessS3;
import dev.berth.storage.s3.S3DefaultChain;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Berth on the filesystem driver or on S3, started in this JVM the way {@code berth-registry serve} starts
 * it, on a free loopback port: quick to start, and no jar to build first.
 */
public final class InProcessBerth implements AutoCloseable {

    private final RunningRegistry registry;

    private InProcessBerth(RunningRegistry registry) {
        this.registry = registry;
    }

    public static InProcessBerth start(Path dataDir, boolean deleteEnabled) {
        return start(new FilesystemStorageConfig(dataDir), deleteEnabled);
    }

    /** Berth on a new bucket of the in-process S3 server, with that server's keys in the SDK's default chain. */
    public static InProcessBerth startOnS3(boolean deleteEnabled) throws Exception {
        S3DefaultChain.useInProcessKeys();
        return start(new S3StorageConfig(InProcessS3.get().newBucket("registry"), false), deleteEnabled);
    }

    private static InProcessBerth start(StorageConfig storage, boolean deleteEnabled) {
        RegistryConfig config = new RegistryConfig(new HttpConfig(new ListenAddress("127.0.0.1", 0)),
                storage, new DeleteConfig(deleteEnabled), new LogConfig(LogLevel.WARN, false), RegistryConfig.defaults().auth());
        try {
            return new InProcessBerth(RegistryLauncher.start(config));
        } catch (LaunchException e) {
            throw new IllegalStateException("Berth did not start on " + storage.describe(), e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + registry.address().port());
    }

    @Override
    public void close() {
        // No grace period: the suite's idle keep-alive connections would only hold the stop up.
        registry.stop(Duration.ZERO);
    }
}
