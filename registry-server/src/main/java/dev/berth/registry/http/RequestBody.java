package dev.berth.registry.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;

/**
 * An upload's request body as the core reads it. Vert.x reports a dropped connection only to the
 * exception handler set at that moment, and the core starts reading only after some storage round
 * trips; so this stream listens from the start, replays a failure that came before its reader, and
 * passes on no data after a failure (the core has settled the upload's state by then).
 */
final class RequestBody implements ReadStream<Buffer> {
    private final HttpServerRequest request;
    private Handler<Throwable> exceptionHandler;
    private Throwable failure;
    private boolean failureReported;

    private RequestBody(HttpServerRequest request) {
        this.request = request;
    }

    /** Call while the request is being dispatched, before any asynchronous step. */
    static RequestBody of(HttpServerRequest request) {
        RequestBody body = new RequestBody(request);
        request.exceptionHandler(body::fail);
        return body;
    }

    private void fail(Throwable cause) {
        failure = cause;
        report();
    }

    private void report() {
        if (failure != null && exceptionHandler != null && !failureReported) {
            failureReported = true;
            exceptionHandler.handle(failure);
        }
    }

    @Override
    public RequestBody exceptionHandler(Handler<Throwable> handler) {
        exceptionHandler = handler;
        report();
        return this;
    }

    @Override
    public RequestBody handler(Handler<Buffer> handler) {
        request.handler(
                handler == null
                        ? null
                        : data -> {
                            if (failure == null) {
                                handler.handle(data);
                            }
                        });
        return this;
    }

    @Override
    public RequestBody pause() {
        request.pause();
        return this;
    }

    @Override
    public RequestBody resume() {
        request.resume();
        return this;
    }

    @Override
    public RequestBody fetch(long amount) {
        request.fetch(amount);
        return this;
    }

    @Override
    public RequestBody endHandler(Handler<Void> endHandler) {
        request.endHandler(endHandler);
        return this;
    }
}
