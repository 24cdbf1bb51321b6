package dev.berth.runtime.unpack;

import dev.berth.runtime.layout.ImageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Resolves paths inside a root filesystem the way the container will see them, as if the root
 * were {@code /}: a symbolic link met on the way is followed with absolute targets taken from the
 * root and {@code ..} stopping at the root. The resolved path therefore never leaves the root and
 * holds no symbolic link, so whatever is then written there stays inside.
 */
final class ConfinedRoot {
    /** The same bound the Linux kernel puts on symbolic links followed in one lookup. */
    private static final int MAX_LINKS = 40;

    private final Path root;

    ConfinedRoot(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /**
     * The directory an entry's parent names, created (0755, like other unpackers) where missing.
     */
    Path directory(EntryName name) throws IOException {
        Path dir = resolve(name.components());
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            createDirectories(dir);
        } else if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new ImageException(
                    "layer writes below " + EntryName.quoted(name.toString()) + ", which is not a directory");
        }
        return dir;
    }

    /** The path an entry names, its last component itself (not followed when a link). */
    Path entry(EntryName name) throws IOException {
        return directory(name.parent()).resolve(name.base());
    }

    /**
     * The path an entry names as the root is now: its parents followed inside the root, its last
     * component itself. Unlike {@link #entry} nothing is created, so where a parent is missing or
     * no directory the path names nothing.
     */
    Path located(EntryName name) throws IOException {
        return resolve(name.parent().components()).resolve(name.base());
    }

    /** Every component followed, including a last one that is a link. */
    Path resolve(List<String> components) throws IOException {
        Deque<String> todo = new ArrayDeque<>(components);
        List<String> resolved = new ArrayList<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String component = todo.removeFirst();
            if (component.isEmpty() || component.equals(".")) {
                continue;
            }
            if (component.equals("..")) {
                if (!resolved.isEmpty()) {
                    resolved.remove(resolved.size() - 1);
                }
                continue;
            }
            Path candidate = join(resolved).resolve(component);
            if (Files.isSymbolicLink(candidate)) {
                if (++links > MAX_LINKS) {
                    throw new ImageException("too many symbolic links below " + String.join("/", components));
                }
                String target = Files.readSymbolicLink(candidate).toString();
                if (target.startsWith("/")) {
                    resolved.clear();
                }
                List<String> targetComponents = Arrays.asList(target.split("/"));
                for (int i = targetComponents.size() - 1; i >= 0; i--) {
                    todo.addFirst(targetComponents.get(i));
                }
            } else {
                resolved.add(component);
            }
        }
        return join(resolved);
    }

    private Path join(List<String> components) {
        Path path = root;
        for (String component : components) {
            path = path.resolve(component);
        }
        return path;
    }

    private void createDirectories(Path dir) throws IOException {
        Path parent = dir.getParent();
        if (!dir.equals(root) && parent != null && !Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
            createDirectories(parent);
        }
        Files.createDirectory(dir);
        Files.setAttribute(dir, "unix:mode", 0755, LinkOption.NOFOLLOW_LINKS);
    }
}
