package dev.berth.client.copy;

import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import dev.berth.client.FetchedManifest;
import dev.berth.client.Verification;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Where an image comes from: a registry, an OCI layout, a docker save tarball. */
public interface ContentSource {
    /** Image configs are small; a larger one is refused rather than buffered. */
    int MAX_CONFIG_BYTES = 16 * 1024 * 1024;

    /** The manifest (or index) the user named, verified. */
    FetchedManifest root();

    /** A manifest that an index lists, verified against its descriptor. */
    FetchedManifest manifest(Descriptor descriptor);

    /** A blob's content from {@code offset} on; the reader verifies it. */
    InputStream blob(Descriptor descriptor, long offset);

    /** The registry repository the content lives in, when it lives in one: a target there can mount from it. */
    default Optional<RepositoryLocation> location() {
        return Optional.empty();
    }

    /** The config of an image manifest, verified. */
    default byte[] config(Manifest image) {
        Descriptor config = image.config();
        if (config.size() > MAX_CONFIG_BYTES) {
            throw new ClientException(
                    FailureKind.VERIFICATION, "the config is larger than " + MAX_CONFIG_BYTES + " bytes");
        }
        try (InputStream in = blob(config, 0)) {
            byte[] bytes = in.readNBytes((int) config.size() + 1);
            Verification.check(config, bytes);
            return bytes;
        } catch (IOException e) {
            throw new ClientException(FailureKind.NETWORK, "reading the config failed: " + e.getMessage(), e);
        }
    }

    /** Says where this is, for messages. */
    String describe();
}
