package dev.berth.oci;

import java.util.Locale;

/**
 * A repository with its registry, {@code [registry/]repository}, normalised as docker does (see
 * {@link Reference}). {@code berth tags REPO} takes one of these.
 */
public record RepositoryName(String registry, String repository) {
    private static final String LEGACY_DOCKER_HUB = "index.docker.io";
    private static final String DOCKER_HUB_API_HOST = "registry-1.docker.io";

    public RepositoryName {
        if (!Names.isRepository(repository)) {
            throw new IllegalArgumentException("invalid repository name: " + repository);
        }
    }

    public static RepositoryName parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing repository name");
        }
        int slash = text.indexOf('/');
        String registry = Reference.DOCKER_HUB;
        String repository = text;
        if (slash > 0 && looksLikeHost(text.substring(0, slash))) {
            registry = text.substring(0, slash);
            repository = text.substring(slash + 1);
        }
        if (registry.equals(LEGACY_DOCKER_HUB)) {
            registry = Reference.DOCKER_HUB;
        }
        if (registry.equals(Reference.DOCKER_HUB) && repository.indexOf('/') < 0) {
            repository = "library/" + repository;
        }
        if (!Names.isRepository(repository)) {
            throw new IllegalArgumentException("invalid repository name \"" + repository + "\" in " + text
                    + (repository.equals(repository.toLowerCase(Locale.ROOT)) ? "" : " (names must be lowercase)"));
        }
        return new RepositoryName(registry, repository);
    }

    /** The host (and port) to speak the distribution API to: Docker Hub's API lives on its own host. */
    public String apiHost() {
        return apiHostOf(registry);
    }

    /** The API host of a registry as users name it ({@code docker.io} and {@code index.docker.io} are Docker Hub). */
    public static String apiHostOf(String registry) {
        return registry.equals(Reference.DOCKER_HUB) || registry.equals(LEGACY_DOCKER_HUB)
                ? DOCKER_HUB_API_HOST
                : registry;
    }

    private static boolean looksLikeHost(String component) {
        return component.contains(".") || component.contains(":") || component.equals("localhost");
    }

    @Override
    public String toString() {
        return registry + "/" + repository;
    }
}
