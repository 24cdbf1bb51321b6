package dev.berth.registry.config;

import dev.berth.registry.proxy.UpstreamSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The proxy section as written: the upstream registries this registry mirrors. */
record ProxySection(List<Upstream> upstreams) implements ConfigSection {
    /** How long a cached tag is used before the upstream is asked again, when an entry does not say. */
    static final Duration DEFAULT_TAG_TTL = Duration.ofMinutes(10);

    /** One entry of {@code proxy.upstreams}; left-out keys are null until {@link #resolve} fills them in. */
    record Upstream(
            String name,
            URI url,
            String repositories,
            String remote,
            String username,
            Path passwordFile,
            Path ca,
            Duration tagTtl) {}

    ProxyConfig resolve() {
        List<UpstreamSettings> resolved = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Upstream entry : upstreams) {
            String where = "proxy.upstreams[" + resolved.size() + "]";
            if (entry.name() == null || entry.name().isBlank()) {
                throw new ConfigException(where + " needs a name, such as name: hub");
            }
            if (!names.add(entry.name())) {
                throw new ConfigException(where + " repeats the name '" + entry.name() + "'");
            }
            if (entry.url() == null) {
                throw new ConfigException(where + " (" + entry.name() + ") needs a url: an http:// or https:// URL");
            }
            if (entry.repositories() == null || entry.repositories().isBlank()) {
                throw new ConfigException(where + " (" + entry.name()
                        + ") needs repositories: the local names it serves, such as \"hub/**\"");
            }
            if (entry.passwordFile() != null && entry.username() == null) {
                throw new ConfigException(where + " (" + entry.name() + ") has a passwordFile but no username");
            }
            Duration tagTtl = entry.tagTtl() == null ? DEFAULT_TAG_TTL : entry.tagTtl();
            if (tagTtl.isNegative()) {
                throw new ConfigException(where + " (" + entry.name() + ") tagTtl must not be negative");
            }
            try {
                resolved.add(UpstreamSettings.of(
                        entry.name(),
                        entry.url(),
                        entry.repositories(),
                        entry.remote() == null ? entry.repositories() : entry.remote(),
                        entry.username(),
                        entry.passwordFile(),
                        entry.ca(),
                        tagTtl));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + " (" + entry.name() + "): " + e.getMessage());
            }
        }
        return new ProxyConfig(List.copyOf(resolved));
    }
}
