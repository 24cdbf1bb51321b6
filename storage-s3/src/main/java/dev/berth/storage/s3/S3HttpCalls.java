package dev.berth.storage.s3;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * The S3 calls that a push, a manifest and a tags list are made of (GET of a small object, PUT,
 * HEAD, DELETE, ListObjectsV2), sent through the {@link S3ObjectReader}'s Vert.x clients and signed
 * by {@link S3Signing}, rather than through the SDK's asynchronous client, which keeps the rare ones
 * (copies, multipart uploads, their listings).
 *
 * <p>A small push is nine S3 requests. Through the SDK's client, its request pipeline (interceptors,
 * marshalling, signing, its own Netty threads and the hop back to the event loop) took about 70% of
 * a warm registry's CPU samples while 16 clients pushed 64 KiB blobs, and a freshly started one had
 * all of it to compile. Vert.x's client is the registry's own HTTP stack, answers on the calling
 * event loop and is warm from the first blob GET.
 *
 * <p>Like the SDK's default, a call is tried up to {@link #ATTEMPTS} times while S3 cannot be reached
 * or answers that it failed or is overloaded (5xx, 429, SlowDown), after a random pause that doubles
 * each time: every one of these calls is idempotent. A body is sent again from the same buffers, so
 * they must stay untouched until the call's future settled.
 */
final class S3HttpCalls {
    private static final int ATTEMPTS = 3;
    /** The longest pause before the second attempt; it doubles for each later one. */
    private static final long BACKOFF_MILLIS = 100;

    private final Vertx vertx;
    private final S3ObjectReader http;
    private final S3Signing signing;

    /** What a HEAD says of an object. */
    record Head(long size, Instant modified) {}

    S3HttpCalls(Vertx vertx, S3ObjectReader http, S3Signing signing) {
        this.vertx = vertx;
        this.http = http;
        this.signing = signing;
    }

    Future<Buffer> get(String key) {
        return onObject(HttpMethod.GET, key, null).map(Answered::body);
    }

    Future<Void> put(String key, Chunk content) {
        return onObject(HttpMethod.PUT, key, content::buffer).mapEmpty();
    }

    Future<Head> head(String key) {
        return onObject(HttpMethod.HEAD, key, null)
                .map(answered -> new Head(
                        Long.parseLong(answered.headers().get("Content-Length")), lastModified(answered.headers())));
    }

    /** S3 answers success whether or not the object was there. */
    Future<Void> delete(String key) {
        return onObject(HttpMethod.DELETE, key, null).mapEmpty();
    }

    /** One page of a ListObjectsV2: of {@code request}, its prefix, delimiter, size and continuation. */
    Future<ListObjectsV2Response> list(ListObjectsV2Request request) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("list-type", "2");
        query.put("prefix", request.prefix());
        if (request.delimiter() != null) {
            query.put("delimiter", request.delimiter());
        }
        if (request.maxKeys() != null) {
            query.put("max-keys", request.maxKeys().toString());
        }
        if (request.continuationToken() != null) {
            query.put("continuation-token", request.continuationToken());
        }
        return call("listing of " + request.prefix(), () -> signing.bucket(HttpMethod.GET, query), null)
                .map(answered -> ListingXml.parse(answered.body().toString()));
    }

    private record Answered(MultiMap headers, Buffer body) {}

    private Future<Answered> onObject(HttpMethod method, String key, Supplier<Buffer> body) {
        return call(method.name() + " of " + key, () -> signing.object(method, key), body);
    }

    /** {@code what} names the call in failures; each attempt is signed anew by {@code signed}. */
    private Future<Answered> call(String what, Supplier<Future<RequestOptions>> signed, Supplier<Buffer> body) {
        return attempt(vertx.getOrCreateContext(), what, signed, body, 1);
    }

    private Future<Answered> attempt(
            Context context, String what, Supplier<Future<RequestOptions>> signed, Supplier<Buffer> body, int number) {
        return signed.get()
                .compose(request -> http.exchange(context, what, request, body == null ? null : body.get()))
                .compose(answer -> {
                    Future<Buffer> read = answer.body().collect(S3ObjectReader.BODY);
                    // The body's buffers are the caller's again only once they were sent.
                    return Future.join(read, answer.sent())
                            .transform(settled -> read)
                            .compose(content -> {
                                if (answer.status() / 100 == 2) {
                                    return Future.succeededFuture(new Answered(answer.headers(), content));
                                }
                                return Future.failedFuture(
                                        new S3ErrorAnswer(what, answer.status(), content.toString()));
                            });
                })
                .recover(failure -> {
                    if (number >= ATTEMPTS || !worthAnotherTry(failure)) {
                        return Future.failedFuture(failure);
                    }
                    Promise<Answered> again = Promise.promise();
                    long pause = ThreadLocalRandom.current().nextLong(1, (BACKOFF_MILLIS << (number - 1)) + 1);
                    vertx.setTimer(
                            pause,
                            fired -> attempt(context, what, signed, body, number + 1)
                                    .onComplete(again));
                    return again.future();
                });
    }

    private static boolean worthAnotherTry(Throwable failure) {
        return failure instanceof S3ErrorAnswer answer ? answer.isTransient() : S3Errors.isUnreachable(failure);
    }

    private static Instant lastModified(MultiMap headers) {
        String value = headers.get("Last-Modified");
        return value == null
                ? null
                : ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
    }
}
