package dev.berth.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A proxy in front of a real registry that misbehaves as registries in the wild do: it flips a
 * byte in every blob body ({@link Fault#TAMPER}); drops the connection halfway through the
 * first GET of each blob ({@link Fault#DROP_ONCE}); answers 503 to the first request of each
 * path ({@link Fault#UNAVAILABLE_ONCE}); or demands Basic auth and redirects blob GETs to
 * another host name, an "object store" that it serves itself without auth
 * ({@link Fault#REDIRECT_BLOBS}). It records the Range header of every blob GET and the
 * Authorization header of every object store request.
 */
public final class FaultyProxy implements AutoCloseable {
    public enum Fault {
        TAMPER,
        DROP_ONCE,
        UNAVAILABLE_ONCE,
        REDIRECT_BLOBS
    }

    /** The credentials {@link Fault#REDIRECT_BLOBS} demands. */
    public static final String BASIC =
            "Basic " + Base64.getEncoder().encodeToString("proxy:secret".getBytes(StandardCharsets.UTF_8));

    private static final String OBJECT_STORE = "/object-store";

    private static final Set<String> HOP_BY_HOP =
            Set.of("connection", "content-length", "transfer-encoding", "host", "keep-alive", "upgrade", "date");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient upstreamClient =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI upstream;
    private final Fault fault;
    private final List<String> blobRanges = new CopyOnWriteArrayList<>();
    private final Set<String> dropped = ConcurrentHashMap.newKeySet();
    private final List<String> objectStoreAuthorizations = new CopyOnWriteArrayList<>();

    private FaultyProxy(URI upstream, Fault fault) throws IOException {
        this.upstream = upstream;
        this.fault = fault;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::forward);
        server.setExecutor(threads);
        server.start();
    }

    public static FaultyProxy start(URI upstream, Fault fault) throws IOException {
        return new FaultyProxy(upstream, fault);
    }

    /** {@code 127.0.0.1:PORT} */
    public String hostPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** The Range header of each blob GET, "" where there was none. */
    public List<String> blobRanges() {
        return blobRanges;
    }

    /** The Authorization header of each request to the object store, "" where there was none. */
    public List<String> objectStoreAuthorizations() {
        return objectStoreAuthorizations;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().toString();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (fault == Fault.REDIRECT_BLOBS && path.startsWith(OBJECT_STORE)) {
                objectStoreAuthorizations.add(authorization == null ? "" : authorization);
                path = path.substring(OBJECT_STORE.length());
            } else if (fault == Fault.REDIRECT_BLOBS && !BASIC.equals(authorization)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"proxy\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            } else if (fault == Fault.REDIRECT_BLOBS
                    && exchange.getRequestMethod().equals("GET")
                    && path.contains("/blobs/sha256:")) {
                exchange.getResponseHeaders()
                        .set(
                                "Location",
                                "http://localhost:" + server.getAddress().getPort() + OBJECT_STORE + path);
                exchange.sendResponseHeaders(307, -1);
                return;
            }
            if (fault == Fault.UNAVAILABLE_ONCE && dropped.add(exchange.getRequestMethod() + path)) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(path));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.equalsIgnoreCase("Authorization")) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            byte[] body = exchange.getRequestBody().readAllBytes();
            request.method(
                    exchange.getRequestMethod(),
                    body.length == 0
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<byte[]> response =
                    upstreamClient.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            boolean blobGet = exchange.getRequestMethod().equals("GET") && path.contains("/blobs/sha256:");
            if (blobGet) {
                blobRanges.add(
                        exchange.getRequestHeaders().getFirst("Range") == null
                                ? ""
                                : exchange.getRequestHeaders().getFirst("Range"));
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            });
            byte[] content = response.body();
            boolean head = exchange.getRequestMethod().equals("HEAD");
            long length = head || content.length == 0 ? -1 : content.length;
            if (head) {
                response.headers()
                        .firstValue("Content-Length")
                        .ifPresent(v -> exchange.getResponseHeaders().set("Content-Length", v));
            }
            exchange.sendResponseHeaders(response.statusCode(), length);
            if (head || content.length == 0) {
                return;
            }
            OutputStream out = exchange.getResponseBody();
            if (blobGet && fault == Fault.TAMPER) {
                content = content.clone();
                content[content.length / 2] ^= 0x01;
            }
            if (blobGet && fault == Fault.DROP_ONCE && content.length > 1 && dropped.add(path)) {
                out.write(content, 0, content.length / 2);
                out.flush();
                throw new IOException("dropping the connection halfway, on purpose");
            }
            out.write(content);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
