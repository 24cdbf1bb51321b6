package dev.berth.runtime.unpack;

import dev.berth.runtime.layout.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Applies one layer's tar stream to a root filesystem as image-spec layer.md says: entries are
 * added or replace what was there (whatever its type), {@code .wh.NAME} removes NAME and
 * {@code .wh..wh..opq} empties its directory of what lower layers put there. Every path goes
 * through {@link ConfinedRoot} right before it is used, never earlier (a later entry may have
 * turned a parent into a link since), so nothing is written outside the root.
 */
final class LayerApplier {
    static final String WHITEOUT_PREFIX = ".wh.";
    static final String OPAQUE = ".wh..wh..opq";

    private final ConfinedRoot root;
    private final Metadata metadata;
    /** What this layer wrote: an opaque whiteout must spare it. */
    private final Set<Path> written = new HashSet<>();
    /** Directories get their mode and mtime once their contents are in, or a 0555 dir would refuse them. */
    private final List<Deferred> directories = new ArrayList<>();

    private final List<String> skipped = new ArrayList<>();

    LayerApplier(ConfinedRoot root, Metadata metadata) {
        this.root = root;
        this.metadata = metadata;
    }

    /** @return the entries left out (device nodes and fifos, which a layer may not create here) */
    List<String> apply(InputStream tarStream) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(tarStream, "UTF-8");
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            apply(entry, tar);
        }
        // Last entry first, so that a directory gets its mode after its subdirectories; of a directory
        // listed twice only the later entry counts, as with any other entry that replaces an earlier one.
        Set<Object> done = new HashSet<>();
        for (int i = directories.size() - 1; i >= 0; i--) {
            if (done.add(directories.get(i).fileKey())) {
                applyDeferred(directories.get(i));
            }
        }
        return List.copyOf(skipped);
    }

    private void apply(TarArchiveEntry entry, InputStream content) throws IOException {
        EntryName name = EntryName.parse(entry.getName());
        if (name.isRoot()) {
            return;
        }
        if (name.base().equals(OPAQUE)) {
            emptyOpaque(root.directory(name.parent()));
            return;
        }
        if (name.base().startsWith(WHITEOUT_PREFIX)) {
            remove(name);
            return;
        }
        // Before isFile(): commons-compress counts every entry that is no directory as a file,
        // device nodes and fifos too, which would then become empty regular files.
        if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
            skipped.add(name + " (" + kind(entry) + ")");
            return;
        }
        Path target = root.entry(name);
        if (entry.isDirectory()) {
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                Tree.delete(target);
                Files.createDirectory(target);
            }
            directories.add(new Deferred(name, fileKey(target), entry));
        } else if (entry.isSymbolicLink()) {
            Tree.delete(target);
            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
            metadata.apply(target, entry);
        } else if (entry.isLink()) {
            Path source = linkSource(entry);
            if (!source.equals(target)) {
                Tree.delete(target);
                Files.createLink(target, source);
            }
        } else {
            Tree.delete(target);
            Files.copy(content, target);
            metadata.apply(target, entry);
        }
        written.add(target);
    }

    /**
     * Later entries may have replaced the directory or one of its parents (by a symbolic link to
     * outside, say), so the path it had then may lead elsewhere now. Its name is therefore
     * resolved again inside the root, and it gets its metadata only if the very directory this
     * layer made or kept is still found there; otherwise the later entry has won.
     */
    private void applyDeferred(Deferred directory) throws IOException {
        Path path;
        try {
            path = root.located(directory.name());
        } catch (ImageException linkLoop) {
            // A later entry made a parent a loop of links (a -> a): the directory is not there any more.
            return;
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) && fileKey(path).equals(directory.fileKey())) {
            metadata.apply(path, directory.entry());
        }
    }

    /** What identifies a file on its file system (device and inode on Linux), its last component not followed. */
    private static Object fileKey(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .fileKey();
    }

    /** A hard link's source, resolved inside the root like any other path and never a directory. */
    private Path linkSource(TarArchiveEntry entry) throws IOException {
        EntryName sourceName = EntryName.parse(entry.getLinkName());
        if (sourceName.isRoot()) {
            throw new ImageException("hard link " + EntryName.quoted(entry.getName()) + " points at the root");
        }
        Path source = root.located(sourceName);
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new ImageException("hard link " + EntryName.quoted(entry.getName()) + " points at "
                    + EntryName.quoted(entry.getLinkName()) + ", which is no file in the image");
        }
        return source;
    }

    private void remove(EntryName whiteout) throws IOException {
        String hidden = whiteout.base().substring(WHITEOUT_PREFIX.length());
        EntryName.parse(hidden); // refuses ".." and NUL like any other name
        if (hidden.isEmpty() || hidden.equals(".")) {
            throw new ImageException("whiteout " + EntryName.quoted(whiteout.toString()) + " names no file");
        }
        Path dir = root.resolve(whiteout.parent().components());
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Tree.delete(dir.resolve(hidden));
        }
    }

    /**
     * Removes what lower layers put in {@code dir}. What this layer wrote stays, also when the opaque
     * entry comes after it in the tar (layer.md: a whiteout applies only to lower layers); a directory
     * this layer wrote or wrote into stays emptied of what lower layers put in it, as overlayfs shows it.
     */
    private void emptyOpaque(Path dir) throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                boolean wroteIt = written.contains(child);
                boolean wroteInto = written.stream().anyMatch(path -> !path.equals(child) && path.startsWith(child));
                if ((wroteIt || wroteInto) && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    emptyOpaque(child);
                } else if (!wroteIt) {
                    Tree.delete(child);
                }
            }
        }
    }

    private static String kind(TarArchiveEntry entry) {
        if (entry.isCharacterDevice()) {
            return "character device";
        }
        return entry.isBlockDevice() ? "block device" : "fifo";
    }

    /** A directory entry by name and by the identity of the directory it made or kept. */
    private record Deferred(EntryName name, Object fileKey, TarArchiveEntry entry) {}
}
