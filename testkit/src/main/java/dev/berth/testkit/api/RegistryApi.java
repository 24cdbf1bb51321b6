package dev.berth.testkit.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import dev.berth.testkit.image.Measured;
import dev.berth.testkit.image.OciDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distribution API calls a test or the benchmark makes by hand, where a real client gives too
 * little control: where an upload stops, how a body is streamed, what a listing pages. Each call
 * expects the spec's success status and fails with the whole exchange otherwise. Works against any
 * registry: Locations may be relative (Berth) or absolute (registry:2).
 */
public final class RegistryApi {

    public static final String MANIFEST_ACCEPT = String.join(
            ", ",
            MediaTypes.OCI_MANIFEST,
            MediaTypes.OCI_INDEX,
            MediaTypes.DOCKER_MANIFEST,
            MediaTypes.DOCKER_MANIFEST_LIST);
    private static final String OCTET_STREAM = "application/octet-stream";
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
    private static final JsonFactory JSON = new JsonFactory();

    private final RegistryClient client;

    public RegistryApi(URI baseUrl) {
        this.client = RegistryClient.forTransfers(baseUrl);
    }

    // ---- uploads ----

    /** POST /v2/NAME/blobs/uploads/: opens an upload session, returns where to send its content. */
    public URI startUpload(String repo) {
        return location(
                client.post("/v2/" + repo + "/blobs/uploads/", new byte[0]).expect(202, "open an upload session"));
    }

    /** PATCH one chunk held in memory; returns the session's next location. */
    public URI appendChunk(URI session, long offset, byte[] chunk) {
        return appendChunk(session, offset, chunk.length, BodyPublishers.ofByteArray(chunk));
    }

    /** PATCH one chunk streamed from {@code body}, which must yield exactly {@code length} bytes. */
    public URI appendChunk(URI session, long offset, long length, Supplier<InputStream> body) {
        return appendChunk(session, offset, length, streamed(body, length));
    }

    private URI appendChunk(URI session, long offset, long length, BodyPublisher body) {
        Reply reply = client.send(
                "PATCH",
                session.toString(),
                body,
                "Content-Type",
                OCTET_STREAM,
                "Content-Range",
                offset + "-" + (offset + length - 1));
        return location(reply.expect(202, "append " + length + " bytes at offset " + offset));
    }

    /** PUT ?digest= with no body: closes a session whose content was all PATCHed. */
    public void finishUpload(URI session, String digest) {
        finishUpload(session, digest, BodyPublishers.noBody());
    }

    /** PUT ?digest= with the (rest of the) content streamed in the same request. */
    public void finishUpload(URI session, String digest, long length, Supplier<InputStream> body) {
        finishUpload(session, digest, streamed(body, length));
    }

    private void finishUpload(URI session, String digest, BodyPublisher body) {
        String target = RegistryClient.withQuery(
                session.toString(), "digest=" + URLEncoder.encode(digest, StandardCharsets.UTF_8));
        client.send("PUT", target, body, "Content-Type", OCTET_STREAM).expect(201, "complete the upload of " + digest);
    }

    /** POST, then one PUT that carries the whole blob: docker's "monolithic" push. */
    public void pushBlob(String repo, String digest, BodyPublisher content) {
        finishUpload(startUpload(repo), digest, content);
    }

    /** The whole blob in one POST + PUT; returns its digest. */
    public String uploadBlob(String repo, byte[] content) {
        String digest = Digest.sha256(content).toString();
        pushBlob(repo, digest, BodyPublishers.ofByteArray(content));
        return digest;
    }

    /** The whole blob in {@code chunks} PATCHes of about equal size, then an empty PUT; returns its digest. */
    public String uploadBlobInChunks(String repo, byte[] content, int chunks) {
        URI session = startUpload(repo);
        int chunkSize = Math.max(1, (content.length + chunks - 1) / chunks);
        for (int offset = 0; offset < content.length; offset += chunkSize) {
            byte[] chunk = Arrays.copyOfRange(content, offset, Math.min(content.length, offset + chunkSize));
            session = appendChunk(session, offset, chunk);
        }
        String digest = Digest.sha256(content).toString();
        finishUpload(session, digest);
        return digest;
    }

    /** Cross-repository mount of a blob that {@code from} holds: 201 from Berth and registry:2 alike. */
    public void mount(String repo, String digest, String from) {
        client.post("/v2/" + repo + "/blobs/uploads/?mount=" + digest + "&from=" + from, new byte[0])
                .expect(201, "mount " + digest + " from " + from);
    }

    // ---- blobs ----

    public Reply headBlob(String repo, String digest) {
        return client.head("/v2/" + repo + "/blobs/" + digest);
    }

    public boolean blobExists(String repo, String digest) {
        Reply head = headBlob(repo, digest);
        if (head.status() != 200 && head.status() != 404) {
            throw new UnexpectedResponse("HEAD blob " + digest, head, 200, 404);
        }
        return head.status() == 200;
    }

    /** GETs a blob, hashing it as it streams in; never holds it in memory. */
    public Measured readBlob(String repo, String digest) {
        HttpResponse<InputStream> response = client.stream("/v2/" + repo + "/blobs/" + digest);
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new AssertionError("GET blob " + digest + " answered " + response.statusCode());
            }
            return Measured.of(body);
        } catch (IOException e) {
            throw new UncheckedIOException("reading blob " + digest, e);
        }
    }

    // ---- manifests and tags ----

    /** PUT an OCI image manifest; returns the digest the registry reports for it. */
    public String putManifest(String repo, String reference, byte[] manifest) {
        Reply reply = putManifest(repo, reference, BodyPublishers.ofByteArray(manifest));
        String reported = reply.header("Docker-Content-Digest");
        return reported != null ? reported : Digest.sha256(manifest).toString();
    }

    /** PUT an OCI image manifest whose body is streamed, e.g. one that stalls halfway. */
    public void putManifest(String repo, String reference, long length, Supplier<InputStream> body) {
        putManifest(repo, reference, streamed(body, length));
    }

    private Reply putManifest(String repo, String reference, BodyPublisher body) {
        return client.send(
                        "PUT", "/v2/" + repo + "/manifests/" + reference, body, "Content-Type", MediaTypes.OCI_MANIFEST)
                .expect(201, "put manifest " + repo + ":" + reference);
    }

    /**
     * Uploads {@code layer} and a config over it and returns an OCI manifest over both, made
     * unique by {@code name}; the manifest itself is not pushed.
     */
    public byte[] manifestOverNewBlobs(String repo, byte[] layer, String name) {
        byte[] config = OciDocuments.imageConfig("linux", "amd64", List.of(Digest.sha256(layer)));
        Descriptor layerDescriptor =
                Descriptor.of(MediaTypes.OCI_LAYER_TAR, Digest.parse(uploadBlob(repo, layer)), layer.length);
        Descriptor configDescriptor =
                Descriptor.of(MediaTypes.OCI_CONFIG, Digest.parse(uploadBlob(repo, config)), config.length);
        return OciDocuments.imageManifest(
                configDescriptor, List.of(layerDescriptor), null, null, Map.of("dev.berth.test.name", name));
    }

    public Reply getManifest(String repo, String reference) {
        return client.get("/v2/" + repo + "/manifests/" + reference, "Accept", MANIFEST_ACCEPT);
    }

    /** The repository's tags; empty when the repository is unknown. */
    public List<String> tags(String repo) {
        Reply reply = client.get("/v2/" + repo + "/tags/list");
        if (reply.status() == 404) {
            return List.of();
        }
        return reply.expect(200, "list tags of " + repo).strings("tags");
    }

    /**
     * Follows the Link headers from {@code firstPage} to the end of a listing (the catalog, a tags
     * list) and counts the names in array {@code field} of every page. Counted as the body streams
     * past, without building a tree: the benchmark times listings, not JSON trees.
     */
    public int countListed(String firstPage, String field) {
        String page = firstPage;
        int names = 0;
        while (page != null) {
            Reply reply = client.get(page).expect(200, "list " + page);
            names += countNames(reply.body(), field);
            Matcher next = NEXT_LINK.matcher(reply.header("Link") == null ? "" : reply.header("Link"));
            page = next.find() ? next.group(1) : null;
        }
        return names;
    }

    private static int countNames(byte[] json, String field) {
        try (JsonParser parser = JSON.createParser(json)) {
            int names = 0;
            boolean inField = false;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME
                        && parser.getParsingContext().getParent().inRoot()) {
                    inField = field.equals(parser.currentName());
                } else if (inField && token == JsonToken.VALUE_STRING) {
                    names++;
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("a listing that is not JSON", e);
        }
    }

    // ---- plumbing ----

    /** Streams a body of known length: a Content-Length, never chunked transfer encoding. */
    private static BodyPublisher streamed(Supplier<InputStream> body, long length) {
        return BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(body), length);
    }

    private URI location(Reply reply) {
        String location = reply.header("Location");
        if (location == null) {
            throw new AssertionError(
                    reply.method() + " " + reply.uri() + " answered " + reply.status() + " without a Location header");
        }
        return client.resolve(location);
    }

    @Override
    public String toString() {
        return "registry API at " + client.base();
    }
}
