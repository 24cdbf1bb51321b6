package dev.berth.conformance.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a small filesystem tar (an image layer or a rootfs for {@code docker import}) in
 * memory. Entries are owned by root and carry a fixed time, so the same content always gives
 * the same bytes and therefore the same digest.
 */
final class LayerTar {

    private static final Date FIXED_TIME = new Date(1_700_000_000_000L);

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

    LayerTar() {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    LayerTar directory(String path, int mode) {
        TarArchiveEntry entry = new TarArchiveEntry(path.endsWith("/") ? path : path + "/", TarConstants.LF_DIR);
        return add(entry, mode, null);
    }

    LayerTar file(String path, int mode, byte[] content) {
        TarArchiveEntry entry = new TarArchiveEntry(path);
        entry.setSize(content.length);
        return add(entry, mode, content);
    }

    LayerTar file(String path, String content) {
        return file(path, 0644, content.getBytes(StandardCharsets.UTF_8));
    }

    LayerTar symlink(String path, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(path, TarConstants.LF_SYMLINK);
        entry.setLinkName(target);
        return add(entry, 0777, null);
    }

    private LayerTar add(TarArchiveEntry entry, int mode, byte[] content) {
        entry.setMode(entry.getMode() & ~07777 | mode);
        entry.setModTime(FIXED_TIME);
        entry.setIds(0, 0);
        entry.setNames("root", "root");
        try {
            tar.putArchiveEntry(entry);
            if (content != null) {
                tar.write(content);
            }
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    byte[] toBytes() {
        try {
            tar.finish();
            tar.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
