package dev.berth.registry.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import dev.berth.oci.Names;
import dev.berth.storage.StorageDriver;
import dev.berth.storage.testkit.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The listing index, specified once and run over each storage driver: the catalog and manifest
 * deletion read markers instead of walking the store, and still answer exactly what the
 * registry:2 layout says.
 */
abstract class ListingIndexContract {
    private Vertx vertx;
    private StorageDriver driver;
    private RecordingProxy<StorageDriver> recorded;
    private Registry registry;

    /** A driver over an empty store. */
    abstract StorageDriver createDriver(Vertx vertx) throws Exception;

    /** Releases what {@link #createDriver} set up; the driver is closed already. */
    void destroyDriver() throws Exception {}

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        driver = createDriver(vertx);
        recorded = new RecordingProxy<>(StorageDriver.class, driver);
        registry = replica();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            Await.result(driver.close());
            destroyDriver();
        } finally {
            Await.result(vertx.close());
        }
    }

    /** Another registry over the same store, as a second replica on one bucket is. */
    private Registry replica() {
        return new Registry(recorded.proxy(), RegistryOptions.defaults());
    }

    @Test
    @DisplayName("the catalog lists nested names in lexical order and paginates with n and last")
    void catalogOfNestedNames() {
        for (String repository : List.of("c/d/e", "a", "a/b", "b-c", "a/b/c")) {
            push(registry, repository, "latest", "image of " + repository);
        }

        assertThat(catalog(null, null).items()).containsExactly("a", "a/b", "a/b/c", "b-c", "c/d/e");
        Page first = catalog(2, null);
        assertThat(first.items()).containsExactly("a", "a/b");
        assertThat(first.more()).isTrue();
        Page second = catalog(2, first.lastItem());
        assertThat(second.items()).containsExactly("a/b/c", "b-c");
        Page third = catalog(2, second.lastItem());
        assertThat(third.items()).containsExactly("c/d/e");
        assertThat(third.more()).isFalse();
    }

    @Test
    @DisplayName("a nested name of the longest length the spec allows fits in one catalog marker")
    void longestName() {
        String longest = ("a".repeat(49) + "/").repeat(5) + "b".repeat(5);
        assertThat(longest).hasSize(Names.MAX_REPOSITORY_LENGTH);
        push(registry, longest, "v1", "long");

        assertThat(catalog(null, null).items()).containsExactly(longest);
    }

    @Test
    @DisplayName("listing the catalog reads one directory of markers instead of walking the repositories")
    void catalogReadsMarkers() {
        for (String repository : List.of("team/one", "team/two", "other/deep/name")) {
            push(registry, repository, "v1", "image of " + repository);
        }
        catalog(null, null);
        recorded.clear();

        assertThat(Await.result(replica().catalog().list(null, null)).items())
                .containsExactly("other/deep/name", "team/one", "team/two");

        assertThat(recorded.calls())
                .filteredOn(call -> call.method().equals("list"))
                .extracting(RecordingProxy.Call::argument)
                .containsExactly(RegistryLayout.catalogMarkersDir());
    }

    @Test
    @DisplayName("a catalog read again while no replica added a repository reads the catalog stamp, not the markers")
    void catalogReadAgain() {
        push(registry, "team/one", "v1", "one");
        push(registry, "team/two", "v1", "two");
        // The first listing of a new store completes its index, which renews the stamp.
        catalog(null, null);
        catalog(null, null);
        recorded.clear();

        assertThat(catalog(null, null).items()).containsExactly("team/one", "team/two");

        assertThat(recorded.calls())
                .extracting(RecordingProxy.Call::method, RecordingProxy.Call::argument)
                .containsExactly(Tuple.tuple("read", RegistryLayout.catalogStamp()));
    }

    @Test
    @DisplayName("a repository pushed through another replica shows at once in the catalog of a replica that listed"
            + " before")
    void repositoryAddedByAnotherReplica() {
        push(registry, "app", "v1", "one");
        // The first listing of a new store completes its index, which renews the stamp; the second is remembered.
        catalog(null, null);
        assertThat(catalog(null, null).items()).containsExactly("app");

        push(replica(), "lib", "v1", "two");

        assertThat(catalog(null, null).items()).containsExactly("app", "lib");
    }

    @Test
    @DisplayName("pushing again into a repository this replica marked or listed writes no catalog marker or stamp")
    void knownRepositoryWritesNoMarker() {
        push(registry, "marked", "v1", "one");
        push(replica(), "listed", "v1", "two");
        catalog(null, null);
        recorded.clear();

        push(registry, "marked", "v2", "three");
        push(registry, "listed", "v2", "four");

        assertThat(recorded.calls())
                .extracting(RecordingProxy.Call::argument)
                .noneMatch(path -> path.toString().startsWith(RegistryLayout.catalogMarkersDir())
                        || path.equals(RegistryLayout.catalogStamp()));
        assertThat(Await.result(replica().catalog().list(null, null)).items()).containsExactly("listed", "marked");
    }

    @Test
    @DisplayName("deleting a manifest removes exactly the tags that point at it")
    void deleteRemovesItsTags() {
        Digest doomed = push(registry, "app", "v1", "doomed");
        push(registry, "app", "v1-alias", "doomed");
        push(registry, "app", "v2", "kept");

        delete(registry, "app", doomed);

        assertThat(tags("app")).containsExactly("v2");
        assertThat(Await.result(driver.list(RegistryLayout.tagsDir("app")))).containsExactly("v2");
        assertThat(exists(RegistryLayout.taggedByDir("app", doomed))).isFalse();
    }

    @Test
    @DisplayName("deleting a manifest reads the links of its own tags only")
    void deleteReadsOnlyItsTags() {
        Digest doomed = push(registry, "app", "v1", "doomed");
        push(registry, "app", "v1-alias", "doomed");
        for (int i = 0; i < 20; i++) {
            push(registry, "app", "other-" + i, "kept");
        }
        recorded.clear();

        delete(registry, "app", doomed);

        assertThat(tags("app")).hasSize(20).doesNotContain("v1", "v1-alias");
        assertThat(recorded.calls())
                .filteredOn(call -> call.method().equals("read")
                        && call.argument().toString().contains("/_manifests/tags/"))
                .extracting(RecordingProxy.Call::argument)
                .containsExactlyInAnyOrder(
                        RegistryLayout.tagCurrentLink("app", "v1"), RegistryLayout.tagCurrentLink("app", "v1-alias"));
    }

    @Test
    @DisplayName(
            "a store that registry:2 wrote, without any index, is listed and deleted from correctly after a rebuild")
    void rebuildsFromTheLayout() {
        Digest first = writeLikeRegistry2("lib/one", "first", "1.0", "latest");
        writeLikeRegistry2("lib/one", "second", "2.0");
        writeLikeRegistry2("tools", "tool", "stable");

        assertThat(catalog(null, null).items()).containsExactly("lib/one", "tools");
        delete(registry, "lib/one", first);

        assertThat(tags("lib/one")).containsExactly("2.0");
        assertThat(tags("tools")).containsExactly("stable");
        assertThat(exists(RegistryLayout.catalogIndexComplete())).isTrue();
        assertThat(exists(RegistryLayout.taggedByIndexComplete("lib/one"))).isTrue();
    }

    @Test
    @DisplayName("a repository that registry:2 filled and Berth then pushed to is rebuilt before a delete")
    void pushIntoRegistry2Repository() {
        Digest old = writeLikeRegistry2("lib", "old", "1.0", "stable");
        push(registry, "lib", "2.0", "new");

        delete(registry, "lib", old);

        assertThat(tags("lib")).containsExactly("2.0");
    }

    @Test
    @DisplayName("a repository pushed by another replica after the rebuild is listed at once")
    void pushAfterRebuild() {
        writeLikeRegistry2("old", "old", "v1");
        assertThat(catalog(null, null).items()).containsExactly("old");

        push(replica(), "new/one", "v1", "new");

        assertThat(catalog(null, null).items()).containsExactly("new/one", "old");
    }

    @Test
    @DisplayName("a stale marker, left by a tag that moved to another manifest, does not delete the moved tag")
    void staleMarkerAfterMove() {
        Digest before = push(registry, "app", "latest", "before");
        Digest after = push(registry, "app", "latest", "after");
        assertThat(exists(RegistryLayout.taggedByMarker("app", before, "latest")))
                .isTrue();

        delete(registry, "app", before);

        assertThat(resolve("app", "latest")).contains(after);
        assertThat(exists(RegistryLayout.taggedByDir("app", before))).isFalse();
    }

    @Test
    @DisplayName("a marker written just before a crash, whose tag link never followed, deletes nothing")
    void markerWithoutLink() {
        Digest target = push(registry, "app", "v1", "target");
        push(registry, "app", "v2", "other");
        Await.result(driver.write(RegistryLayout.taggedByMarker("app", target, "v2"), Buffer.buffer()));

        delete(registry, "app", target);

        assertThat(tags("app")).containsExactly("v2");
    }

    @Test
    @DisplayName("tags moved concurrently by two replicas end with every tag found from the manifest it points at")
    void concurrentMoves() {
        Registry other = replica();
        Digest a = push(registry, "app", "seed-a", "a");
        Digest b = push(registry, "app", "seed-b", "b");
        List<Future<PushedManifest>> moves = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            for (int tag = 0; tag < 8; tag++) {
                boolean even = (round + tag) % 2 == 0;
                moves.add(put(even ? registry : other, "app", "t" + tag, even ? "a" : "b"));
                moves.add(put(even ? other : registry, "app", "t" + tag, even ? "b" : "a"));
            }
        }
        Await.result(Future.all(moves));
        List<String> onB = new ArrayList<>();
        for (String tag : tags("app")) {
            if (resolve("app", tag).orElseThrow().equals(b)) {
                onB.add(tag);
            }
        }

        delete(other, "app", a);

        assertThat(tags("app")).containsExactlyInAnyOrderElementsOf(onB);
        for (String tag : onB) {
            assertThat(resolve("app", tag)).contains(b);
        }
    }

    @Test
    @DisplayName(
            "a tags list read again while no replica changed the tags reads the tags stamp, not the tags directory")
    void tagsListReadAgain() {
        push(registry, "app", "v1", "one");
        push(registry, "app", "v2", "two");
        tags("app");
        recorded.clear();

        assertThat(tags("app")).containsExactly("v1", "v2");

        assertThat(recorded.calls())
                .extracting(RecordingProxy.Call::method, RecordingProxy.Call::argument)
                .containsExactly(Tuple.tuple("read", RegistryLayout.tagsStamp("app")));
    }

    @Test
    @DisplayName("the tags and their targets that the UI shows, read again while no replica changed the tags, read the"
            + " tags stamp only")
    void tagTargetsReadAgain() {
        push(registry, "app", "v1", "one");
        push(registry, "app", "v2", "two");
        targets("app");
        recorded.clear();

        assertThat(targets("app")).extracting(RepositoryBrowser.TagTarget::tag).containsExactly("v1", "v2");

        assertThat(recorded.calls())
                .extracting(RecordingProxy.Call::method, RecordingProxy.Call::argument)
                .containsExactly(Tuple.tuple("read", RegistryLayout.tagsStamp("app")));
    }

    @Test
    @DisplayName("a tag moved or deleted through another replica shows at once in the targets the UI shows")
    void tagTargetsAfterAnotherReplica() {
        Registry other = replica();
        push(registry, "app", "v1", "one");
        push(registry, "app", "v2", "two");
        targets("app");

        Digest moved = push(other, "app", "v1", "three");
        assertThat(targets("app"))
                .extracting(RepositoryBrowser.TagTarget::tag, RepositoryBrowser.TagTarget::digest)
                .contains(Tuple.tuple("v1", moved));

        Await.result(other.manifests().delete("app", "v2"));
        assertThat(targets("app")).extracting(RepositoryBrowser.TagTarget::tag).containsExactly("v1");
    }

    @Test
    @DisplayName("a tag pushed, moved or deleted through another replica shows at once in the tags list of a replica"
            + " that listed before")
    void tagChangesByAnotherReplica() {
        Registry other = replica();
        Digest first = push(registry, "app", "v1", "one");
        assertThat(tags("app")).containsExactly("v1");

        push(other, "app", "v2", "two");
        assertThat(tags("app")).containsExactly("v1", "v2");

        push(other, "app", "v1", "two");
        assertThat(resolve("app", "v1")).isNotEqualTo(Optional.of(first));
        assertThat(tags("app")).containsExactly("v1", "v2");

        Await.result(other.manifests().delete("app", "v2"));
        assertThat(tags("app")).containsExactly("v1");

        Digest third = push(other, "app", "v3", "three");
        assertThat(tags("app")).containsExactly("v1", "v3");
        delete(other, "app", third);
        assertThat(tags("app")).containsExactly("v1");
    }

    @Test
    @DisplayName("a repository that registry:2 filled, without a tags stamp, is listed afresh each time")
    void registry2RepositoryListedAfresh() {
        writeLikeRegistry2("lib", "old", "1.0");
        assertThat(tags("lib")).containsExactly("1.0");

        writeLikeRegistry2("lib", "newer", "2.0");

        assertThat(tags("lib")).containsExactly("1.0", "2.0");
        assertThat(exists(RegistryLayout.tagsStamp("lib"))).isFalse();
    }

    private Digest push(Registry target, String repository, String tag, String label) {
        return Await.result(put(target, repository, tag, label)).digest();
    }

    private static Future<PushedManifest> put(Registry target, String repository, String tag, String label) {
        return target.manifests().put(repository, tag, index(label), MediaTypes.OCI_INDEX);
    }

    /** An image index with no children: valid, and distinct for every label. */
    private static Buffer index(String label) {
        return Buffer.buffer("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX
                + "\",\"manifests\":[],\"annotations\":{\"label\":\"" + label + "\"}}");
    }

    /** What registry:2 leaves for a tagged manifest: the blob and the links, and nothing of Berth's. */
    private Digest writeLikeRegistry2(String repository, String label, String... tags) {
        Buffer content = index(label);
        Digest digest = Digest.sha256(content.getBytes());
        Await.result(driver.write(RegistryLayout.blobData(digest), content));
        Await.result(driver.write(RegistryLayout.revisionLink(repository, digest), Buffer.buffer(digest.toString())));
        for (String tag : tags) {
            Await.result(
                    driver.write(RegistryLayout.tagCurrentLink(repository, tag), Buffer.buffer(digest.toString())));
            Await.result(driver.write(
                    RegistryLayout.tagIndexLink(repository, tag, digest), Buffer.buffer(digest.toString())));
        }
        return digest;
    }

    private static void delete(Registry target, String repository, Digest digest) {
        Await.result(target.manifests().delete(repository, digest.toString()));
    }

    private Page catalog(Integer n, String last) {
        return Await.result(registry.catalog().list(n, last));
    }

    private List<RepositoryBrowser.TagTarget> targets(String repository) {
        return Await.result(registry.browser().tags(repository));
    }

    private List<String> tags(String repository) {
        return Await.result(registry.tags().list(repository, null, null)).items();
    }

    private Optional<Digest> resolve(String repository, String tag) {
        return Await.result(registry.tags().resolve(repository, tag));
    }

    private boolean exists(String path) {
        return Await.result(new Store(driver).exists(path));
    }
}
