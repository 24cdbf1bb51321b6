package dev.berth.runtime.unpack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Writes generated entries as a layer tar, names exactly as generated and link targets filled in for a scene. */
final class HostileTar {
    private HostileTar() {}

    static byte[] of(List<HostileEntry> entries, VictimScene scene) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (HostileEntry entry : entries) {
                byte[] content = entry.kind() == HostileEntry.Kind.FILE
                        ? entry.name().getBytes(StandardCharsets.UTF_8)
                        : new byte[0];
                tar.putArchiveEntry(header(entry, scene, content.length));
                tar.write(content);
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static TarArchiveEntry header(HostileEntry entry, VictimScene scene, long size) {
        TarArchiveEntry header = switch (entry.kind()) {
            case DIRECTORY -> new TarArchiveEntry(entry.name() + "/", TarConstants.LF_DIR, true);
            case FILE -> new TarArchiveEntry(entry.name(), TarConstants.LF_NORMAL, true);
            case SYMLINK -> new TarArchiveEntry(entry.name(), TarConstants.LF_SYMLINK, true);
            case HARD_LINK -> new TarArchiveEntry(entry.name(), TarConstants.LF_LINK, true);
        };
        if (!entry.link().isEmpty()) {
            header.setLinkName(scene.linkTarget(entry.link(), entry.name()));
        }
        header.setSize(size);
        header.setMode(header.getMode() & ~07777 | entry.mode());
        header.setLastModifiedTime(FileTime.from(Instant.ofEpochSecond(entry.mtimeSeconds())));
        header.setIds(entry.owner(), entry.owner());
        return header;
    }
}
