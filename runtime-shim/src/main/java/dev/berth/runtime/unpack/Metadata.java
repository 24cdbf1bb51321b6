package dev.berth.runtime.unpack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Gives an unpacked path the owner, mode and mtime its tar entry records. Ownership only when
 * running as root (nobody else may chown); the owner goes first because chown clears the
 * setuid and setgid bits the mode then sets. Only the last component is kept from following a
 * link here: the path must come from {@link ConfinedRoot} just before, parents free of links.
 */
final class Metadata {
    private final boolean applyOwnership;

    Metadata(boolean applyOwnership) {
        this.applyOwnership = applyOwnership;
    }

    void apply(Path path, TarArchiveEntry entry) throws IOException {
        if (applyOwnership) {
            Files.setAttribute(path, "unix:uid", (int) entry.getLongUserId(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:gid", (int) entry.getLongGroupId(), LinkOption.NOFOLLOW_LINKS);
        }
        if (!entry.isSymbolicLink()) {
            Files.setAttribute(path, "unix:mode", entry.getMode() & 07777, LinkOption.NOFOLLOW_LINKS);
        }
        FileTime mtime = FileTime.from(entry.getLastModifiedTime().toInstant());
        Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(mtime, null, null);
    }
}
