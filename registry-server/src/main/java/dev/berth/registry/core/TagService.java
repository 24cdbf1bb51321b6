package dev.berth.registry.core;

import dev.berth.oci.Digest;
import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.oci.Names;
import dev.berth.storage.FileInfo;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tags: registry:2's {@code current/link} and {@code index/…/link} under {@code _manifests/tags/<tag>},
 * and the {@link TaggedByIndex} that finds the tags of a manifest without reading them all.
 */
public final class TagService {
    private final Store store;
    private final TaggedByIndex taggedBy;
    /**
     * The look at each repository's index that this process took on its first push there: once is
     * enough, and concurrent first pushes wait for it rather than fill the repository meanwhile.
     */
    private final Map<String, Future<Void>> examined = new ConcurrentHashMap<>();
    /** Repositories with thousands of tags are listed over and over by CI systems and mirrors. */
    private final ListingMemo sortedTags = new ListingMemo(64);
    /** Answers those listings from memory while no replica changed the tags. */
    private final ListingStamps<String> stamps;

    TagService(Store store, TaggedByIndex taggedBy) {
        this.store = store;
        this.taggedBy = taggedBy;
        this.stamps = new ListingStamps<>(store, RegistryLayout::tagsStamp, 64);
    }

    /**
     * The tags of a repository, one page of them; NAME_UNKNOWN when the repository does not exist.
     * Read from memory while the repository's tags stamp is the one this process listed under
     * ({@link ListingStamps}); otherwise listed. A repository with tags exists, so only a listing
     * that finds none asks whether the repository does.
     */
    public Future<Page> list(String repository, Integer n, String last) {
        Validate.repository(repository);
        return stamps.list(repository, () -> listFresh(repository)).map(sorted -> Page.ofSorted(sorted, n, last));
    }

    /** The sorted tags as the layout lists them; NAME_UNKNOWN when the repository does not exist. */
    private Future<List<String>> listFresh(String repository) {
        return store.listOrEmpty(RegistryLayout.tagsDir(repository)).compose(listed -> {
            if (!listed.isEmpty()) {
                return Future.succeededFuture(sortedTags.derive(repository, listed, TagService::sortedTagNames));
            }
            return store.listOrEmpty(RegistryLayout.repository(repository))
                    .map(RegistryLayout::isRepository)
                    .compose(exists -> exists
                            ? Future.succeededFuture(List.<String>of())
                            : Future.failedFuture(new DistributionException(
                                    ErrorCode.NAME_UNKNOWN,
                                    "repository name not known to registry: " + repository,
                                    Map.of("name", repository))));
        });
    }

    private Future<List<String>> names(String repository) {
        return store.listOrEmpty(RegistryLayout.tagsDir(repository))
                .map(children -> children.stream().filter(Names::isTag).toList());
    }

    private static List<String> sortedTagNames(List<String> children) {
        return children.stream().filter(Names::isTag).sorted().toList();
    }

    /** When the tag was last pointed at a manifest (or pointed again at the same one); empty when there is no such tag. */
    public Future<Optional<Instant>> taggedAt(String repository, String tag) {
        Validate.repository(repository);
        if (!Names.isTag(tag)) {
            return Future.succeededFuture(Optional.empty());
        }
        return store.stat(RegistryLayout.tagCurrentLink(repository, tag)).map(found -> found.map(FileInfo::modified));
    }

    Future<Optional<Digest>> resolve(String repository, String tag) {
        return store.readLink(RegistryLayout.tagCurrentLink(repository, tag));
    }

    /**
     * Points the tag at the manifest: the tagged-by marker first, so a tag is always found from its
     * manifest; then the current link, so a listed tag always resolves; then, beside registry:2's
     * history link, a new tags stamp, so that every replica lists the tag from then on.
     */
    Future<Void> tag(String repository, String tag, Digest digest) {
        return indexFromTheStart(repository)
                .compose(v -> taggedBy.add(repository, tag, digest))
                .compose(v -> store.writeLink(RegistryLayout.tagCurrentLink(repository, tag), digest))
                .compose(v -> Future.all(
                                store.writeLink(RegistryLayout.tagIndexLink(repository, tag, digest), digest),
                                stamps.renew(repository))
                        .mapEmpty());
    }

    /**
     * Marks the index of a repository that has no tag yet complete, so that it never needs a
     * rebuild: every tag it will hold is written with its marker. A repository that already has
     * tags without a complete index (filled by registry:2) is rebuilt on its first manifest delete.
     */
    private Future<Void> indexFromTheStart(String repository) {
        return examined.computeIfAbsent(
                repository,
                name -> taggedBy.isComplete(name)
                        .compose(complete -> complete
                                ? Future.succeededFuture()
                                : names(name)
                                        .compose(tags -> tags.isEmpty()
                                                ? taggedBy.markComplete(name)
                                                : Future.succeededFuture()))
                        .onFailure(e -> examined.remove(name)));
    }

    /**
     * Removes a tag; answers whether it existed. A tag is its current link, not its directory: an
     * object store deletes a tree object by object, and a crash halfway may leave index links alone.
     */
    Future<Boolean> untag(String repository, String tag) {
        String dir = RegistryLayout.tagDir(repository, tag);
        return store.exists(RegistryLayout.tagCurrentLink(repository, tag))
                .compose(exists -> exists
                        ? store.delete(dir)
                                .compose(v -> stamps.renew(repository))
                                .map(true)
                        : Future.succeededFuture(false));
    }

    /**
     * Removes every tag whose current link points at {@code digest}: the tags its markers name,
     * each checked against its current link, so a marker left by a tag that has moved on never
     * removes the tag.
     */
    Future<Void> untagAll(String repository, Digest digest) {
        return taggedBy.isComplete(repository)
                .compose(complete -> complete ? Future.succeededFuture() : rebuildIndex(repository))
                .compose(v -> taggedBy.candidates(repository, digest))
                .compose(candidates -> Batches.map(
                        candidates,
                        tag -> resolve(repository, tag)
                                .compose(target -> target.filter(digest::equals).isPresent()
                                        ? store.deleteIfExists(RegistryLayout.tagDir(repository, tag))
                                                .map(true)
                                        : Future.succeededFuture(false))))
                .compose(removed -> removed.contains(true) ? stamps.renew(repository) : Future.succeededFuture())
                .compose(v -> taggedBy.forget(repository, digest));
    }

    /**
     * Writes the marker of every tag from its current link, once per repository that registry:2
     * filled. Replicas may rebuild at once: markers are idempotent, the completion mark last.
     */
    private Future<Void> rebuildIndex(String repository) {
        return names(repository)
                .compose(tags -> Batches.forEach(
                        tags,
                        tag -> resolve(repository, tag)
                                .compose(target -> target.map(digest -> taggedBy.add(repository, tag, digest))
                                        .orElseGet(Future::succeededFuture))))
                .compose(v -> taggedBy.markComplete(repository));
    }
}
