package dev.berth.registry.core;

import dev.berth.oci.Digest;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A verified blob ready to be sent: its digest and size, a local file when the driver offers
 * zero-copy sending, and otherwise a ranged stream.
 */
public record BlobSource(Digest digest, long size, Optional<Path> localFile,
                         BiFunction<Long, Long, Future<ReadStream<Buffer>>> opener) {

    /** Opens {@code length} bytes from {@code offset}. */
    public Future<ReadStream<Buffer>> open(long offset, long length) {
        return opener.apply(offset, length);
    }
}
