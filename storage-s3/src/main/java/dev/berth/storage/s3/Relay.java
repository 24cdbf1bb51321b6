package dev.berth.storage.s3;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * How a blob GET's {@link S3BodyStream} moves S3's answer into its destination: by copying the pieces
 * ({@link BodyRelay}), or from socket to socket ({@link SocketSplice}). The stream hands it whatever
 * the HTTP client delivers.
 */
interface Relay {
    /** Lets S3's body flow; the future completes once the destination ended, or fails. */
    Future<Void> start();

    /** A piece of S3's body, which the relay owns from now on (a pooled buffer to give back). */
    void chunk(Buffer piece);

    /** S3 sent the whole body. */
    void ended();

    /** S3 broke off the body: {@code failure} is the storage's. */
    void failed(Throwable failure);
}
