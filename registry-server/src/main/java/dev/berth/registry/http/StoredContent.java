package dev.berth.registry.http;

import dev.berth.oci.Descriptor;
import dev.berth.registry.core.BlobSource;
import dev.berth.registry.core.Registry;
import dev.berth.registry.core.StoredManifest;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** The content the registry holds itself: what every repository serves when no upstream is configured. */
public final class StoredContent implements ContentSource {
    private final Registry registry;

    public StoredContent(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Future<StoredManifest> manifest(String repository, String reference) {
        return registry.manifests().get(repository, reference);
    }

    @Override
    public Future<BlobSource> blob(String repository, String digest, boolean content) {
        return registry.blobs().find(repository, digest);
    }

    @Override
    public Future<List<Descriptor>> referrers(String repository, String subject, String artifactType) {
        return registry.referrers().list(repository, subject, artifactType);
    }

    @Override
    public Optional<String> mirroredBy(String repository) {
        return Optional.empty();
    }
}
