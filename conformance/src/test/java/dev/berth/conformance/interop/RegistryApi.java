package dev.berth.conformance.interop;

import dev.berth.conformance.oci.Descriptor;
import dev.berth.conformance.oci.OciJson;
import dev.berth.conformance.oci.Sha256;
import dev.berth.testkit.image.Measured;
import dev.berth.testkit.registry.RegistryProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The distribution API calls the durability and large-blob tests make by hand, where a real
 * client gives too little control: where an upload stops, how a body is streamed.
 */
final class RegistryApi {

    static final String MANIFEST_ACCEPT = String.join(", ",
            OciJson.MANIFEST,
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json");

    private final URI baseUrl;
    // HTTP/1.1: otherwise the JDK client offers an h2c upgrade on every plain-HTTP request.
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    RegistryApi(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    RegistryApi(RegistryProcess registry) {
        this(registry.baseUrl());
    }

    // ---- uploads ----

    /** POST /v2/NAME/blobs/uploads/: opens an upload session, returns where to send its content. */
    URI startUpload(String repo) {
        HttpResponse<String> response = send(request("/v2/" + repo + "/blobs/uploads/")
                .POST(BodyPublishers.noBody()), 202, "open an upload session");
        return location(response);
    }

    /** PATCH one chunk held in memory; returns the session's next location. */
    URI appendChunk(URI session, long offset, byte[] chunk) {
        return appendChunk(session, offset, chunk.length, BodyPublishers.ofByteArray(chunk));
    }

    /** PATCH one chunk streamed from {@code body}, which must yield exactly {@code length} bytes. */
    URI appendChunk(URI session, long offset, long length, Supplier<InputStream> body) {
        return appendChunk(session, offset, length, streamed(body, length));
    }

    private URI appendChunk(URI session, long offset, long length, BodyPublisher body) {
        HttpRequest.Builder patch = HttpRequest.newBuilder(session)
                .header("Content-Type", "application/octet-stream")
                .header("Content-Range", offset + "-" + (offset + length - 1))
                .method("PATCH", body);
        return location(send(patch, 202, "append " + length + " bytes at offset " + offset));
    }

    /** PUT ?digest= with no body: closes a session whose content was all PATCHed. */
    void finishUpload(URI session, String digest) {
        finishUpload(session, digest, BodyPublishers.noBody());
    }

    /** PUT ?digest= with the (rest of the) content streamed in the same request. */
    void finishUpload(URI session, String digest, long length, Supplier<InputStream> body) {
        finishUpload(session, digest, streamed(body, length));
    }

    private void finishUpload(URI session, String digest, BodyPublisher body) {
        HttpRequest.Builder put = HttpRequest.newBuilder(withDigest(session, digest))
                .header("Content-Type", "application/octet-stream")
                .PUT(body);
        send(put, 201, "complete the upload of " + digest);
    }

    /** The whole blob in one POST + PUT (a "monolithic" upload); returns its digest. */
    String uploadBlob(String repo, byte[] content) {
        String digest = Sha256.of(content);
        finishUpload(startUpload(repo), digest, BodyPublishers.ofByteArray(content));
        return digest;
    }

    /** The whole blob in {@code chunks} PATCHes of about equal size, then an empty PUT; returns its digest. */
    String uploadBlobInChunks(String repo, byte[] content, int chunks) {
        URI session = startUpload(repo);
        int chunkSize = Math.max(1, (content.length + chunks - 1) / chunks);
        for (int offset = 0; offset < content.length; offset += chunkSize) {
            byte[] chunk = Arrays.copyOfRange(content, offset, Math.min(content.length, offset + chunkSize));
            session = appendChunk(session, offset, chunk);
        }
        String digest = Sha256.of(content);
        finishUpload(session, digest);
        return digest;
    }

    // ---- blobs ----

    HttpResponse<Void> headBlob(String repo, String digest) {
        return sendRaw(request("/v2/" + repo + "/blobs/" + digest).method("HEAD", BodyPublishers.noBody()),
                BodyHandlers.discarding());
    }

    boolean blobExists(String repo, String digest) {
        int status = headBlob(repo, digest).statusCode();
        if (status != 200 && status != 404) {
            throw new UnexpectedResponse("HEAD blob " + digest, headBlob(repo, digest), 200, 404);
        }
        return status == 200;
    }

    /** GETs a blob, hashing it as it streams in; never holds it in memory. */
    Sha256.Measured readBlob(String repo, String digest) {
        HttpResponse<InputStream> response = sendRaw(request("/v2/" + repo + "/blobs/" + digest).GET(),
                BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            try (InputStream ignored = response.body()) {
                throw new AssertionError("GET blob " + digest + " answered " + response.statusCode());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            return Sha256.of(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("reading blob " + digest, e);
        }
    }

    // ---- manifests and tags ----

    /** PUT an OCI image manifest; returns the digest the registry reports for it. */
    String putManifest(String repo, String reference, byte[] manifest) {
        return putManifest(repo, reference, BodyPublishers.ofByteArray(manifest))
                .orElse(Sha256.of(manifest));
    }

    /** PUT an OCI image manifest whose body is streamed, e.g. one that stalls halfway. */
    void putManifest(String repo, String reference, long length, Supplier<InputStream> body) {
        putManifest(repo, reference, streamed(body, length));
    }

    private Optional<String> putManifest(String repo, String reference, BodyPublisher body) {
        HttpResponse<String> response = send(request("/v2/" + repo + "/manifests/" + reference)
                .header("Content-Type", OciJson.MANIFEST)
                .PUT(body), 201, "put manifest " + repo + ":" + reference);
        return response.headers().firstValue("Docker-Content-Digest");
    }

    /**
     * Uploads {@code layer} and a config over it and returns an OCI manifest over both, made
     * unique by {@code name}; the manifest itself is not pushed.
     */
    byte[] manifestOverNewBlobs(String repo, byte[] layer, String name) {
        byte[] config = OciJson.imageConfig(List.of(Sha256.of(layer)));
        Descriptor layerDescriptor = new Descriptor(OciJson.LAYER_TAR, uploadBlob(repo, layer), layer.length);
        Descriptor configDescriptor = new Descriptor(OciJson.CONFIG, uploadBlob(repo, config), config.length);
        return OciJson.imageManifest(configDescriptor, List.of(layerDescriptor), Map.of("dev.berth.test.name", name));
    }

    HttpResponse<byte[]> getManifest(String repo, String reference) {
        return sendRaw(request("/v2/" + repo + "/manifests/" + reference)
                .header("Accept", MANIFEST_ACCEPT).GET(), BodyHandlers.ofByteArray());
    }

    /** The repository's tags; empty when the repository is unknown. */
    List<String> tags(String repo) {
        HttpResponse<String> response = sendRaw(request("/v2/" + repo + "/tags/list").GET(), BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return List.of();
        }
        if (response.statusCode() != 200) {
            throw new UnexpectedResponse("list tags of " + repo, response, 200, 404);
        }
        List<String> tags = new ArrayList<>();
        OciJson.parse(response.body()).path("tags").forEach(tag -> tags.add(tag.asText()));
        return tags;
    }

    // ---- plumbing ----

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUrl.resolve(path));
    }

    /** Streams a body of known length: a Content-Length, never chunked transfer encoding. */
    private static BodyPublisher streamed(Supplier<InputStream> body, long length) {
        return BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(body), length);
    }

    private URI location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError(response.request().method() + " " + response.request().uri()
                        + " answered " + response.statusCode() + " without a Location header"));
        // The spec allows relative locations (Berth) as well as absolute ones (distribution).
        return baseUrl.resolve(location);
    }

    private static URI withDigest(URI session, String digest) {
        String separator = session.toString().contains("?") ? "&" : "?";
        return URI.create(session + separator + "digest=" + URLEncoder.encode(digest, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expectedStatus, String what) {
        HttpResponse<String> response = sendRaw(request, BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new UnexpectedResponse(what, response, expectedStatus);
        }
        return response;
    }

    private <T> HttpResponse<T> sendRaw(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException("request to " + baseUrl + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "registry API at " + baseUrl;
    }
}
