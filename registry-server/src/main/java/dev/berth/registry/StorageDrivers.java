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
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
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
                    vertx, S3ClientFactory.create(s3.location()), s3.location(), s3.redirect(), s3.uploadMemory());
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

    /**
     * Refuses a storage directory the registry cannot write, before it listens (issue 16: it
     * listened and answered every push with a 500, and a stack trace per request). A probe file,
     * under the filesystem driver's hidden prefix, is created and removed again: asking the
     * permissions would be wrong for root, a read-only mount and an immutable directory alike.
     * S3's write permission is not probed: the bucket check reads only.
     */
    public static void checkWritable(StorageConfig config) throws LaunchException {
        if (!(config instanceof FilesystemStorageConfig filesystem)) {
            return;
        }
        Path root = filesystem.rootDirectory();
        try {
            Files.delete(Files.createTempFile(root, ".berth-tmp-probe-", null));
        } catch (IOException e) {
            throw new LaunchException(
                    "the storage directory " + root + " is not writable (" + reason(e)
                            + "): fix its permissions or mount, or start with read-only mode on to serve pulls",
                    e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException nio && nio.getReason() != null) {
            return nio.getReason();
        }
        return String.valueOf(e.getMessage());
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
