package dev.berth.runtime.unpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.berth.oci.Digest;
import dev.berth.runtime.LocalImage;
import dev.berth.runtime.TestLayouts;
import dev.berth.runtime.layout.ImageException;
import dev.berth.testkit.image.LayerBlob;
import dev.berth.testkit.image.LayerTar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Layers of files, directories, symbolic links and whiteouts, generated and applied both by the
 * unpacker and by a model of image-spec layer.md written here: an entry adds or replaces what is
 * at its path (a directory over a directory keeps its contents), {@code .wh.NAME} removes NAME,
 * {@code .wh..wh..opq} empties its directory of what lower layers put there.
 */
@Label("Unpacking generated layers")
class LayerModelProperties {
    private static final List<String> NAMES = List.of("a", "b", "c");

    /** One change a layer makes; {@code path} is relative, without a trailing slash. */
    record Change(Kind kind, String path, int mode, byte[] content, String target) {
        @Override
        public String toString() {
            return kind + " " + path + (kind == Kind.FILE ? " " + content.length + " bytes" : "")
                    + (target == null ? "" : " -> " + target);
        }
    }

    enum Kind {
        FILE,
        DIRECTORY,
        SYMLINK,
        WHITEOUT,
        OPAQUE
    }

    /** A layer and how it travels: a plain tar, gzip or zstd. */
    record Layer(List<Change> changes, String compression) {}

    @Property
    @Label(
            "the rootfs holds exactly what the layers describe: every file with its content and mode, every directory, every link")
    void unpackedTreeMatchesTheModel(@ForAll("layerStacks") List<Layer> layers) throws IOException {
        Path base = Files.createTempDirectory("berth-model-");
        try {
            Map<String, String> model = new TreeMap<>();
            List<LayerBlob> blobs = new ArrayList<>();
            for (Layer layer : layers) {
                blobs.add(blob(apply(model, layer.changes()), layer.compression()));
            }
            LocalImage image = TestLayouts.write(base.resolve("layout"), blobs);
            Path rootfs = base.resolve("rootfs");

            new Unpacker(false).unpack(TestLayouts.select(image), rootfs);

            assertThat(describe(rootfs)).isEqualTo(model);
        } finally {
            Tree.delete(base);
        }
    }

    @Property
    @Label(
            "a layer stream cut short or with a byte changed (its digest made to match) is unpacked or refused with an ImageException")
    void damagedStreamsAreUnpackedOrRefused(
            @ForAll("layerStacks") List<Layer> layers, @ForAll int where, @ForAll boolean cut, @ForAll byte flip)
            throws IOException {
        Path base = Files.createTempDirectory("berth-damaged-");
        try {
            Map<String, String> model = new TreeMap<>();
            LayerBlob first =
                    blob(apply(model, layers.get(0).changes()), layers.get(0).compression());
            byte[] bytes = first.blob();
            int at = Math.floorMod(where, bytes.length);
            byte[] damaged = cut ? Arrays.copyOf(bytes, at) : bytes.clone();
            if (!cut) {
                damaged[at] ^= flip == 0 ? 1 : flip;
            }
            LocalImage image = TestLayouts.write(
                    base.resolve("layout"), List.of(new LayerBlob(first.mediaType(), first.tar(), damaged)));

            Throwable failure =
                    catchThrowable(() -> new Unpacker(false).unpack(TestLayouts.select(image), base.resolve("rootfs")));

            if (failure != null) {
                assertThat(failure).isInstanceOf(ImageException.class);
            }
        } finally {
            Tree.delete(base);
        }
    }

    /**
     * Writes the changes that make sense over {@code model} into a tar and applies them to the
     * model: a path under a file or link is left out, missing parents are written as directories
     * first, whiteouts name only what lower layers left.
     */
    private static byte[] apply(Map<String, String> model, List<Change> changes) {
        Map<String, String> lower = new TreeMap<>(model);
        List<String> written = new ArrayList<>();
        LayerTar tar = new LayerTar();
        for (Change change : changes) {
            String parent = parent(change.path());
            if (!parent.isEmpty() && !isDirectory(model, parent) && model.containsKey(parent)) {
                continue;
            }
            if (!parent.isEmpty() && !model.containsKey(parent)) {
                if (!parent(parent).isEmpty() && !isDirectory(model, parent(parent))) {
                    continue;
                }
                tar.directory(parent + "/", 0755);
                model.put(parent, "dir 755");
                written.add(parent);
            }
            switch (change.kind()) {
                case FILE -> {
                    removeTree(model, change.path());
                    tar.file(change.path(), change.mode(), change.content());
                    model.put(change.path(), file(change.mode(), change.content()));
                    written.add(change.path());
                }
                case DIRECTORY -> {
                    if (!isDirectory(model, change.path())) {
                        removeTree(model, change.path());
                    }
                    tar.directory(change.path() + "/", change.mode());
                    model.put(change.path(), "dir " + Integer.toOctalString(change.mode()));
                    written.add(change.path());
                }
                case SYMLINK -> {
                    removeTree(model, change.path());
                    tar.symlink(change.path(), change.target());
                    model.put(change.path(), "symlink -> " + change.target());
                    written.add(change.path());
                }
                case WHITEOUT -> {
                    if (lower.containsKey(change.path()) && !touched(written, change.path())) {
                        tar.file(join(parent, ".wh." + name(change.path())), 0644, new byte[0]);
                        removeTree(model, change.path());
                    }
                }
                case OPAQUE -> {
                    if (isDirectory(lower, change.path()) && isDirectory(model, change.path())) {
                        tar.file(join(change.path(), ".wh..wh..opq"), 0644, new byte[0]);
                        String prefix = change.path() + "/";
                        model.keySet().removeIf(path -> path.startsWith(prefix) && !touched(written, path));
                    }
                }
            }
        }
        return tar.toBytes();
    }

    /** Whether this layer wrote {@code path} or anything under it (an opaque whiteout keeps those). */
    private static boolean touched(List<String> written, String path) {
        return written.stream().anyMatch(w -> w.equals(path) || w.startsWith(path + "/"));
    }

    private static void removeTree(Map<String, String> model, String path) {
        model.keySet().removeIf(existing -> existing.equals(path) || existing.startsWith(path + "/"));
    }

    private static boolean isDirectory(Map<String, String> model, String path) {
        String entry = model.get(path);
        return entry != null && entry.startsWith("dir ");
    }

    private static String file(int mode, byte[] content) {
        return "file " + Integer.toOctalString(mode) + " " + Digest.sha256(content);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "/" + name;
    }

    private static LayerBlob blob(byte[] tar, String compression) {
        return switch (compression) {
            case "gzip" -> TestLayouts.gzip(tar);
            case "zstd" -> TestLayouts.zstd(tar);
            default -> LayerBlob.tar(tar);
        };
    }

    /** The rootfs in the model's terms: type, permission bits, content digest or link target. */
    private static Map<String, String> describe(Path rootfs) {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(rootfs)) {
            paths.filter(path -> !path.equals(rootfs)).forEach(path -> {
                String name = rootfs.relativize(path).toString();
                try {
                    if (Files.isSymbolicLink(path)) {
                        tree.put(name, "symlink -> " + Files.readSymbolicLink(path));
                        return;
                    }
                    int mode = (int) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
                    tree.put(
                            name,
                            Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                                    ? "dir " + Integer.toOctalString(mode)
                                    : file(mode, Files.readAllBytes(path)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree;
    }

    @Provide
    Arbitrary<List<Layer>> layerStacks() {
        Arbitrary<String> path =
                Arbitraries.of(NAMES).list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join("/", parts));
        Arbitrary<Change> change = Arbitraries.oneOf(
                Combinators.combine(
                                path,
                                Arbitraries.of(0644, 0755, 0600, 04755, 02711),
                                Arbitraries.bytes().array(byte[].class).ofMaxSize(700))
                        .as((p, mode, content) -> new Change(Kind.FILE, p, mode, content, null)),
                Combinators.combine(path, Arbitraries.of(0755, 0700, 01777))
                        .as((p, mode) -> new Change(Kind.DIRECTORY, p, mode, null, null)),
                Combinators.combine(path, Arbitraries.of("a", "../../etc", "/etc/passwd", "b/c", "."))
                        .as((p, target) -> new Change(Kind.SYMLINK, p, 0777, null, target)),
                path.map(p -> new Change(Kind.WHITEOUT, p, 0, null, null)),
                path.map(p -> new Change(Kind.OPAQUE, p, 0, null, null)));
        Arbitrary<Layer> layer = Combinators.combine(
                        change.list().ofMinSize(1).ofMaxSize(8), Arbitraries.of("tar", "gzip", "zstd"))
                .as(Layer::new);
        return layer.list().ofMinSize(1).ofMaxSize(4);
    }
}
