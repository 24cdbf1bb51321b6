package dev.berth.registry;

import dev.berth.registry.auth.AuthSetup;
import dev.berth.registry.config.ListenAddress;
import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.core.Registry;
import dev.berth.registry.core.RegistryOptions;
import dev.berth.registry.core.Sha256Engines;
import dev.berth.registry.gc.GarbageCollection;
import dev.berth.registry.gc.GcListener;
import dev.berth.registry.gc.ScheduledUploadPurge;
import dev.berth.registry.http.ApiHandler;
import dev.berth.registry.http.ClientConnections;
import dev.berth.registry.http.ContentSource;
import dev.berth.registry.http.InvalidRequests;
import dev.berth.registry.http.StoredContent;
import dev.berth.registry.metrics.MirrorMetrics;
import dev.berth.registry.metrics.RegistryMetrics;
import dev.berth.registry.ops.OpsEndpoints;
import dev.berth.registry.ops.ReadOnlyMode;
import dev.berth.registry.proxy.MirroredContent;
import dev.berth.registry.tls.HttpsOptions;
import dev.berth.registry.ui.LastCollection;
import dev.berth.registry.ui.WebUi;
import dev.berth.storage.StorageDriver;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts berth-registry from its configuration: Vert.x, the storage driver, the registry core,
 * its HTTP routes and the HTTP server. What the process does around it (signals, exit codes,
 * logging set-up) is the command line's business.
 */
public final class RegistryLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryLauncher.class);
    /** Requests longer than this are refused: a referrers or tags query with many parameters fits. */
    private static final int MAX_INITIAL_LINE_BYTES = 16 * 1024;
    /** Connections idle for this long are closed; long enough for clients that pause between layers. */
    private static final int IDLE_TIMEOUT_SECONDS = 120;
    /**
     * The most body bytes the decoder hands on at once: as much as one socket read brings (64 KiB),
     * not Vert.x's default of 8 KiB, which cut a pushed blob into eight times as many buffers, each
     * one write, one hash task and the thread hops between them (docs/performance.md, "Why pushes miss").
     */
    private static final int MAX_BODY_CHUNK_BYTES = 64 * 1024;

    private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLEANUP_TIMEOUT = Duration.ofSeconds(10);

    private RegistryLauncher() {}

    /**
     * Starts the registry and returns once it listens. Blocks the calling thread, which must not
     * be a Vert.x thread.
     */
    public static RunningRegistry start(RegistryConfig config) throws LaunchException {
        Vertx vertx = BerthVertx.create(config.http().eventLoopCount());
        StorageDriver driver;
        // The driver itself, before metrics wrap it: the S3 warm-up needs the S3 driver.
        StorageDriver opened;
        try {
            opened = StorageDrivers.open(vertx, config.storage());
            driver = opened;
            if (!config.readOnly().enabled()) {
                StorageDrivers.checkWritable(config.storage());
            }
        } catch (LaunchException | RuntimeException e) {
            awaitQuietly(vertx.close());
            throw e;
        }
        RegistryMetrics metrics = config.metrics().enabled() ? new RegistryMetrics() : null;
        if (metrics != null) {
            driver = metrics.timeStorage(driver);
        }
        Registry registry = new Registry(
                driver,
                new RegistryOptions(
                        config.delete().enabled(),
                        config.gc().gracePeriod(),
                        config.uploads().maxOpenPerRepository(),
                        config.uploads().purgeAfter(),
                        config.uploads().automaticCrossMount()));
        ReadOnlyMode readOnly = new ReadOnlyMode(config.readOnly().enabled());
        LastCollection lastGc = new LastCollection(Clock.systemUTC());
        GcListener collections = report -> {
            lastGc.collected(report);
            if (metrics != null && !report.dryRun()) {
                metrics.gc().recordRun(report.bytesFreed());
            }
        };
        HttpServerOptions options = serverOptions();
        Optional<AuthSetup> auth;
        boolean https;
        try {
            auth = Authentication.setUp(vertx, config.auth(), config.storage());
            https = HttpsOptions.apply(options, config.tls());
        } catch (LaunchException e) {
            awaitQuietly(driver.close().eventually(vertx::close));
            throw e;
        }
        ScheduledUploadPurge.start(vertx, driver, config.uploads());
        boolean scrapeHere = metrics != null && config.metrics().listen().isEmpty();
        ContentSource content = MirroredContent.over(
                vertx,
                config.proxy(),
                new StoredContent(registry),
                registry,
                metrics == null ? MirrorMetrics.unread() : metrics.mirror());
        Router pipeline = RequestPipeline.build(
                vertx,
                config.log().accessLog(),
                metrics,
                scrapeHere,
                new OpsEndpoints(driver, readOnly),
                readOnly,
                GarbageCollection.start(vertx, driver, config.gc(), config.uploads(), collections),
                auth,
                content,
                config.ui().enabled()
                        ? Optional.of(new WebUi(
                                vertx, registry, driver, auth, config.delete().enabled(), readOnly, lastGc, content))
                        : Optional.empty(),
                new ApiHandler(registry, content, ManifestWebhooks.of(vertx, config.webhooks())));
        ClientConnections connections = new ClientConnections(options, config.http());
        Supplier<HttpServer> unrouted = () -> vertx.createHttpServer(options)
                .connectionHandler(connections)
                .invalidRequestHandler(InvalidRequests::answer);
        Supplier<HttpServer> apiServer = () -> unrouted.get().requestHandler(pipeline);
        long warmedUp = RelayWarmUps.run(vertx, opened, config, unrouted, https);
        ListenAddress requested = config.http().listen();
        List<HttpServer> servers = new ArrayList<>();
        try {
            servers.addAll(awaitListening(
                    ServersPerEventLoop.listen(
                            vertx,
                            config.http().eventLoopCount(),
                            requested,
                            ServersPerEventLoop.API_PORT_ID,
                            apiServer),
                    requested));
            if (metrics != null && config.metrics().listen().isPresent()) {
                ListenAddress scrape = config.metrics().listen().get();
                HttpServer server = vertx.createHttpServer().requestHandler(MetricsServer.handler(metrics));
                servers.add(awaitListening(server.listen(scrape.port(), scrape.host()), scrape));
            }
        } catch (LaunchException e) {
            awaitQuietly(driver.close().eventually(vertx::close));
            throw e;
        }
        ListenAddress address =
                new ListenAddress(requested.host(), servers.get(0).actualPort());
        LOG.info("uploads are hashed with {}", Sha256Engines.inUse());
        LOG.info(
                "berth-registry {} listening on {}, {}, {} event loops, storage {}, deletes {}{}",
                BuildInfo.version(),
                address,
                https ? "HTTPS" : "plain HTTP",
                config.http().eventLoopCount(),
                config.storage().describe(),
                config.delete().enabled() ? "enabled" : "disabled",
                readOnly.enabled() ? ", read-only" : "");
        return new RunningRegistry(vertx, servers, driver, address, warmedUp);
    }

    private static <T> T awaitListening(Future<T> listening, ListenAddress address) throws LaunchException {
        try {
            return await(listening, LISTEN_TIMEOUT);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new LaunchException("cannot listen on " + address + ": " + cause, cause);
        }
    }

    private static HttpServerOptions serverOptions() {
        return new HttpServerOptions()
                // Blobs are compressed already and digests cover the exact bytes: never re-encode.
                .setCompressionSupported(false)
                .setDecompressionSupported(false)
                .setTcpKeepAlive(true)
                .setIdleTimeout(IDLE_TIMEOUT_SECONDS)
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setMaxInitialLineLength(MAX_INITIAL_LINE_BYTES)
                .setMaxChunkSize(MAX_BODY_CHUNK_BYTES)
                // Plain-HTTP clients stay on HTTP/1.1, as with registry:2: an h2c upgrade would put
                // blob transfers under HTTP/2's 64 KiB default flow-control window.
                .setHttp2ClearTextEnabled(false)
                // curl and others wait a second for "100 Continue" before sending an upload body.
                .setHandle100ContinueAutomatically(true);
    }

    private static <T> T await(Future<T> future, Duration timeout) throws ExecutionException, TimeoutException {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException(e);
        }
    }

    /** Cleanup after a failed start: the start failure is what the operator needs to see. */
    private static void awaitQuietly(Future<?> cleanup) {
        try {
            await(cleanup, CLEANUP_TIMEOUT);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("cleanup after a failed start failed", e);
        }
    }
}
