package dev.berth.registry.metrics;

import dev.berth.storage.BlobWriter;
import dev.berth.storage.FileInfo;
import dev.berth.storage.PathNotFoundException;
import dev.berth.storage.StorageDriver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A storage driver that times every operation of the driver it wraps and counts its failures, so
 * slow or failing storage shows in /metrics whatever the driver. A missing path is an answer, not
 * an error: registries ask for absent blobs all the time.
 */
final class TimedStorageDriver implements StorageDriver {
    private final StorageDriver driver;
    private final MeterRegistry meters;

    TimedStorageDriver(StorageDriver driver, MeterRegistry meters) {
        this.driver = driver;
        this.meters = meters;
    }

    @Override
    public String name() {
        return driver.name();
    }

    @Override
    public Future<Buffer> read(String path) {
        return timed("read", () -> driver.read(path));
    }

    @Override
    public Future<Void> write(String path, Buffer content) {
        return timed("write", () -> driver.write(path, content));
    }

    @Override
    public Future<Void> writeEphemeral(String path, Buffer content) {
        return timed("write_ephemeral", () -> driver.writeEphemeral(path, content));
    }

    /** Times opening the stream; the transfer itself is the request's time. */
    @Override
    public Future<ReadStream<Buffer>> readStream(String path, long offset, long length) {
        return timed("read_stream", () -> driver.readStream(path, offset, length));
    }

    @Override
    public Future<FileInfo> stat(String path) {
        return timed("stat", () -> driver.stat(path));
    }

    @Override
    public Future<List<String>> list(String path) {
        return timed("list", () -> driver.list(path));
    }

    /** Untimed: scrub's walk, not a request's step. */
    @Override
    public Future<List<String>> crashLeftovers(Instant writtenBefore, boolean remove) {
        return driver.crashLeftovers(writtenBefore, remove);
    }

    @Override
    public Future<Void> move(String from, String to) {
        return timed("move", () -> driver.move(from, to));
    }

    @Override
    public Future<Void> delete(String path) {
        return timed("delete", () -> driver.delete(path));
    }

    @Override
    public Future<Void> deleteKnown(String path, Set<String> names) {
        return timed("delete_known", () -> driver.deleteKnown(path, names));
    }

    /** Times opening the writer; its appends are the request's time. */
    @Override
    public Future<BlobWriter> writer(String path, boolean append) {
        return timed("writer", () -> driver.writer(path, append));
    }

    @Override
    public Optional<Path> localFile(String path) {
        return driver.localFile(path);
    }

    @Override
    public Future<Optional<URI>> redirectUrl(String path, Duration ttl) {
        return timed("redirect_url", () -> driver.redirectUrl(path, ttl));
    }

    @Override
    public Future<Void> close() {
        return driver.close();
    }

    private <T> Future<T> timed(String operation, Supplier<Future<T>> call) {
        Timer.Sample sample = Timer.start(meters);
        Future<T> result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        return result.andThen(done -> {
            String outcome = done.succeeded()
                    ? "success"
                    : done.cause() instanceof PathNotFoundException ? "not_found" : "error";
            sample.stop(Timer.builder("berth.storage.operations")
                    .description("Storage driver calls by operation and outcome")
                    .tag("operation", operation)
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(meters));
            if (outcome.equals("error")) {
                Counter.builder("berth.storage.errors")
                        .description("Storage driver calls that failed")
                        .tag("operation", operation)
                        .register(meters)
                        .increment();
            }
        });
    }
}
