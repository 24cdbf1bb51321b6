package dev.berth.conformance.suite;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A registry that misbehaves on purpose: an HTTP proxy in front of a sound one that lets a
 * {@link Fault} rewrite requests and answers. Bodies are held in memory, which suits the small
 * content of the suite.
 */
final class FaultInjectingProxy implements AutoCloseable {

    /** Headers about one hop of the connection, which a proxy must not pass on. */
    private static final Set<String> HOP_BY_HOP =
            Set.of("connection", "keep-alive", "transfer-encoding", "content-length", "host");

    /** What a broken registry does differently from the sound one behind it. */
    interface Fault {
        default Forwarded onRequest(Forwarded request) {
            return request;
        }

        default Answer onAnswer(Forwarded request, Answer answer) {
            return answer;
        }
    }

    /** A request as it is passed to the sound registry. @param uri path and query */
    record Forwarded(HttpMethod method, String uri, MultiMap headers, Buffer body) {
        String path() {
            int query = uri.indexOf('?');
            return query < 0 ? uri : uri.substring(0, query);
        }
    }

    /** The sound registry's answer, as it is passed back to the client. */
    record Answer(int status, MultiMap headers, Buffer body) {}

    private final Vertx vertx;
    private final HttpServer server;

    private FaultInjectingProxy(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    static FaultInjectingProxy start(URI backend, Fault fault) {
        Vertx vertx = Vertx.vertx();
        HttpClient client = vertx.createHttpClient();
        HttpServer server =
                vertx.createHttpServer().requestHandler(request -> forward(request, client, backend, fault));
        // Future.await blocks a thread outside Vert.x until the future completes.
        return new FaultInjectingProxy(vertx, server.listen(0, "127.0.0.1").await());
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.actualPort());
    }

    private static void forward(HttpServerRequest request, HttpClient client, URI backend, Fault fault) {
        request.body()
                .map(body -> fault.onRequest(
                        new Forwarded(request.method(), request.uri(), withoutHopByHop(request.headers()), body)))
                .compose(forwarded -> send(client, backend, forwarded).map(answer -> fault.onAnswer(forwarded, answer)))
                .onSuccess(answer -> reply(request, answer))
                .onFailure(failure -> request.response().setStatusCode(502).end(String.valueOf(failure)));
    }

    private static Future<Answer> send(HttpClient client, URI backend, Forwarded forwarded) {
        RequestOptions options = new RequestOptions()
                .setMethod(forwarded.method())
                .setHost(backend.getHost())
                .setPort(backend.getPort())
                .setURI(forwarded.uri())
                .setHeaders(forwarded.headers());
        return client.request(options)
                .compose(request -> request.send(forwarded.body()))
                .compose(response ->
                        response.body().map(body -> new Answer(response.statusCode(), response.headers(), body)));
    }

    private static void reply(HttpServerRequest request, Answer answer) {
        String length = request.method() == HttpMethod.HEAD
                ? answer.headers().get("Content-Length") // a HEAD answer tells the length of a body it does not send
                : String.valueOf(answer.body().length());
        request.response().setStatusCode(answer.status()).headers().addAll(withoutHopByHop(answer.headers()));
        if (length != null) {
            request.response().putHeader("Content-Length", length);
        }
        if (request.method() == HttpMethod.HEAD) {
            request.response().end();
        } else {
            request.response().end(answer.body());
        }
    }

    private static MultiMap withoutHopByHop(MultiMap headers) {
        MultiMap copy = MultiMap.caseInsensitiveMultiMap();
        headers.forEach((name, value) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                copy.add(name, value);
            }
        });
        return copy;
    }

    @Override
    public void close() {
        server.shutdown(0, TimeUnit.SECONDS).await();
        vertx.close().await();
    }
}
