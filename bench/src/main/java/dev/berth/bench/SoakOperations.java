package dev.berth.bench;

import dev.berth.testkit.api.RegistryApi;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import dev.berth.testkit.image.Measured;
import java.util.Arrays;

/** Pulling an image whole with every digest checked, and deleting one, as the soak's clients and its final check do. */
final class SoakOperations {
    private final RegistryApi api;
    private final RegistryClient client;

    SoakOperations(RegistryApi api, RegistryClient client) {
        this.api = api;
        this.client = client;
    }

    /** The tag, every manifest by digest with its bytes as pushed, and every blob streamed and hashed; answers bytes read. */
    long pullWhole(SoakImage image) {
        long bytes = checkManifest(image, image.tag(), image.top());
        for (SoakImage.Pushed manifest : image.manifests()) {
            bytes += checkManifest(image, manifest.digest(), manifest);
        }
        for (SoakImage.Blob blob : image.blobs()) {
            Measured read = api.readBlob(image.repository(), blob.digest());
            if (!read.digest().toString().equals(blob.digest()) || read.length() != blob.size()) {
                throw new SoakFailure("blob " + blob.digest() + " of " + image.repository() + " came back as "
                        + read.length() + " bytes with digest " + read.digest());
            }
            bytes += read.length();
        }
        return bytes;
    }

    private long checkManifest(SoakImage image, String reference, SoakImage.Pushed expected) {
        Reply reply = SoakFailure.expect(
                api.getManifest(image.repository(), reference),
                "get manifest " + image.repository() + ":" + reference,
                200);
        if (!Arrays.equals(reply.body(), expected.content())
                || !expected.digest().equals(reply.header("Docker-Content-Digest"))) {
            throw new SoakFailure("manifest " + image.repository() + ":" + reference + " is not the one pushed ("
                    + expected.digest() + "): " + reply);
        }
        return reply.body().length;
    }

    /** Deletes every manifest of the image by digest, the tagged one first (an index before its children). */
    void delete(SoakImage image) {
        for (SoakImage.Pushed manifest : image.manifests()) {
            SoakFailure.expect(
                    client.delete("/v2/" + image.repository() + "/manifests/" + manifest.digest()),
                    "delete manifest " + image.repository() + "@" + manifest.digest(),
                    202);
        }
    }

    /** Whether every manifest of a deleted image is gone, by digest and by tag. */
    boolean isGone(SoakImage image) {
        if (api.getManifest(image.repository(), image.tag()).status() != 404) {
            return false;
        }
        return image.manifests().stream()
                .allMatch(manifest ->
                        api.getManifest(image.repository(), manifest.digest()).status() == 404);
    }
}
