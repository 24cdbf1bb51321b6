package dev.berth.testkit.image;

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
 * the same bytes and therefore the same digest. Names are written exactly as given (PAX headers
 * carry long and non-ASCII ones), so tests can also write the hostile names a layer may carry.
 */
public final class LayerTar {

    private static final Date FIXED_TIME = new Date(1_700_000_000_000L);

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, "UTF-8");
    private int uid;
    private int gid;

    public LayerTar() {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
    }

    /** The owner of the entries added from now on (root until changed). */
    public LayerTar owner(int uid, int gid) {
        this.uid = uid;
        this.gid = gid;
        return this;
    }

    public LayerTar directory(String path, int mode) {
        TarArchiveEntry entry = new TarArchiveEntry(path.endsWith("/") ? path : path + "/", TarConstants.LF_DIR, true);
        return add(entry, mode, null);
    }

    public LayerTar file(String path, int mode, byte[] content) {
        TarArchiveEntry entry = new TarArchiveEntry(path, true);
        entry.setSize(content.length);
        return add(entry, mode, content);
    }

    public LayerTar file(String path, String content) {
        return file(path, 0644, content.getBytes(StandardCharsets.UTF_8));
    }

    public LayerTar symlink(String path, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(path, TarConstants.LF_SYMLINK, true);
        entry.setLinkName(target);
        return add(entry, 0777, null);
    }

    public LayerTar hardLink(String path, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(path, TarConstants.LF_LINK, true);
        entry.setLinkName(target);
        return add(entry, 0644, null);
    }

    /**
     * A device node or fifo: {@code type} is {@link TarConstants#LF_CHR}, {@link TarConstants#LF_BLK}
     * or {@link TarConstants#LF_FIFO} (the major and minor numbers mean nothing for a fifo).
     */
    public LayerTar special(String path, byte type, int major, int minor) {
        TarArchiveEntry entry = new TarArchiveEntry(path, type, true);
        entry.setDevMajor(major);
        entry.setDevMinor(minor);
        return add(entry, 0666, null);
    }

    private LayerTar add(TarArchiveEntry entry, int mode, byte[] content) {
        entry.setMode(entry.getMode() & ~07777 | mode);
        entry.setModTime(FIXED_TIME);
        entry.setIds(uid, gid);
        entry.setNames(uid == 0 ? "root" : "", gid == 0 ? "root" : "");
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

    public byte[] toBytes() {
        try {
            tar.finish();
            tar.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
