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
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Berth on the filesystem driver, started in this JVM the way {@code berth-registry serve} starts
 * it, on a free loopback port: quick to start, and no jar to build first.
 */
public final class InProcessBerth implements AutoCloseable {

    private final RunningRegistry registry;

    private InProcessBerth(RunningRegistry registry) {
        this.registry = registry;
    }

    public static InProcessBerth start(Path dataDir, boolean deleteEnabled) {
        RegistryConfig config = new RegistryConfig(new HttpConfig(new ListenAddress("127.0.0.1", 0)),
                new FilesystemStorageConfig(dataDir), new DeleteConfig(deleteEnabled), new LogConfig(LogLevel.WARN, false));
        try {
            return new InProcessBerth(RegistryLauncher.start(config));
        } catch (LaunchException e) {
            throw new IllegalStateException("Berth did not start on " + dataDir, e);
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
