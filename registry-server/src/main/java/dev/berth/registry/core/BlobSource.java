package dev.berth.registry.core;

import dev.berth.oci.Digest;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A verified blob ready to be sent: its digest and size, a local file when the driver offers
 * zero-copy sending, a URL to redirect to when the driver offers one, and otherwise a ranged stream.
 */
public record BlobSource(
        Digest digest,
        long size,
        Optional<Path> localFile,
        BiFunction<Long, Long, Future<ReadStream<Buffer>>> opener,
        Function<Duration, Future<Optional<URI>>> redirector) {

    /** A URL, valid for {@code ttl}, from which a client may fetch the whole blob itself, if the storage offers one. */
    public Future<Optional<URI>> redirectUrl(Duration ttl) {
        return redirector.apply(ttl);
    }

    /** Opens {@code length} bytes from {@code offset}. */
    public Future<ReadStream<Buffer>> open(long offset, long length) {
        return opener.apply(offset, length);
    }
}
