package dev.berth.registry.http;

import io.netty.handler.codec.http.HttpMessage;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;

/**
 * Vert.x's request decoder, except that a request with both Content-Length and Transfer-Encoding
 * is not read. Netty's decoder drops the Content-Length and reads the body as chunked, which RFC
 * 9112 allows only if the connection is closed afterwards; yet the headers Vert.x passes on no
 * longer show the conflict, so nothing above the decoder could close it. Failing here makes the
 * request invalid: {@link InvalidRequests} answers 400 and closes the connection, and bytes a
 * smuggler put after the body are never read as a request.
 */
final class StrictRequestDecoder extends VertxHttpRequestDecoder {
    StrictRequestDecoder(HttpServerOptions options) {
        super(options);
    }

    @Override
    protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
        throw new IllegalArgumentException("the request has both Content-Length and Transfer-Encoding");
    }
}
