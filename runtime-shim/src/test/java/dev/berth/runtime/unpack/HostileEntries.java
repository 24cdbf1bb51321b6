package dev.berth.runtime.unpack;

import dev.berth.runtime.unpack.HostileEntry.Kind;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generates stacks of hostile layers from a small alphabet over a few names, so that entries often
 * meet: directories, files, symbolic links (into the root, climbing above it with {@code ..}, at
 * the victim by absolute and by relative path), hard links (also at the victim), whiteouts and
 * opaque markers, in any order, with random modes, mtimes and owners.
 */
final class HostileEntries {
    private static final List<String> PLAIN_NAMES = List.of("a", "b", "a/b", "a/b/c", "/a/b", "./b");
    private static final List<String> WHITEOUT_NAMES =
            List.of(".wh.a", ".wh.b", "a/.wh.b", "a/b/.wh.c", ".wh..wh..opq", "a/.wh..wh..opq", "b/.wh..wh..opq");
    /** Names the unpacker must refuse. */
    private static final List<String> CLIMBING_NAMES = List.of("../c", "a/../../c", "a/.wh...");

    /** The victim by absolute path and by relative path climbing out of the rootfs. */
    private static final List<String> VICTIM_TARGETS = List.of(
            VictimScene.VICTIM,
            VictimScene.VICTIM + "/a",
            VictimScene.VICTIM + "/a/b/c",
            VictimScene.VICTIM + "/link",
            VictimScene.UP + "/victim",
            VictimScene.UP + "/victim/a",
            VictimScene.UP + "/victim/b");
    /** Inside the root, climbing above it, absolute (the container's root), and the scratch directory. */
    private static final List<String> OTHER_TARGETS = List.of(
            "a",
            "b",
            "a/b",
            ".",
            "..",
            "../..",
            "../a",
            "../../../../../../../..",
            "/",
            "/a",
            "/b",
            VictimScene.UP,
            VictimScene.VICTIM + "/..");

    private static final List<String> HARD_LINK_SOURCES = List.of("a", "b", "a/b", "a/b/c", "/a/b", "b/c");
    /** Hard link sources the unpacker must refuse: none is a file in the image. */
    private static final List<String> OUTSIDE_SOURCES =
            List.of(VictimScene.VICTIM + "/b/c", "../victim/b/c", "a/../../victim/b/c");

    private HostileEntries() {}

    /** One to three layers, bottom first, of one to ten entries each. */
    static Arbitrary<List<List<HostileEntry>>> layers() {
        return entry().list().ofMinSize(1).ofMaxSize(10).list().ofMinSize(1).ofMaxSize(3);
    }

    private static Arbitrary<HostileEntry> entry() {
        return Combinators.combine(kinds(), names(), metadata())
                .flatAs((kind, name, meta) -> link(kind)
                        .map(link -> new HostileEntry(kind, name, link, meta.get1(), meta.get2(), meta.get3())));
    }

    /**
     * Files and hard links less often: the unpacker refuses an entry below a file and a hard link
     * to a name that is no file yet, and one refused entry spoils the whole stack.
     */
    private static Arbitrary<Kind> kinds() {
        return Arbitraries.frequency(
                        Tuple.of(8, Kind.DIRECTORY),
                        Tuple.of(8, Kind.SYMLINK),
                        Tuple.of(3, Kind.FILE),
                        Tuple.of(1, Kind.HARD_LINK))
                .withoutEdgeCases();
    }

    /** Refused names rarely, for the same reason. */
    private static Arbitrary<String> names() {
        return Arbitraries.frequencyOf(
                Tuple.of(300, Arbitraries.of(PLAIN_NAMES)),
                Tuple.of(80, Arbitraries.of(WHITEOUT_NAMES)),
                Tuple.of(1, rare(CLIMBING_NAMES)));
    }

    private static Arbitrary<String> link(Kind kind) {
        return switch (kind) {
            // Mostly at the victim: a link there turning up after entries below its name is the attack.
            case SYMLINK ->
                Arbitraries.frequencyOf(
                        Tuple.of(2, Arbitraries.of(VICTIM_TARGETS)), Tuple.of(1, Arbitraries.of(OTHER_TARGETS)));
            case HARD_LINK ->
                Arbitraries.frequencyOf(
                        Tuple.of(10, Arbitraries.of(HARD_LINK_SOURCES)), Tuple.of(1, rare(OUTSIDE_SOURCES)));
            default -> Arbitraries.just("");
        };
    }

    /** Without edge cases, which jqwik would mix in often, so that these stay rare. */
    private static Arbitrary<String> rare(List<String> values) {
        return Arbitraries.of(values).withoutEdgeCases();
    }

    /** Mode, mtime in seconds and owner (uid and gid alike), none equal to the victim's. */
    private static Arbitrary<Tuple.Tuple3<Integer, Long, Integer>> metadata() {
        return Combinators.combine(
                        Arbitraries.of(0, 0555, 0600, 0700, 0755, 0777, 01777, 04755, 02711),
                        Arbitraries.of(0L, 1_000_000_000L, 1_700_000_000L, 2_100_000_000L),
                        Arbitraries.of(0, 1000, 65534))
                .as(Tuple::of);
    }
}
