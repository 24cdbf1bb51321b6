package dev.berth.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.client.auth.Scopes;
import dev.berth.client.transport.RegistryRequest;
import dev.berth.client.transport.RegistryTransport;
import dev.berth.client.transport.Responses;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.ManifestParser;
import dev.berth.oci.MediaTypes;
import dev.berth.oci.Reference;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distribution API of one registry, call by call. Manifests come back verified; blob
 * streams are verified by whoever stores them (see {@link dev.berth.client.layout.LayoutWriter}).
 */
public final class RegistryClient {
    /** Manifests are small; a registry that sends more is refused rather than buffered. */
    public static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

    private static final String ACCEPT_MANIFESTS = String.join(
            ", ",
            MediaTypes.OCI_INDEX,
            MediaTypes.OCI_MANIFEST,
            MediaTypes.DOCKER_MANIFEST_LIST,
            MediaTypes.DOCKER_MANIFEST);
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryTransport transport;
    private final String registry;
    private final URI base;

    public RegistryClient(RegistryTransport transport, String registry) {
        this.transport = transport;
        this.registry = registry;
        this.base = transport.base(registry);
    }

    public String registry() {
        return registry;
    }

    /** {@code GET /v2/}: succeeds when the registry answers and accepts the credentials (berth login). */
    public void checkAccess() {
        HttpResponse<InputStream> response = send(RegistryRequest.of("GET", base, List.of()));
        if (response.statusCode() != 200) {
            throw Responses.failure(response, registry);
        }
        Responses.discard(response);
    }

    /** GETs a manifest by tag or digest and verifies it against the digest asked for, or the one the registry names. */
    public FetchedManifest manifest(String repository, String reference) {
        HttpResponse<InputStream> response = send(
                RegistryRequest.of("GET", uri(repository, "manifests/" + reference), List.of(Scopes.pull(repository)))
                        .withHeaders(Map.of("Accept", ACCEPT_MANIFESTS)));
        String what = "manifest " + repository + ":" + reference;
        if (response.statusCode() != 200) {
            throw Responses.failure(response, what);
        }
        byte[] bytes = Responses.read(response, MAX_MANIFEST_BYTES, what);
        Digest claimed = response.headers()
                .firstValue("Docker-Content-Digest")
                .map(Digest::parse)
                .orElse(null);
        Digest expected = Digest.isValid(reference) ? Digest.parse(reference) : claimed;
        if (expected != null) {
            Verification.checkDigest(expected, bytes);
        }
        if (claimed != null && expected != null && !claimed.equals(expected)) {
            throw Verification.mismatch(expected, "Docker-Content-Digest " + claimed);
        }
        Digest digest = expected != null ? expected : Digest.sha256(bytes);
        String mediaType =
                MediaTypes.essence(response.headers().firstValue("Content-Type").orElse(null));
        if (!MediaTypes.isManifest(mediaType)) {
            mediaType = ManifestParser.storedMediaType(bytes);
        }
        return new FetchedManifest(bytes, mediaType, digest);
    }

    /** The descriptor of a manifest, from a HEAD (falling back to a GET when the registry names no digest). */
    public Descriptor resolve(String repository, String reference) {
        HttpResponse<InputStream> response = send(
                RegistryRequest.of("HEAD", uri(repository, "manifests/" + reference), List.of(Scopes.pull(repository)))
                        .withHeaders(Map.of("Accept", ACCEPT_MANIFESTS)));
        Responses.discard(response);
        if (response.statusCode() == 404) {
            throw new ClientException(FailureKind.NOT_FOUND, "manifest " + repository + ":" + reference + " not found");
        }
        Optional<String> digest = response.headers().firstValue("Docker-Content-Digest");
        Optional<String> type = response.headers().firstValue("Content-Type").map(MediaTypes::essence);
        if (response.statusCode() == 200
                && digest.isPresent()
                && type.filter(MediaTypes::isManifest).isPresent()) {
            long size = response.headers().firstValueAsLong("Content-Length").orElse(0);
            return Descriptor.of(type.get(), Digest.parse(digest.get()), size);
        }
        return manifest(repository, reference).descriptor();
    }

    /** The digest a reference names: its own, or the one its tag resolves to now. */
    public Digest digest(Reference reference) {
        return reference.digest() != null
                ? reference.digest()
                : resolve(reference.repository(), reference.tag()).digest();
    }

    /**
     * A blob's bytes from {@code offset} on. The stream starts at {@code offset} whether the
     * registry honours the Range header (206) or sends the whole blob (200).
     */
    public InputStream blob(String repository, Digest digest, long offset) {
        RegistryRequest request =
                RegistryRequest.of("GET", uri(repository, "blobs/" + digest), List.of(Scopes.pull(repository)));
        if (offset > 0) {
            request = request.withHeaders(Map.of("Range", "bytes=" + offset + "-"));
        }
        HttpResponse<InputStream> response = send(request);
        int status = response.statusCode();
        if (status != 200 && status != 206) {
            throw Responses.failure(response, "blob " + repository + "@" + digest);
        }
        Optional<String> claimed = response.headers().firstValue("Docker-Content-Digest");
        if (claimed.isPresent()
                && Digest.isValid(claimed.get())
                && !Digest.parse(claimed.get()).equals(digest)) {
            Responses.discard(response);
            throw Verification.mismatch(digest, "Docker-Content-Digest " + claimed.get());
        }
        InputStream body = response.body();
        if (offset > 0 && status == 200) {
            skipFully(body, offset);
        }
        return body;
    }

    public boolean hasBlob(String repository, Digest digest) {
        HttpResponse<InputStream> response =
                send(RegistryRequest.of("HEAD", uri(repository, "blobs/" + digest), List.of(Scopes.push(repository))));
        Responses.discard(response);
        if (response.statusCode() == 200) {
            return true;
        }
        if (response.statusCode() == 404) {
            return false;
        }
        throw Responses.failure(response, "checking blob " + repository + "@" + digest);
    }

    /** Asks the registry to link a blob from another repository; false when it opened an upload instead. */
    public boolean mount(String repository, Digest digest, String fromRepository) {
        URI uri = uri(
                repository, "blobs/uploads/?mount=" + encode(digest.toString()) + "&from=" + encode(fromRepository));
        HttpResponse<InputStream> response =
                send(RegistryRequest.of("POST", uri, List.of(Scopes.push(repository), Scopes.pull(fromRepository))));
        Responses.discard(response);
        return response.statusCode() == 201;
    }

    /** Opens an upload session and answers its location. */
    public URI startUpload(String repository) {
        HttpResponse<InputStream> response =
                send(RegistryRequest.of("POST", uri(repository, "blobs/uploads/"), List.of(Scopes.push(repository)))
                        .withBody(BodyPublishers::noBody));
        if (response.statusCode() != 202) {
            throw Responses.failure(response, "starting an upload to " + repository);
        }
        Responses.discard(response);
        return location(response);
    }

    /** Sends one chunk ({@code PATCH}) and answers the location for the next. */
    public URI uploadChunk(String repository, URI location, long start, byte[] chunk) {
        HttpResponse<InputStream> response = send(new RegistryRequest(
                "PATCH",
                location,
                Map.of(
                        "Content-Type",
                        "application/octet-stream",
                        "Content-Range",
                        start + "-" + (start + chunk.length - 1)),
                () -> BodyPublishers.ofByteArray(chunk),
                List.of(Scopes.push(repository))));
        if (response.statusCode() != 202) {
            throw Responses.failure(response, "uploading a chunk to " + repository);
        }
        Responses.discard(response);
        return location(response);
    }

    /** Closes an upload with {@code PUT ?digest=}, with the remaining content (or none). */
    public void finishUpload(String repository, URI location, Digest digest, Supplier<BodyPublisher> content) {
        String separator = location.getRawQuery() == null ? "?" : "&";
        URI put = URI.create(location + separator + "digest=" + encode(digest.toString()));
        HttpResponse<InputStream> response = send(new RegistryRequest(
                "PUT",
                put,
                Map.of("Content-Type", "application/octet-stream"),
                content,
                List.of(Scopes.push(repository))));
        if (response.statusCode() != 201) {
            ClientException failure = Responses.failure(response, "uploading blob " + digest + " to " + repository);
            throw response.statusCode() == 400
                    ? new ClientException(
                            FailureKind.VERIFICATION,
                            failure.getMessage() + " (the registry found the content did not match its digest)")
                    : failure;
        }
        Responses.discard(response);
    }

    /** PUTs a manifest and checks the digest the registry computed. */
    public void putManifest(String repository, String reference, String mediaType, byte[] bytes) {
        HttpResponse<InputStream> response = send(new RegistryRequest(
                "PUT",
                uri(repository, "manifests/" + reference),
                Map.of("Content-Type", mediaType),
                () -> BodyPublishers.ofByteArray(bytes),
                List.of(Scopes.push(repository))));
        if (response.statusCode() != 201) {
            throw Responses.failure(response, "pushing manifest " + repository + ":" + reference);
        }
        Responses.discard(response);
        Optional<String> claimed = response.headers().firstValue("Docker-Content-Digest");
        if (claimed.isPresent() && Digest.isValid(claimed.get())) {
            Verification.checkDigest(Digest.parse(claimed.get()), bytes);
        }
    }

    public List<String> tags(String repository) {
        return paged(uri(repository, "tags/list"), List.of(Scopes.pull(repository)), "tags", "tags of " + repository);
    }

    public List<String> catalog() {
        return paged(base.resolve("_catalog"), Scopes.catalog(), "repositories", "the catalog of " + registry);
    }

    /** Deletes a manifest, and with it every tag that points at it. */
    public void deleteManifest(String repository, Digest digest) {
        delete(repository, digest.toString(), repository + "@" + digest);
    }

    /** Deletes one tag ({@code DELETE /v2/<name>/manifests/<tag>}); the manifest and its other tags stay. */
    public void deleteTag(String repository, String tag) {
        delete(repository, tag, repository + ":" + tag);
    }

    private void delete(String repository, String reference, String what) {
        HttpResponse<InputStream> response = send(RegistryRequest.of(
                "DELETE", uri(repository, "manifests/" + reference), List.of(Scopes.delete(repository))));
        if (response.statusCode() != 202 && response.statusCode() != 200) {
            throw Responses.failure(response, "deleting " + what);
        }
        Responses.discard(response);
    }

    /** The referrers API's image index for a manifest, as JSON. */
    public JsonNode referrers(String repository, Digest digest, String artifactType) {
        String query = artifactType == null ? "" : "?artifactType=" + encode(artifactType);
        HttpResponse<InputStream> response = send(RegistryRequest.of(
                        "GET", uri(repository, "referrers/" + digest + query), List.of(Scopes.pull(repository)))
                .withHeaders(Map.of("Accept", MediaTypes.OCI_INDEX)));
        if (response.statusCode() != 200) {
            throw Responses.failure(response, "referrers of " + repository + "@" + digest);
        }
        return readJson(response, "referrers of " + digest);
    }

    private List<String> paged(URI first, List<String> scopes, String field, String what) {
        List<String> all = new ArrayList<>();
        URI next = first;
        while (next != null) {
            HttpResponse<InputStream> response = send(RegistryRequest.of("GET", next, scopes));
            if (response.statusCode() != 200) {
                throw Responses.failure(response, what);
            }
            readJson(response, what).path(field).forEach(item -> all.add(item.asText()));
            URI current = next;
            next = response.headers()
                    .firstValue("Link")
                    .map(NEXT_LINK::matcher)
                    .filter(Matcher::find)
                    .map(m -> current.resolve(m.group(1)))
                    .orElse(null);
        }
        return all;
    }

    private JsonNode readJson(HttpResponse<InputStream> response, String what) {
        byte[] body = Responses.read(response, MAX_MANIFEST_BYTES, what);
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new ClientException(FailureKind.OTHER, what + " is not JSON: " + e.getMessage(), e);
        }
    }

    private HttpResponse<InputStream> send(RegistryRequest request) {
        return transport.send(request);
    }

    private URI uri(String repository, String rest) {
        return base.resolve(repository + "/" + rest);
    }

    private URI location(HttpResponse<?> response) {
        String location = response.headers()
                .firstValue("Location")
                .orElseThrow(() ->
                        new ClientException(FailureKind.OTHER, registry + " opened an upload without a Location"));
        return response.uri().resolve(location);
    }

    private static void skipFully(InputStream in, long count) {
        try {
            in.skipNBytes(count);
        } catch (IOException e) {
            throw new ClientException(
                    FailureKind.NETWORK, "the connection dropped while skipping to a resume offset", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
