package dev.berth.registry.core;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.DigestAlgorithm;
import dev.berth.oci.Manifest;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The referrers API: every manifest pushed with a {@code subject} leaves a link under the
 * subject's digest, so that listing the referrers of a manifest reads one directory.
 */
public final class ReferrerService {
    private final Store store;
    private final StoredManifests manifests;

    ReferrerService(Store store, StoredManifests manifests) {
        this.store = store;
        this.manifests = manifests;
    }

    Future<Void> add(String repository, Digest subject, Digest referrer) {
        return store.writeLink(RegistryLayout.referrerLink(repository, subject, referrer), referrer);
    }

    Future<Void> remove(String repository, Digest subject, Digest referrer) {
        return store.deleteIfExists(RegistryLayout.referrerDir(repository, subject, referrer));
    }

    /**
     * The descriptors of the manifests in {@code repository} whose subject is {@code subjectText},
     * filtered by artifact type when one is given. An unknown repository has no referrers rather
     * than being an error: the spec forbids a 404 here, which clients read as "no referrers API".
     */
    public Future<List<Descriptor>> list(String repository, String subjectText, String artifactType) {
        Validate.repository(repository);
        Digest subject = Validate.digest(subjectText);
        return referrerDigests(repository, subject).compose(digests -> {
            List<Future<Descriptor>> descriptors = new ArrayList<>();
            for (Digest digest : digests) {
                descriptors.add(describe(repository, digest));
            }
            return Future.all(descriptors)
                    .map(all -> all.<Descriptor>list().stream()
                            .filter(Objects::nonNull)
                            .filter(d -> artifactType == null || artifactType.equals(d.artifactType()))
                            .sorted(Comparator.comparing(d -> d.digest().toString()))
                            .toList());
        });
    }

    private Future<List<Digest>> referrerDigests(String repository, Digest subject) {
        String dir = RegistryLayout.referrersDir(repository, subject);
        List<Future<List<Digest>>> perAlgorithm = new ArrayList<>();
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            perAlgorithm.add(store.listOrEmpty(dir + "/" + algorithm.id())
                    .map(names -> names.stream()
                            .filter(name -> Digest.isValid(algorithm.id() + ":" + name))
                            .map(name -> Digest.parse(algorithm.id() + ":" + name))
                            .toList()));
        }
        return Future.all(perAlgorithm)
                .map(all ->
                        all.<List<Digest>>list().stream().flatMap(List::stream).toList());
    }

    /** The descriptor the referrers API lists for one referrer; null when it is gone. */
    private Future<Descriptor> describe(String repository, Digest digest) {
        return manifests
                .load(repository, digest)
                .compose(found -> OffLoop.compute(() -> found.flatMap(
                                stored -> StoredManifests.parse(stored).map(manifest -> descriptor(stored, manifest)))
                        .orElse(null)));
    }

    private static Descriptor descriptor(StoredManifest stored, Manifest manifest) {
        return new Descriptor(
                stored.mediaType(),
                stored.digest(),
                stored.content().length(),
                manifest.referrerArtifactType(),
                null,
                manifest.annotations(),
                null);
    }
}
