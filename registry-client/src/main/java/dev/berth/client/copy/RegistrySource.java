package dev.berth.client.copy;

import dev.berth.client.FetchedManifest;
import dev.berth.client.RegistryClient;
import dev.berth.client.Verification;
import dev.berth.oci.Descriptor;
import java.io.InputStream;
import java.util.Optional;

/** An image in a registry repository, named by tag or digest. */
public final class RegistrySource implements ContentSource {
    private final RegistryClient client;
    private final String repository;
    private final String reference;

    public RegistrySource(RegistryClient client, String repository, String reference) {
        this.client = client;
        this.repository = repository;
        this.reference = reference;
    }

    @Override
    public FetchedManifest root() {
        return client.manifest(repository, reference);
    }

    @Override
    public FetchedManifest manifest(Descriptor descriptor) {
        FetchedManifest fetched =
                client.manifest(repository, descriptor.digest().toString());
        Verification.check(descriptor, fetched.bytes());
        return new FetchedManifest(fetched.bytes(), descriptor.mediaType(), descriptor.digest());
    }

    @Override
    public InputStream blob(Descriptor descriptor, long offset) {
        return client.blob(repository, descriptor.digest(), offset);
    }

    @Override
    public Optional<RepositoryLocation> location() {
        return Optional.of(new RepositoryLocation(client.registry(), repository));
    }

    @Override
    public String describe() {
        return client.registry() + "/" + repository + (reference.contains(":") ? "@" : ":") + reference;
    }
}
