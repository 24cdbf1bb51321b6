package dev.berth.runtime.unpack;

import dev.berth.oci.Descriptor;
import dev.berth.runtime.layout.ImageException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/** The uncompressed tar of a layer, by its media type's compression suffix (image-spec layer.md). */
final class LayerStreams {
    private LayerStreams() {}

    static InputStream uncompressed(Descriptor layer, InputStream compressed) throws IOException {
        String mediaType = layer.mediaType();
        if (mediaType.endsWith("+gzip") || mediaType.endsWith(".tar.gzip")) {
            return GzipCompressorInputStream.builder()
                    .setInputStream(compressed)
                    .setDecompressConcatenated(true)
                    .get();
        }
        if (mediaType.endsWith("+zstd")) {
            return new ZstdCompressorInputStream(compressed);
        }
        if (mediaType.endsWith(".tar") || mediaType.endsWith(".v1.tar")) {
            return compressed;
        }
        throw new ImageException(
                "layer " + layer.digest() + " has media type " + mediaType + ", which is no tar layer");
    }
}
