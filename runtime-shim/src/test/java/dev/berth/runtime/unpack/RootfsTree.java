package dev.berth.runtime.unpack;

import dev.berth.oci.Digest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A root filesystem reduced to what two unpackers must agree on: per path its type, mode, owner,
 * link target or content digest, and the other paths it is hard-linked with.
 */
final class RootfsTree {
    private RootfsTree() {}

    static Map<String, String> describe(Path rootfs) {
        Map<String, String> tree = new TreeMap<>();
        Map<Object, TreeSet<String>> byInode = new HashMap<>();
        try (Stream<Path> paths = Files.walk(rootfs)) {
            paths.filter(p -> !p.equals(rootfs)).forEach(p -> {
                String name = rootfs.relativize(p).toString();
                tree.put(name, entry(p));
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    byInode.computeIfAbsent(attribute(p, "unix:ino"), ino -> new TreeSet<>())
                            .add(name);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byInode.values().stream()
                .filter(names -> names.size() > 1)
                .forEach(names ->
                        names.forEach(name -> tree.compute(name, (n, entry) -> entry + " linked with " + names)));
        return tree;
    }

    private static String entry(Path path) {
        String owner = attribute(path, "unix:uid") + ":" + attribute(path, "unix:gid");
        try {
            if (Files.isSymbolicLink(path)) {
                return "symlink " + owner + " -> " + Files.readSymbolicLink(path);
            }
            String mode = Integer.toOctalString((int) attribute(path, "unix:mode") & 07777);
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                return "dir " + mode + " " + owner;
            }
            return "file " + mode + " " + owner + " " + Digest.sha256(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object attribute(Path path, String name) {
        try {
            return Files.getAttribute(path, name, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
