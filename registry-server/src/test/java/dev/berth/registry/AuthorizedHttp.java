package dev.berth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Requests over real HTTP to a registry with auth on, each with the Authorization header given, or none. */
final class AuthorizedHttp {
    private static final byte[] CONFIG = "{}".getBytes(StandardCharsets.UTF_8);
    /** The config blob of the image {@link #pushImage} pushes. */
    static final String CONFIG_DIGEST = digest(CONFIG);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    AuthorizedHttp(String base) {
        this.base = base;
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), authorization);
    }

    HttpResponse<String> post(String path, String authorization) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()),
                authorization);
    }

    /** Pushes a config-only image tagged latest (the blob in one POST, then the manifest); answers the manifest PUT's status. */
    int pushImage(String repository, String token) throws IOException, InterruptedException {
        HttpResponse<String> blob = send(
                HttpRequest.newBuilder(
                                URI.create(base + "/v2/" + repository + "/blobs/uploads/?digest=" + CONFIG_DIGEST))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(CONFIG)),
                bearer(token));
        assertThat(blob.statusCode()).as(blob.body()).isEqualTo(201);
        String manifest = new JsonObject()
                .put("schemaVersion", 2)
                .put("mediaType", "application/vnd.oci.image.manifest.v1+json")
                .put(
                        "config",
                        new JsonObject()
                                .put("mediaType", "application/vnd.oci.image.config.v1+json")
                                .put("digest", CONFIG_DIGEST)
                                .put("size", CONFIG.length))
                .put("layers", new JsonArray())
                .encode();
        return send(
                        HttpRequest.newBuilder(URI.create(base + "/v2/" + repository + "/manifests/latest"))
                                .header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
                                .PUT(HttpRequest.BodyPublishers.ofString(manifest)),
                        bearer(token))
                .statusCode();
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String authorization)
            throws IOException, InterruptedException {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String digest(byte[] content) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
