package dev.berth.conformance.suite.support;

import dev.berth.conformance.oci.OciJson;
import dev.berth.conformance.suite.Capability;
import dev.berth.conformance.suite.SuiteConfig;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A repository of the registry under test that belongs to one check (or one check class): its
 * name, requests scoped to it, the pushes that prepare a check, and the clean-up that deletes
 * them again afterwards, when the registry has deletes enabled.
 */
public final class TestRepository implements AutoCloseable {

    /** What a client that pulls OCI and Docker images sends in Accept. */
    public static final String MANIFEST_TYPES = String.join(
            ", ",
            OciJson.MANIFEST,
            OciJson.INDEX,
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json");

    private final String name;
    private final RegistryClient client;
    private final SuiteConfig config;
    /** Shared with siblings, so that one clean-up deletes, newest first, everything the check pushed. */
    private final Deque<Pushed> pushed;

    public TestRepository(String name, RegistryClient client, SuiteConfig config) {
        this(name, client, config, new ArrayDeque<>());
    }

    private TestRepository(String name, RegistryClient client, SuiteConfig config, Deque<Pushed> pushed) {
        this.name = name;
        this.client = client;
        this.config = config;
        this.pushed = pushed;
    }

    public String name() {
        return name;
    }

    public RegistryClient client() {
        return client;
    }

    public SuiteConfig config() {
        return config;
    }

    /** Another repository for the same check, e.g. the source of a cross-repository mount. */
    public TestRepository sibling(String suffix) {
        return new TestRepository(name + "-" + suffix, client, config, pushed);
    }

    /** {@code /v2/<name><suffix>}, e.g. {@code path("/tags/list")}. */
    public String path(String suffix) {
        return "/v2/" + name + suffix;
    }

    public Call call(String method, String suffix) {
        return client.call(method, path(suffix));
    }

    // ---- reads ----

    /** GET of a manifest, accepting every manifest type the suite pushes. */
    public Exchange getManifest(String reference) {
        return call("GET", "/manifests/" + reference)
                .header("Accept", MANIFEST_TYPES)
                .send();
    }

    public Exchange headManifest(String reference) {
        return call("HEAD", "/manifests/" + reference)
                .header("Accept", MANIFEST_TYPES)
                .send();
    }

    public Exchange getBlob(String digest) {
        return call("GET", "/blobs/" + digest).send();
    }

    public Exchange headBlob(String digest) {
        return call("HEAD", "/blobs/" + digest).send();
    }

    // ---- what a check pushed, for the clean-up ----

    public void trackBlob(String digest) {
        pushed.push(new Pushed(name, "blobs", digest));
    }

    public void trackManifest(String digest) {
        pushed.push(new Pushed(name, "manifests", digest));
    }

    // ---- pushes that prepare a check ----

    /** POST then PUT, the way every client can push; fails the check as a {@link SetupFailure} otherwise. */
    public String pushBlob(Blob blob) {
        Exchange opened = call("POST", "/blobs/uploads/").send();
        URI location = opened.header("Location")
                .filter(value -> opened.status() == 202)
                .map(client::resolve)
                .orElseThrow(() -> new SetupFailure("opening an upload for blob " + blob.digest(), opened));
        Exchange closed = client.call("PUT", Urls.withQuery(location, "digest", blob.digest()))
                .octets(blob.bytes())
                .send();
        if (closed.status() != 201) {
            throw new SetupFailure("uploading blob " + blob.digest(), closed);
        }
        trackBlob(blob.digest());
        return blob.digest();
    }

    public void pushBlobs(TestImage image) {
        image.blobs().forEach(this::pushBlob);
    }

    /** PUT of a manifest, whatever the answer; tracked for clean-up when it was created. */
    public Exchange putManifest(String reference, Manifest manifest) {
        Exchange exchange = call("PUT", "/manifests/" + reference)
                .body(manifest.bytes(), manifest.mediaType())
                .send();
        if (exchange.status() == 201) {
            trackManifest(manifest.digest());
        }
        return exchange;
    }

    /** PUT of a manifest that must succeed; returns its digest. */
    public String pushManifest(String reference, Manifest manifest) {
        Exchange exchange = putManifest(reference, manifest);
        if (exchange.status() != 201) {
            throw new SetupFailure("pushing manifest " + manifest.digest() + " as " + name + ":" + reference, exchange);
        }
        return manifest.digest();
    }

    /** Blobs, then the manifest under {@code reference} (a tag or its digest). */
    public TestImage pushImage(String reference, TestImage image) {
        pushBlobs(image);
        pushManifest(reference, image.manifest());
        return image;
    }

    public TestImage pushImage(TestImage image) {
        return pushImage(image.digest(), image);
    }

    /**
     * Deletes what the check pushed, newest first (referrers before their subject, manifests
     * before their blobs). Answers are ignored: the content may be gone already (a deletion
     * check), and a failed clean-up is not a failed requirement.
     */
    @Override
    public void close() {
        if (!config.has(Capability.DELETES)) {
            pushed.clear();
            return;
        }
        while (!pushed.isEmpty()) {
            Pushed item = pushed.pop();
            try {
                client.call("DELETE", "/v2/" + item.repository() + "/" + item.kind() + "/" + item.digest())
                        .send();
            } catch (RuntimeException e) {
                // the registry went away: nothing more to clean
                pushed.clear();
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }

    private record Pushed(String repository, String kind, String digest) {}
}
