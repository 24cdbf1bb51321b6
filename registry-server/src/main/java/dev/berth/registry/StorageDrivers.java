package dev.berth.registry;

import dev.berth.registry.config.FilesystemStorageConfig;
import dev.berth.registry.config.S3StorageConfig;
import dev.berth.registry.config.StorageConfig;
import dev.berth.storage.StorageDriver;
import dev.berth.storage.fs.FsStorageDriver;
import dev.berth.storage.s3.S3ClientFactory;
import dev.berth.storage.s3.S3StorageDriver;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Opens the storage driver a configuration asks for. */
public final class StorageDrivers {
    /** Enough for the SDK's retries against an endpoint that does not answer. */
    private static final long BUCKET_CHECK_SECONDS = 60;

    private StorageDrivers() {}

    public static StorageDriver open(Vertx vertx, StorageConfig config) throws LaunchException {
        if (config instanceof FilesystemStorageConfig filesystem) {
            Path root = filesystem.rootDirectory();
            createDirectory(root);
            return new FsStorageDriver(vertx, root);
        }
        if (config instanceof S3StorageConfig s3) {
            S3StorageDriver driver = new S3StorageDriver(
                    vertx,
                    S3ClientFactory.create(s3.location()),
                    s3.location(),
                    S3ClientFactory.presigner(s3.location()),
                    s3.redirect());
            checkBucket(driver);
            return driver;
        }
        throw new IllegalArgumentException("no storage driver for " + config.describe());
    }

    /** A wrong bucket, key or endpoint is found now, not by the first client to push. */
    private static void checkBucket(S3StorageDriver driver) throws LaunchException {
        try {
            driver.checkBucket().toCompletionStage().toCompletableFuture().get(BUCKET_CHECK_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            driver.close();
            throw new LaunchException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            driver.close();
            throw new LaunchException("the S3 bucket did not answer within " + BUCKET_CHECK_SECONDS + " s", e);
        } catch (InterruptedException e) {
            driver.close();
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while checking the S3 bucket", e);
        }
    }

    // Blocking is fine here: this runs on the launching thread, before any event loop has work.
    private static void createDirectory(Path root) throws LaunchException {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new LaunchException("cannot create the storage directory " + root + ": " + e, e);
        }
    }
}
