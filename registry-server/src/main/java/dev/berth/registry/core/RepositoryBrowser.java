package dev.berth.registry.core;

import dev.berth.oci.Digest;
import dev.berth.storage.FileInfo;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the web UI reads that the distribution API does not answer: which manifest each tag points
 * at and since when (the time of the tag's current link), and small blobs such as image configs
 * read whole. Reads only; every name is validated at this door as at the API's.
 */
public final class RepositoryBrowser {
    /**
     * Repositories whose tag targets are remembered: what the UI shows of a repository costs a read
     * and a stat per tag (2,000 requests to S3 for 1,000 tags) while its tags stamp stands still.
     */
    private static final int REMEMBERED_REPOSITORIES = 8;

    private final Store store;
    private final TagService tags;
    private final ListingStamps<TagTarget> targets;

    RepositoryBrowser(Store store, TagService tags) {
        this.store = store;
        this.tags = tags;
        this.targets = new ListingStamps<>(store, RegistryLayout::tagsStamp, REMEMBERED_REPOSITORIES);
    }

    /** A tag, the manifest it points at, and when it was last pointed (pushed). */
    public record TagTarget(String tag, Digest digest, Instant pushed) {}

    /**
     * Every tag of the repository with its target, in tag order; NAME_UNKNOWN when the repository
     * does not exist. A tag deleted while this runs is left out. From memory while the repository's
     * tags stamp is the one they were read under ({@link ListingStamps}: every tag push, untag and
     * manifest delete that removed tags renews it, re-pushing a tag, which moves its time, too).
     */
    public Future<List<TagTarget>> tags(String repository) {
        Validate.repository(repository);
        return targets.list(repository, () -> readTargets(repository));
    }

    /** Links are read in batches, so a repository with thousands of tags never holds the event loop. */
    private Future<List<TagTarget>> readTargets(String repository) {
        return tags.list(repository, null, null)
                .compose(page -> Batches.map(page.items(), name -> target(repository, name)))
                .map(targets -> targets.stream().flatMap(Optional::stream).toList());
    }

    private Future<Optional<TagTarget>> target(String repository, String tag) {
        String link = RegistryLayout.tagCurrentLink(repository, tag);
        Future<Optional<Digest>> digest = store.readIntactLink(link);
        Future<Optional<FileInfo>> info = store.stat(link);
        return Future.all(digest, info)
                .map(v -> digest.result()
                        .map(d -> new TagTarget(
                                tag, d, info.result().map(FileInfo::modified).orElse(null))));
    }

    /**
     * A blob of the repository read whole when it holds it and it is at most {@code limit} bytes;
     * empty otherwise (a config too large to show is not an error of the page).
     */
    public Future<Optional<Buffer>> smallBlob(String repository, String digestText, long limit) {
        Validate.repository(repository);
        Digest digest = Validate.digest(digestText);
        String data = RegistryLayout.blobData(digest);
        return store.exists(RegistryLayout.layerLink(repository, digest))
                .compose(linked -> linked ? store.stat(data) : Future.succeededFuture(Optional.<FileInfo>empty()))
                .compose(info -> info.filter(i -> i.size() <= limit).isPresent()
                        ? store.read(data)
                        : Future.succeededFuture(Optional.<Buffer>empty()));
    }
}
