package dev.berth.registry;

import dev.berth.registry.config.ConfigLayer;
import dev.berth.registry.config.ConfigLoader;
import dev.berth.registry.config.FilesystemStorageConfig;
import dev.berth.registry.config.HostNames;
import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.config.TlsConfig;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.s3.InProcessS3;
import dev.berth.testkit.s3.S3DefaultChain;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Berth started in this JVM the way {@code berth-registry serve} starts it, from settings given as an
 * operator gives them: {@code BERTH_*} variables over an optional config file, read by
 * {@link ConfigLoader}. Unless its settings say otherwise, a test's registry listens on a free
 * loopback port, writes no access log, and purges stale uploads only when garbage collection runs
 * (the purge schedule's first run comes at a random moment, which would race a test that counts
 * what a collection purged). The one way tests start a registry in process: quick, and
 * no jar to build first. The environment of the test's JVM is not read, so a developer's own
 * {@code BERTH_*} variables change nothing.
 */
public final class InProcessBerth implements AutoCloseable {
    private static final Map<String, String> TEST_DEFAULTS = Map.of(
            "BERTH_HTTP_LISTEN", "127.0.0.1:0",
            "BERTH_LOG_ACCESSLOG", "false",
            "BERTH_UPLOADS_PURGEINTERVAL", "0");

    private final RunningRegistry running;
    private final RegistryConfig config;

    private InProcessBerth(RunningRegistry running, RegistryConfig config) {
        this.running = running;
        this.config = config;
    }

    /** Berth over the filesystem driver in {@code dataDir}, with deletes through the API on or off. */
    public static InProcessBerth start(Path dataDir, boolean deleteEnabled) {
        return start(dataDir, Map.of("BERTH_DELETE_ENABLED", String.valueOf(deleteEnabled)));
    }

    /** Berth over the filesystem driver in {@code dataDir}, with more settings. */
    public static InProcessBerth start(Path dataDir, Map<String, String> settings) {
        return start(dataDir, settings, Optional.empty());
    }

    /** The same with a config file beneath the settings. */
    public static InProcessBerth start(Path dataDir, Map<String, String> settings, Optional<Path> configFile) {
        Map<String, String> onDisk = new HashMap<>(settings);
        onDisk.put("BERTH_STORAGE_FILESYSTEM_ROOTDIRECTORY", dataDir.toString());
        return start(onDisk, configFile);
    }

    /** Berth from these settings, which say where its data goes. */
    public static InProcessBerth start(Map<String, String> settings) {
        return start(settings, Optional.empty());
    }

    /** The same with a config file beneath the settings; a start that fails is a broken test. */
    public static InProcessBerth start(Map<String, String> settings, Optional<Path> configFile) {
        try {
            return launch(settings, configFile);
        } catch (LaunchException e) {
            throw new IllegalStateException("Berth did not start with " + settings + " over " + configFile, e);
        }
    }

    /**
     * Berth over HTTPS on {@code listenHost} with a self-signed certificate for {@code hosts}
     * (none: localhost, the loopback addresses and this machine's name), kept as
     * {@code DATADIR/tls/cert.pem}.
     */
    public static InProcessBerth startSelfSigned(Path dataDir, String listenHost, HostNames hosts) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "BERTH_HTTP_LISTEN",
                (listenHost.contains(":") ? "[" + listenHost + "]" : listenHost) + ":0",
                "BERTH_TLS_SELFSIGNED",
                "true"));
        if (!hosts.names().isEmpty()) {
            settings.put("BERTH_TLS_HOSTS", String.join(",", hosts.names()));
        }
        return start(dataDir, settings);
    }

    /** Berth on a new bucket of the in-process S3 server, with that server's keys in the SDK's default chain. */
    public static InProcessBerth startOnS3(boolean deleteEnabled) throws Exception {
        S3DefaultChain.useInProcessKeys();
        Map<String, String> settings =
                new HashMap<>(InProcessS3.get().newBucket("registry").berthSettings(false));
        settings.put("BERTH_DELETE_ENABLED", String.valueOf(deleteEnabled));
        return start(settings);
    }

    /**
     * For tests of what a start refuses: it fails with the {@link LaunchException} that makes
     * {@code berth-registry serve} exit.
     */
    public static InProcessBerth launch(Map<String, String> settings, Optional<Path> configFile)
            throws LaunchException {
        RegistryConfig config = config(settings, configFile);
        return new InProcessBerth(RegistryLauncher.start(config), config);
    }

    public static InProcessBerth launch(Map<String, String> settings) throws LaunchException {
        return launch(settings, Optional.empty());
    }

    /** The configuration these settings give a test's registry. */
    public static RegistryConfig config(Map<String, String> settings, Optional<Path> configFile) {
        Map<String, String> environment = new HashMap<>(TEST_DEFAULTS);
        environment.putAll(settings);
        return ConfigLoader.load(configFile, environment, ConfigLayer.empty());
    }

    public int port() {
        return running.address().port();
    }

    /** {@code http://HOST:PORT}, or https when it serves TLS. */
    public URI url() {
        return URI.create((config.tls() instanceof TlsConfig.Off ? "http" : "https") + "://" + running.address());
    }

    public URI uri(String pathAndQuery) {
        return url().resolve(pathAndQuery);
    }

    /** The filesystem storage's root directory. */
    public Path dataDir() {
        if (config.storage() instanceof FilesystemStorageConfig filesystem) {
            return filesystem.rootDirectory();
        }
        throw new IllegalStateException(
                "no data directory: Berth runs on " + config.storage().describe());
    }

    /** The bytes the warm-up of blob GETs relayed before the registry listened. */
    public long warmedUpBytes() {
        return running.warmedUpBytes();
    }

    /** A client for the API tests: redirects are answers, and a request that hangs fails after 60 s. */
    public RegistryClient client() {
        return new RegistryClient(url());
    }

    @Override
    public void close() {
        // No grace period: a test client's idle keep-alive connections would only hold the stop up.
        running.stop(Duration.ZERO);
    }
}
