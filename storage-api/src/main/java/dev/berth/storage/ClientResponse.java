package dev.berth.storage;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.streams.WriteStream;

/**
 * The response to a registry client's request as the destination of a storage stream's
 * {@code pipeTo}, with the connection it goes out on: a driver that can move the body into that
 * connection's socket itself (S3's, with splice(2)) takes that way, and counts here the bytes that
 * then bypass the response, whose own count ({@link HttpServerResponse#bytesWritten()}) misses
 * them. Any other driver just writes to it as to the response.
 */
public final class ClientResponse implements WriteStream<Buffer> {
    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private long bytesAround;

    public ClientResponse(HttpServerRequest request) {
        this.request = request;
        this.response = request.response();
    }

    public HttpServerResponse response() {
        return response;
    }

    public HttpConnection connection() {
        return request.connection();
    }

    /** True on HTTP/1.x, where a body with a Content-Length is the connection's next bytes, unframed. */
    public boolean isHttp1() {
        return request.version() != HttpVersion.HTTP_2;
    }

    /** Counts {@code bytes} of the body that a driver moved into the connection around the response. */
    public void sentAround(long bytes) {
        bytesAround += bytes;
    }

    /** The body bytes sent, the response's own and those moved around it. */
    public long bytesSent() {
        return response.bytesWritten() + bytesAround;
    }

    @Override
    public Future<Void> write(Buffer data) {
        return response.write(data);
    }

    @Override
    public Future<Void> end() {
        return response.end();
    }

    @Override
    public ClientResponse exceptionHandler(Handler<Throwable> handler) {
        response.exceptionHandler(handler);
        return this;
    }

    @Override
    public ClientResponse setWriteQueueMaxSize(int maxSize) {
        response.setWriteQueueMaxSize(maxSize);
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return response.writeQueueFull();
    }

    @Override
    public ClientResponse drainHandler(Handler<Void> handler) {
        response.drainHandler(handler);
        return this;
    }
}
