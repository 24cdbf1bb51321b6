package dev.berth.client;

import dev.berth.client.auth.CredentialSource;
import dev.berth.client.copy.ContentSource;
import dev.berth.client.copy.Copier;
import dev.berth.client.copy.LayoutTarget;
import dev.berth.client.copy.RegistrySource;
import dev.berth.client.copy.RegistryTarget;
import dev.berth.client.copy.UploadSizes;
import dev.berth.client.progress.ProgressListener;
import dev.berth.client.transport.Backoff;
import dev.berth.client.transport.RegistryTransport;
import dev.berth.oci.Platform;
import dev.berth.oci.Reference;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The client library's entry point: pull into an OCI layout, push from any source, and a
 * {@link RegistryClient} per registry for the single calls. One instance shares its
 * connections and tokens between calls.
 */
public final class BerthClient {
    private final RegistryTransport transport;
    private final ClientOptions options;

    public BerthClient(ClientOptions options, CredentialSource credentials) {
        this(options, credentials, Backoff.DEFAULT);
    }

    public BerthClient(ClientOptions options, CredentialSource credentials, Backoff backoff) {
        this.options = options;
        this.transport = new RegistryTransport(options, credentials, backoff);
    }

    /** Speaks {@code scheme} ("https" or "http") to {@code registry}, whatever the options say. */
    public void useScheme(String registry, String scheme) {
        transport.useScheme(registry, scheme);
    }

    public RegistryClient registry(String registry) {
        return new RegistryClient(transport, registry);
    }

    /** A source reading the image {@code reference} names from its registry. */
    public RegistrySource source(Reference reference) {
        return new RegistrySource(registry(reference.apiHost()), reference.repository(), reference.manifestReference());
    }

    /**
     * Pulls into the layout at {@code dir}, tagging the image {@code refName} in its index.json,
     * where it replaces whatever image had that name (as the layout cache needs: a tag follows its
     * registry).
     *
     * @param platform the platform to pick from an index; empty keeps every platform
     */
    public FetchedManifest pull(
            Reference reference, Path dir, String refName, Optional<Platform> platform, ProgressListener progress) {
        return pull(reference, dir, refName, platform, true, progress);
    }

    /**
     * Pulls as above.
     *
     * @param replaceTag whether {@code refName} may be taken from another image in the layout
     *                   (without it, that fails with a usage error)
     */
    public FetchedManifest pull(
            Reference reference,
            Path dir,
            String refName,
            Optional<Platform> platform,
            boolean replaceTag,
            ProgressListener progress) {
        return new Copier(options.jobs(), progress)
                .copy(source(reference), new LayoutTarget(dir, refName, replaceTag), platform);
    }

    /** Pushes everything {@code source} names (a whole index included) to {@code target}. */
    public FetchedManifest push(ContentSource source, Reference target, ProgressListener progress) {
        return new Copier(options.jobs(), progress).copy(source, target(target), Optional.empty());
    }

    /** A target pushing into the repository {@code reference} names, tagging the root with its tag. */
    public RegistryTarget target(Reference reference) {
        return new RegistryTarget(
                registry(reference.apiHost()), reference.repository(), reference.tag(), UploadSizes.DEFAULT);
    }
}
