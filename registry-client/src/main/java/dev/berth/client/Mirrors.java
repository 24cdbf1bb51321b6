package dev.berth.client;

import dev.berth.oci.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The mirrors to try before a registry itself ({@code berth pull --mirror}). A mirror is written
 * {@code [REGISTRY=]HOST[/PREFIX]}: it serves REGISTRY's images (Docker Hub's when REGISTRY is
 * left out, as docker's registry-mirrors) under PREFIX, so with {@code quay.io=m.example/quay}
 * {@code quay.io/team/app:1} is tried as {@code m.example/quay/team/app:1} first.
 */
public final class Mirrors {
    private final List<Mirror> mirrors;

    private Mirrors(List<Mirror> mirrors) {
        this.mirrors = mirrors;
    }

    public static Mirrors none() {
        return new Mirrors(List.of());
    }

    /** @throws IllegalArgumentException naming the spec that is not {@code [REGISTRY=]HOST[/PREFIX]} */
    public static Mirrors parse(List<String> specs) {
        List<Mirror> parsed = new ArrayList<>();
        for (String spec : specs) {
            int equals = spec.indexOf('=');
            String registry = equals < 0 ? Reference.DOCKER_HUB : spec.substring(0, equals);
            String location = spec.substring(equals + 1);
            int slash = location.indexOf('/');
            String host = slash < 0 ? location : location.substring(0, slash);
            String prefix = slash < 0 ? "" : location.substring(slash + 1).replaceAll("/+$", "");
            if (registry.isBlank() || host.isBlank() || host.contains("=")) {
                throw new IllegalArgumentException(
                        "mirror '" + spec + "' is not [REGISTRY=]HOST[/PREFIX], such as mirror.example:5000/hub");
            }
            parsed.add(new Mirror(registry, host, prefix));
        }
        return new Mirrors(List.copyOf(parsed));
    }

    /** Where to look for {@code reference}, in order: the mirrors of its registry, then the registry itself. */
    public List<Reference> candidates(Reference reference) {
        List<Reference> candidates = new ArrayList<>();
        for (Mirror mirror : mirrors) {
            if (mirror.registry().equals(reference.registry())) {
                String repository = mirror.prefix().isEmpty()
                        ? reference.repository()
                        : mirror.prefix() + "/" + reference.repository();
                candidates.add(new Reference(mirror.host(), repository, reference.tag(), reference.digest()));
            }
        }
        candidates.add(reference);
        return candidates;
    }

    /**
     * {@code attempt} on each candidate in turn until one succeeds: a mirror that fails is passed
     * over with a note (what it left half-done in a layout, the next source resumes); the
     * registry's own failure is the answer.
     */
    public <T> T firstThatWorks(Reference reference, Function<Reference, T> attempt, Consumer<String> notes) {
        List<Reference> candidates = candidates(reference);
        for (Reference candidate : candidates.subList(0, candidates.size() - 1)) {
            try {
                return attempt.apply(candidate);
            } catch (ClientException failure) {
                notes.accept("mirror " + candidate.registry() + " failed (" + failure.getMessage()
                        + "); trying the next source");
            }
        }
        return attempt.apply(reference);
    }

    private record Mirror(String registry, String host, String prefix) {}
}
