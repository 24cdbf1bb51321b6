package dev.berth.testkit.image;

import dev.berth.oci.MediaTypes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * One layer as a layout stores it: its media type, its blob, and the tar the blob holds (the
 * image config lists the tar's digest, the diff_id, not the blob's).
 */
public record LayerBlob(String mediaType, byte[] tar, byte[] blob) {

    /** Stored as it is, uncompressed. */
    public static LayerBlob tar(byte[] tar) {
        return new LayerBlob(MediaTypes.OCI_LAYER_TAR, tar, tar);
    }

    public static LayerBlob gzip(byte[] tar) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(tar);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory cannot fail", e);
        }
        return new LayerBlob(MediaTypes.OCI_LAYER_GZIP, tar, out.toByteArray());
    }
}
