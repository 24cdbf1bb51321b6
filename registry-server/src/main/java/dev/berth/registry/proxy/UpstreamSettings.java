package dev.berth.registry.proxy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One upstream registry as configured: its name (in errors, logs and metrics), its URL, the local
 * repositories it serves and their names upstream, optional credentials and extra trust, and how
 * long a cached tag is used before the upstream is asked again.
 */
public record UpstreamSettings(
        String name,
        URI url,
        NameMapping names,
        Optional<String> username,
        Optional<Path> passwordFile,
        Optional<Path> ca,
        Duration tagTtl) {

    /** Checks the globs; an {@link IllegalArgumentException} says what is wrong with them. */
    public static UpstreamSettings of(
            String name,
            URI url,
            String repositories,
            String remote,
            String username,
            Path passwordFile,
            Path ca,
            Duration tagTtl) {
        return new UpstreamSettings(
                name,
                url,
                NameMapping.of(repositories, remote),
                Optional.ofNullable(username),
                Optional.ofNullable(passwordFile),
                Optional.ofNullable(ca),
                tagTtl);
    }

    /** The upstream's name for a local repository, when this upstream serves it. */
    public Optional<String> remoteName(String repository) {
        return names.remoteName(repository);
    }
}
