package dev.berth.registry.gc;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.Manifest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One repository's manifests and what they reference, as read during the mark phase. A manifest
 * is live when a tag points at it, when a live index lists it, when it refers to a live subject
 * (a signature or SBOM stays with its image) or, unless untagged manifests are collected, always.
 * An empty manifest stands for content older registries took without validation: it is kept
 * like any other, and references nothing Berth can see.
 */
record RepositoryGraph(String repository, Map<Digest, Optional<Manifest>> manifests, Collection<Digest> tagged) {

    /** The manifests kept: with {@code deleteUntagged}, those reachable from a tag; otherwise all. */
    Set<Digest> liveManifests(boolean deleteUntagged) {
        Map<Digest, List<Digest>> referrers = referrers();
        Set<Digest> live = new HashSet<>();
        Deque<Digest> pending = new ArrayDeque<>(deleteUntagged ? tagged : manifests.keySet());
        while (!pending.isEmpty()) {
            Digest digest = pending.pop();
            if (!live.add(digest)) {
                continue;
            }
            manifest(digest).ifPresent(manifest -> manifest.manifests().forEach(child -> pending.push(child.digest())));
            referrers.getOrDefault(digest, List.of()).forEach(pending::push);
        }
        return live;
    }

    /** Every blob a live manifest holds on to: its own content, its config and layers, its children, its subject. */
    Set<Digest> referencedBlobs(Set<Digest> live) {
        Set<Digest> blobs = new HashSet<>();
        for (Digest digest : live) {
            blobs.add(digest);
            manifest(digest).ifPresent(manifest -> {
                manifest.requiredBlobs().stream().map(Descriptor::digest).forEach(blobs::add);
                manifest.manifests().stream().map(Descriptor::digest).forEach(blobs::add);
                if (manifest.subject() != null) {
                    blobs.add(manifest.subject().digest());
                }
            });
        }
        return blobs;
    }

    /** The subject a manifest refers to, if any. */
    Optional<Digest> subjectOf(Digest digest) {
        return manifest(digest).map(Manifest::subject).map(Descriptor::digest);
    }

    private Optional<Manifest> manifest(Digest digest) {
        return manifests.getOrDefault(digest, Optional.empty());
    }

    private Map<Digest, List<Digest>> referrers() {
        Map<Digest, List<Digest>> referrers = new HashMap<>();
        for (Digest digest : manifests.keySet()) {
            subjectOf(digest)
                    .ifPresent(subject -> referrers
                            .computeIfAbsent(subject, s -> new ArrayList<>())
                            .add(digest));
        }
        return referrers;
    }
}
