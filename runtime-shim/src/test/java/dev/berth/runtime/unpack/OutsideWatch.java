package dev.berth.runtime.unpack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything under a scratch directory except the rootfs being unpacked, with each path's type,
 * mode, owner and mtime, and a file's content and link count or a link's target: taken before and
 * after an unpack, equal snapshots prove that nothing was written, linked, removed or had its
 * metadata changed outside the rootfs.
 */
final class OutsideWatch {
    private OutsideWatch() {}

    static Map<String, String> snapshot(Path scratch, Path rootfs) {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(scratch)) {
            paths.filter(p -> !p.startsWith(rootfs))
                    .forEach(p -> state.put(scratch.relativize(p).toString(), describe(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return state;
    }

    private static String describe(Path path) {
        try {
            return metadata(path) + " " + content(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String metadata(Path path) throws IOException {
        Map<String, Object> attributes =
                Files.readAttributes(path, "unix:mode,uid,gid,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
        return Integer.toOctalString((int) attributes.get("mode")) + " " + attributes.get("uid") + ":"
                + attributes.get("gid") + " " + attributes.get("lastModifiedTime");
    }

    private static String content(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            return "link " + Files.readSymbolicLink(path);
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return "dir";
        }
        return "file nlink=" + Files.getAttribute(path, "unix:nlink", LinkOption.NOFOLLOW_LINKS) + " "
                + Files.readString(path);
    }
}
