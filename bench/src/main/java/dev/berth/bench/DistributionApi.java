package dev.berth.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distribution API calls the upload and listing scenarios make, the way docker makes them.
 * One client per registry: the JDK client keeps connections alive and shares them among threads.
 */
final class DistributionApi {
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    private final URI base;
    private final HttpClient http;

    DistributionApi(URI base) {
        this.base = base;
        // HTTP/1.1: neither registry speaks h2c, and the upgrade attempt would only add a round trip.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    URI base() {
        return base;
    }

    /** POST, then one PUT that carries the whole blob: docker's monolithic push. */
    void pushMonolithic(String repository, String digest, BodyPublisher content) throws IOException {
        URI upload = startUpload(repository);
        expect(send(HttpRequest.newBuilder(withDigest(upload, digest)).PUT(content)), 201, "PUT blob");
    }

    /** POST, one PATCH per chunk with its Content-Range, then an empty PUT: a chunked push. */
    void pushChunked(String repository, String digest, ChunkSource chunks) throws IOException {
        URI upload = startUpload(repository);
        long offset = 0;
        for (byte[] chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
            HttpResponse<String> patched = send(HttpRequest.newBuilder(upload)
                    .header("Content-Type", "application/octet-stream")
                    .header("Content-Range", offset + "-" + (offset + chunk.length - 1))
                    .method("PATCH", BodyPublishers.ofByteArray(chunk)));
            expect(patched, 202, "PATCH chunk");
            upload = location(patched);
            offset += chunk.length;
        }
        expect(send(HttpRequest.newBuilder(withDigest(upload, digest)).PUT(BodyPublishers.noBody())), 201, "PUT end of upload");
    }

    /** Supplies a chunked push's chunks in order; null when there are no more. */
    interface ChunkSource {
        byte[] next() throws IOException;
    }

    void putManifest(String repository, String reference, byte[] manifest) throws IOException {
        expect(send(HttpRequest.newBuilder(base.resolve("/v2/" + repository + "/manifests/" + reference))
                .header("Content-Type", OCI_MANIFEST)
                .PUT(BodyPublishers.ofByteArray(manifest))), 201, "PUT manifest");
    }

    /** Cross-repository mount; registry:2 and Berth both answer 201 when the blob is in {@code from}. */
    void mount(String repository, String digest, String from) throws IOException {
        URI uri = base.resolve("/v2/" + repository + "/blobs/uploads/?mount=" + digest + "&from=" + from);
        expect(send(HttpRequest.newBuilder(uri).POST(BodyPublishers.noBody())), 201, "mount");
    }

    /** Follows the Link header through every page; answers how many names the listing held. */
    int listAll(String firstPage, String field) throws IOException {
        URI page = base.resolve(firstPage);
        int names = 0;
        while (page != null) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(page).GET());
            expect(response, 200, "GET " + page.getPath());
            names += countNames(response.body(), field);
            page = response.headers().firstValue("Link").map(NEXT_LINK::matcher).filter(Matcher::find)
                    .map(next -> base.resolve(next.group(1))).orElse(null);
        }
        return names;
    }

    private URI startUpload(String repository) throws IOException {
        HttpResponse<String> started = send(HttpRequest.newBuilder(base.resolve("/v2/" + repository + "/blobs/uploads/"))
                .POST(BodyPublishers.noBody()));
        expect(started, 202, "POST upload");
        return location(started);
    }

    private URI location(HttpResponse<String> response) throws IOException {
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
            throw new IOException("no Location on " + response.request().method() + " " + response.uri());
        }
        return base.resolve(location.get());
    }

    private static URI withDigest(URI upload, String digest) {
        String separator = upload.getRawQuery() == null ? "?" : "&";
        return URI.create(upload + separator + "digest=" + digest);
    }

    private static int countNames(String json, String field) {
        // Names are quoted strings in one array; counting commas would miscount an empty array.
        int start = json.indexOf('[', json.indexOf("\"" + field + "\""));
        int end = json.indexOf(']', start);
        String array = json.substring(start + 1, end).trim();
        return array.isEmpty() ? 0 : array.split(",").length;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void expect(HttpResponse<String> response, int status, String what) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(what + " " + response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
