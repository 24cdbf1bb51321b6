package dev.berth.oci;

/**
 * An image reference, {@code [registry/]repository[:tag][@digest]}, normalised as docker does:
 * no registry means Docker Hub ({@code docker.io}), and a single-component Docker Hub name lives
 * under {@code library/}. The first component names a registry only when it looks like a host:
 * it holds a dot or a port, or is {@code localhost}.
 *
 * @param tag    the tag, or null when the reference names a digest only
 * @param digest the digest, or null
 */
public record Reference(String registry, String repository, String tag, Digest digest) {
    public static final String DOCKER_HUB = "docker.io";
    private static final String DEFAULT_TAG = "latest";

    public Reference {
        if (registry == null || registry.isEmpty()) {
            throw new IllegalArgumentException("reference has no registry");
        }
        if (!Names.isRepository(repository)) {
            throw new IllegalArgumentException("invalid repository name: " + repository);
        }
        if (tag != null && !Names.isTag(tag)) {
            throw new IllegalArgumentException("invalid tag: " + tag);
        }
        if (tag == null && digest == null) {
            throw new IllegalArgumentException("reference names neither a tag nor a digest");
        }
    }

    /** Parses a reference as docker does, defaulting the tag to {@code latest} when there is no digest. */
    public static Reference parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing image reference");
        }
        String rest = text;
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = Digest.parse(rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        RepositoryName name = RepositoryName.parse(rest);
        if (tag == null && digest == null) {
            tag = DEFAULT_TAG;
        }
        return new Reference(name.registry(), name.repository(), tag, digest);
    }

    /** What to ask the registry's manifest endpoint for: the digest when there is one, else the tag. */
    public String manifestReference() {
        return digest != null ? digest.toString() : tag;
    }

    /** The host (and port) to speak the distribution API to: Docker Hub's API lives on its own host. */
    public String apiHost() {
        return repositoryName().apiHost();
    }

    public RepositoryName repositoryName() {
        return new RepositoryName(registry, repository);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(registry).append('/').append(repository);
        if (tag != null) {
            text.append(':').append(tag);
        }
        if (digest != null) {
            text.append('@').append(digest);
        }
        return text.toString();
    }
}
