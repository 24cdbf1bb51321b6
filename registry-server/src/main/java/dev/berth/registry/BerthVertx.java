package dev.berth.registry;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;

/** The Vert.x instance every berth-registry command runs on. */
public final class BerthVertx {
    private BerthVertx() {}

    /**
     * Without class-path resolving, Vert.x's file system takes paths as they are. With it, Vert.x
     * keeps a file cache directory and registers a JVM shutdown hook that deletes it; on SIGTERM that
     * hook runs beside ours, and a request still in flight during the graceful stop then failed with
     * 500 ("cacheDir has been removed") when it opened a file that did not exist yet. The registry
     * serves no class-path resources, so nothing is lost.
     */
    public static Vertx create() {
        return Vertx.vertx(options());
    }

    /** With {@code eventLoops} event loops, for a server that puts one HTTP server on each. */
    public static Vertx create(int eventLoops) {
        return Vertx.vertx(options().setEventLoopPoolSize(eventLoops));
    }

    /**
     * Netty's epoll transport where it loads (Linux on x86-64; NIO elsewhere): on it, blob GETs on S3
     * go from S3's socket to the client's by splice(2), never through the JVM (storage-s3's
     * SocketSplice).
     */
    private static VertxOptions options() {
        return new VertxOptions()
                .setPreferNativeTransport(true)
                .setFileSystemOptions(new FileSystemOptions()
                        .setClassPathResolvingEnabled(false)
                        .setFileCachingEnabled(false));
    }
}
