package dev.berth.storage.s3;

import dev.berth.storage.StorageDriver;
import dev.berth.storage.testkit.Await;
import dev.berth.testkit.s3.InProcessS3;
import dev.berth.testkit.s3.S3Relay;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.WriteStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One blob in a bucket of its own on the in-process S3 server for each test, and drivers that read
 * it: directly, or through an {@link S3Relay} that a test can cut. Register it on an instance field;
 * after each test every driver is closed and the bucket deleted.
 */
final class StoredBlob implements BeforeEachCallback, AfterEachCallback {
    private final Supplier<Vertx> vertx;
    private final String bucketName;
    private final String path;
    private final Buffer content;
    private final List<StorageDriver> drivers = new ArrayList<>();
    private S3Settings settings;
    private StorageDriver driver;
    private long inUseBefore;

    StoredBlob(Supplier<Vertx> vertx, String bucketName, String path, Buffer content) {
        this.vertx = vertx;
        this.bucketName = bucketName;
        this.path = path;
        this.content = content;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        settings = S3TestClients.newBucket(bucketName);
        driver = open(settings);
        Await.result(driver.write(path, content));
        inUseBefore = S3ReadBuffers.inUse();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (StorageDriver open : drivers) {
            Await.result(open.close());
        }
        drivers.clear();
        if (settings != null) {
            InProcessS3.get().deleteBucket(settings.bucket());
        }
    }

    /** A driver that reads the bucket directly. */
    StorageDriver driver() {
        return driver;
    }

    /** A relay of TCP connections to the S3 server, for {@link #through}. */
    S3Relay newRelay() throws IOException {
        return new S3Relay(settings.endpoint().orElseThrow());
    }

    /** A driver whose connections to S3 go through {@code relay}. */
    StorageDriver through(S3Relay relay) {
        return open(new S3Settings(
                settings.bucket(), settings.region(), Optional.of(relay.endpoint()), true, settings.prefix()));
    }

    /**
     * Answers {@code request} (a {@link RawGet}: the whole blob, or {@code ?range=OFFSET-LENGTH}) with
     * the blob read through {@code from} and piped into {@code destination}, as the registry's blob
     * GET does; a pipe that fails cuts the connection. The future is the pipe's.
     */
    Future<Void> send(StorageDriver from, HttpServerRequest request, WriteStream<Buffer> destination) {
        String range = request.getParam("range");
        long offset = range == null ? 0 : Long.parseLong(range.substring(0, range.indexOf('-')));
        long length = range == null ? content.length() : Long.parseLong(range.substring(range.indexOf('-') + 1));
        request.response().putHeader("Content-Length", String.valueOf(length));
        return from.readStream(path, offset, length)
                .compose(stream -> stream.pipeTo(destination))
                .onFailure(failed -> request.connection().close());
    }

    /** Pooled S3 read buffers in use once the blob was stored, before the test read anything. */
    long inUseBefore() {
        return inUseBefore;
    }

    void everyBufferGivenBack() {
        Await.until(
                "every pooled S3 read buffer released (in use: " + S3ReadBuffers.inUse() + ", before: " + inUseBefore
                        + ")",
                () -> S3ReadBuffers.inUse() <= inUseBefore);
    }

    private StorageDriver open(S3Settings with) {
        StorageDriver opened = S3TestClients.driver(vertx.get(), with);
        drivers.add(opened);
        return opened;
    }
}
