package dev.berth.client.transport;

import dev.berth.client.ClientException;
import dev.berth.client.ClientOptions;
import dev.berth.client.FailureKind;
import dev.berth.client.TlsMode;
import dev.berth.client.auth.Authenticator;
import dev.berth.client.auth.CredentialSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLHandshakeException;

/**
 * Sends requests to registries: answers authentication challenges, follows redirects (sending
 * the Authorization header only to the registry itself, never to the object store a blob GET
 * is redirected to), and retries with backoff on 429, 5xx and dropped connections.
 */
public final class RegistryTransport {
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_REDIRECTS = 5;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final Authenticator authenticator;
    private final Backoff backoff;
    private final TlsMode tls;
    /** The scheme of each registry, chosen once (or named by the user in an {@code https://} reference). */
    private final Map<String, String> schemes = new ConcurrentHashMap<>();

    public RegistryTransport(ClientOptions options, CredentialSource credentials, Backoff backoff) {
        // HTTP/1.1: registries rarely speak h2c, and Java's default offers an upgrade they may mishandle.
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT);
        if (options.caCert() != null) {
            builder.sslContext(TrustedCa.sslContext(options.caCert()));
        }
        this.http = builder.build();
        this.authenticator = new Authenticator(http, credentials, Clock.systemUTC());
        this.backoff = backoff;
        this.tls = options.tls();
    }

    /** {@code http(s)://registry/v2/} */
    public URI base(String registry) {
        return URI.create(schemes.computeIfAbsent(registry, this::chooseScheme) + "://" + registry + "/v2/");
    }

    /** Speaks {@code scheme} ("https" or "http") to {@code registry}, as a reference written with it asks. */
    public void useScheme(String registry, String scheme) {
        schemes.put(registry, scheme);
    }

    private String chooseScheme(String registry) {
        return switch (tls) {
            case PLAIN -> "http";
            case TLS -> "https";
            case AUTO -> !Schemes.isLoopback(registry) || speaksTls(registry) ? "https" : "http";
        };
    }

    /**
     * Asks {@code GET /v2/} over HTTPS once. Any answer, or a certificate the client does not trust,
     * means the registry speaks TLS (the untrusted certificate is then reported by the request
     * itself, never bypassed by falling back to plain HTTP); any other failure (a plain HTTP
     * server answering the handshake with an HTTP error) means it does not.
     */
    private boolean speaksTls(String registry) {
        HttpRequest probe = HttpRequest.newBuilder(URI.create("https://" + registry + "/v2/"))
                .GET()
                .build();
        try {
            exchange(probe).body().close();
            return true;
        } catch (IOException e) {
            return UntrustedCertificate.isCertificateFailure(e);
        }
    }

    /**
     * The response after retries; the caller reads (and closes) its body. A 401 that survives
     * authentication is returned as it is, for the caller to report.
     */
    public HttpResponse<InputStream> send(RegistryRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<InputStream> response = sendAuthenticated(request);
                int status = response.statusCode();
                boolean retryable = status == 429 || status == 502 || status == 503 || status == 504 || status == 500;
                if (!retryable || attempt >= backoff.attempts()) {
                    return response;
                }
                response.body().close();
                pause(backoff.before(attempt, retryAfter(response)));
            } catch (SSLHandshakeException e) {
                // A certificate the client does not trust stays untrusted however often it is asked.
                throw new ClientException(
                        FailureKind.NETWORK,
                        request.method() + " " + request.uri() + ": "
                                + UntrustedCertificate.describe(request.uri().getRawAuthority(), e),
                        e);
            } catch (IOException e) {
                if (attempt >= backoff.attempts()) {
                    throw new ClientException(
                            FailureKind.NETWORK,
                            request.method() + " " + request.uri() + " failed after " + attempt + " attempts: "
                                    + describe(e),
                            e);
                }
                pause(backoff.before(attempt, Optional.empty()));
            }
        }
    }

    private HttpResponse<InputStream> sendAuthenticated(RegistryRequest request) throws IOException {
        String registry = request.uri().getRawAuthority();
        Optional<String> authorization = authenticator.preemptive(registry, request.scopes());
        HttpResponse<InputStream> response = sendFollowingRedirects(request, registry, authorization);
        if (response.statusCode() != 401) {
            return response;
        }
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse(null);
        response.body().close();
        String answer = authenticator.answer(registry, challenge, request.scopes(), authorization);
        return sendFollowingRedirects(request, registry, Optional.of(answer));
    }

    private HttpResponse<InputStream> sendFollowingRedirects(
            RegistryRequest request, String registry, Optional<String> authorization) throws IOException {
        URI uri = request.uri();
        String method = request.method();
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                    .method(
                            method,
                            method.equals("GET") || method.equals("HEAD")
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : request.body().get());
            request.headers().forEach(builder::header);
            if (registry.equals(uri.getRawAuthority())) {
                authorization.ifPresent(value -> builder.header("Authorization", value));
            }
            HttpResponse<InputStream> response = exchange(builder.build());
            Optional<String> location = response.headers().firstValue("Location");
            if (!REDIRECTS.contains(response.statusCode()) || location.isEmpty()) {
                return response;
            }
            response.body().close();
            if (hop >= MAX_REDIRECTS) {
                throw new ClientException(
                        FailureKind.NETWORK, "more than " + MAX_REDIRECTS + " redirects from " + request.uri());
            }
            uri = uri.resolve(location.get());
            if (response.statusCode() == 303) {
                method = "GET";
            }
        }
    }

    private HttpResponse<InputStream> exchange(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(FailureKind.NETWORK, "interrupted", e);
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Retry-After")
                .filter(value -> value.matches("\\d+"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value)));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(FailureKind.NETWORK, "interrupted", e);
        }
    }

    private static String describe(IOException e) {
        // The JDK's connection failures often carry no message: say what kind of failure it was.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                return cause.getMessage();
            }
        }
        return e instanceof ConnectException ? "cannot connect" : e.getClass().getSimpleName();
    }
}
