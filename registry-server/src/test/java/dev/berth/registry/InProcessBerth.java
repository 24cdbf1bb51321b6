package dev.berth.registry;

import dev.berth.registry.config.DeleteConfig;
import dev.berth.registry.config.FilesystemStorageConfig;
import dev.berth.registry.config.HostNames;
import dev.berth.registry.config.ListenAddress;
import dev.berth.registry.config.LogConfig;
import dev.berth.registry.config.LogLevel;
import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.config.S3StorageConfig;
import dev.berth.registry.config.StorageConfig;
import dev.berth.registry.config.TlsConfig;
import dev.berth.storage.s3.S3TestClients;
import dev.berth.testkit.s3.S3DefaultChain;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Berth on the filesystem driver or on S3, started in this JVM the way {@code berth-registry serve} starts
 * it, on a free loopback port: quick to start, and no jar to build first.
 */
public final class InProcessBerth implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";

    private final RunningRegistry registry;
    private final boolean https;

    private InProcessBerth(RunningRegistry registry, boolean https) {
        this.registry = registry;
        this.https = https;
    }

    public static InProcessBerth start(Path dataDir, boolean deleteEnabled) {
        return start(LOOPBACK, new FilesystemStorageConfig(dataDir), deleteEnabled, new TlsConfig.Off());
    }

    /**
     * Berth over HTTPS on {@code listenHost} with a self-signed certificate for {@code hosts}
     * (none: localhost, the loopback addresses and this machine's name), kept as
     * {@code DATADIR/tls/cert.pem}.
     */
    public static InProcessBerth startSelfSigned(Path dataDir, String listenHost, HostNames hosts) {
        return start(listenHost, new FilesystemStorageConfig(dataDir), true, new TlsConfig.SelfSigned(dataDir.resolve("tls"), hosts));
    }

    /** Berth on a new bucket of the in-process S3 server, with that server's keys in the SDK's default chain. */
    public static InProcessBerth startOnS3(boolean deleteEnabled) throws Exception {
        S3DefaultChain.useInProcessKeys();
        return start(LOOPBACK, new S3StorageConfig(S3TestClients.newBucket("registry"), false), deleteEnabled,
                new TlsConfig.Off());
    }

    private static InProcessBerth start(String listenHost, StorageConfig storage, boolean deleteEnabled, TlsConfig tls) {
        RegistryConfig defaults = RegistryConfig.defaults();
        RegistryConfig config = defaults.withHttp(defaults.http().withListen(new ListenAddress(listenHost, 0)))
                .withStorage(storage).withDelete(new DeleteConfig(deleteEnabled)).withLog(new LogConfig(LogLevel.WARN, false))
                .withTls(tls);
        try {
            return new InProcessBerth(RegistryLauncher.start(config), !(tls instanceof TlsConfig.Off));
        } catch (LaunchException e) {
            throw new IllegalStateException("Berth did not start on " + storage.describe(), e);
        }
    }

    public URI url() {
        return URI.create((https ? "https" : "http") + "://" + registry.address());
    }

    @Override
    public void close() {
        // No grace period: the suite's idle keep-alive connections would only hold the stop up.
        registry.stop(Duration.ZERO);
    }
}
