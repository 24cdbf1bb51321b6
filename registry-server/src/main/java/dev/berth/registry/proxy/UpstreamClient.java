package dev.berth.registry.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.registry.core.ManifestService;
import dev.berth.registry.http.BoundedBody;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The distribution API of one upstream registry, as a mirror asks it: requests answered after
 * the authentication dance (see {@link UpstreamAuth}) and after retries with backoff on
 * connection failures, 5xx and 429 (waiting as long as Retry-After says, within a limit). What
 * comes back is the upstream's answer, paused so that a body can be streamed; the caller maps a
 * refusal to the spec's error with {@link #refusal}.
 */
final class UpstreamClient {
    static final int ATTEMPTS = 4;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    /** Connections kept to one upstream: blob fills of one pull run side by side. */
    private static final int CONNECTIONS = 32;
    /**
     * The largest piece of an upstream's body handed on at once: one network read. Vert.x's default
     * (8 KiB) cut each read into eight pieces, each then hashed, stored and written to the waiting
     * clients on its own (as it did for blob GETs on S3; see S3ObjectReader).
     */
    private static final int MAX_CHUNK_BYTES = 64 * 1024;
    /** A transfer that stalls this long is given up (the fill fails, nothing is stored). */
    private static final int IDLE_TIMEOUT_SECONDS = 60;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final UpstreamSettings settings;
    private final HttpClient client;
    private final UpstreamAuth auth;

    UpstreamClient(Vertx vertx, UpstreamSettings settings, Optional<String> password) {
        this.vertx = vertx;
        this.settings = settings;
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                .setIdleTimeout(IDLE_TIMEOUT_SECONDS)
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setMaxChunkSize(MAX_CHUNK_BYTES)
                // Blobs are compressed already and digests cover the exact bytes.
                .setDecompressionSupported(false);
        if (settings.url().getScheme().equals("https")) {
            options.setSsl(true);
            settings.ca().ifPresent(ca -> options.setTrustOptions(new PemTrustOptions().addCertPath(ca.toString())));
        }
        this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(CONNECTIONS));
        this.auth = new UpstreamAuth(settings.name(), client, settings.username(), password);
    }

    String name() {
        return settings.name();
    }

    /**
     * {@code method} on {@code /v2/<remoteRepository>/<rest>}. Answers the upstream's response,
     * paused, whatever its status other than a 401 the dance could answer and a 5xx or 429 a retry
     * could get past; fails with {@link UpstreamException} when the upstream could not be reached,
     * or kept failing, through every attempt.
     */
    Future<HttpClientResponse> send(HttpMethod method, String remoteRepository, String rest, String accept) {
        return attempt(method, remoteRepository, rest, accept, 1, false);
    }

    private Future<HttpClientResponse> attempt(
            HttpMethod method, String repository, String rest, String accept, int attempt, boolean challenged) {
        RequestOptions options = new RequestOptions()
                .setMethod(method)
                .setAbsoluteURI(
                        settings.url().resolve("/v2/" + repository + "/" + rest).toString())
                .setFollowRedirects(true);
        if (accept != null) {
            options.putHeader("Accept", accept);
        }
        auth.header(repository).ifPresent(header -> options.putHeader("Authorization", header));
        return client.request(options)
                .compose(request -> request.send())
                .map(response -> {
                    response.pause();
                    return response;
                })
                .transform(sent -> {
                    if (sent.failed()) {
                        return retry(method, repository, rest, accept, attempt, challenged, null, sent.cause());
                    }
                    HttpClientResponse response = sent.result();
                    int status = response.statusCode();
                    if (status == 401 && !challenged) {
                        String challenge = response.getHeader("WWW-Authenticate");
                        auth.forget(repository);
                        return discard(response)
                                .compose(v -> auth.answer(challenge, repository))
                                .compose(v -> attempt(method, repository, rest, accept, attempt, true));
                    }
                    if (status == 429 || status >= 500) {
                        return discard(response)
                                .compose(v ->
                                        retry(method, repository, rest, accept, attempt, challenged, response, null));
                    }
                    return Future.succeededFuture(response);
                });
    }

    private Future<HttpClientResponse> retry(
            HttpMethod method,
            String repository,
            String rest,
            String accept,
            int attempt,
            boolean challenged,
            HttpClientResponse failed,
            Throwable failure) {
        if (attempt >= ATTEMPTS) {
            if (failed == null) {
                return Future.failedFuture(UpstreamException.unavailable(
                        name(), "cannot be reached at " + settings.url() + ": " + describe(failure)));
            }
            return Future.failedFuture(
                    failed.statusCode() == 429
                            ? UpstreamException.tooManyRequests(name())
                            : UpstreamException.unavailable(
                                    name(), "answered " + failed.statusCode() + " " + failed.statusMessage()));
        }
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << (attempt - 1));
        if (failed != null) {
            wait = retryAfter(failed.getHeader("Retry-After")).orElse(wait);
        }
        long millis = Math.max(1, Math.min(wait.toMillis(), LONGEST_WAIT.toMillis()));
        return vertx.timer(millis).compose(v -> attempt(method, repository, rest, accept, attempt + 1, challenged));
    }

    /**
     * The spec's error for an upstream answer that is not the content: the upstream's own error
     * code when it sent one the spec knows (with its status), else {@code whenUnknown} for a 404,
     * DENIED for a refusal, and a bad gateway for anything else. The message names the upstream.
     */
    Future<DistributionException> refusal(HttpClientResponse response, ErrorCode whenUnknown) {
        int status = response.statusCode();
        return body(response)
                .recover(e -> Future.succeededFuture(Buffer.buffer()))
                .map(body -> {
                    Optional<SpecError> sent = SpecError.first(body);
                    String said =
                            sent.map(e -> ": " + e.code() + " " + e.message()).orElse("");
                    String prefix = "upstream " + name() + " answered " + status + said;
                    if (sent.isPresent() && sent.get().known().isPresent()) {
                        ErrorCode code = sent.get().known().get();
                        return new DistributionException(code, code.status(), prefix, null);
                    }
                    if (status == 404) {
                        return new DistributionException(whenUnknown, prefix);
                    }
                    if (status == 401 || status == 403) {
                        return new DistributionException(ErrorCode.DENIED, prefix);
                    }
                    return UpstreamException.unavailable(name(), "answered " + status + said);
                });
    }

    /**
     * The whole body of a response {@link #send} answered (paused), for small ones: errors,
     * manifests, tokens. Bounded like a manifest, declared or chunked, so that an upstream cannot
     * make the registry buffer without end; past it the connection is reset.
     */
    static Future<Buffer> body(HttpClientResponse response, String upstream) {
        return BoundedBody.read(
                        response,
                        response.getHeader("Content-Length"),
                        ManifestService.MAX_MANIFEST_BYTES,
                        () -> UpstreamException.unavailable(
                                upstream,
                                "sent an answer larger than " + ManifestService.MAX_MANIFEST_BYTES + " bytes"))
                .onFailure(e -> response.request().reset());
    }

    Future<Buffer> body(HttpClientResponse response) {
        return body(response, name());
    }

    /** Reads and drops a body, so that the connection can serve the next request. */
    private Future<Void> discard(HttpClientResponse response) {
        return body(response).<Void>mapEmpty().recover(e -> Future.succeededFuture());
    }

    private static Optional<Duration> retryAfter(String header) {
        if (header == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            // An HTTP date: rare from registries; the backoff of our own stands in.
            return Optional.empty();
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message;
    }

    /** The first entry of a spec error body. */
    private record SpecError(String code, String message) {
        static Optional<SpecError> first(Buffer body) {
            try {
                JsonNode error = JSON.readTree(body.getBytes()).path("errors").path(0);
                if (!error.path("code").isTextual()) {
                    return Optional.empty();
                }
                return Optional.of(new SpecError(
                        error.path("code").asText(), error.path("message").asText("")));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        Optional<ErrorCode> known() {
            try {
                ErrorCode parsed = ErrorCode.valueOf(code);
                if (parsed == ErrorCode.UNKNOWN) {
                    return Optional.empty();
                }
                // Our clients cannot log in upstream: the upstream refusing us is a refusal to them.
                return Optional.of(parsed == ErrorCode.UNAUTHORIZED ? ErrorCode.DENIED : parsed);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
