package dev.berth.client.copy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.client.BerthClient;
import dev.berth.client.ClientOptions;
import dev.berth.client.TestLayouts;
import dev.berth.client.auth.CredentialSource;
import dev.berth.client.progress.ProgressListener;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Platform;
import dev.berth.oci.Reference;
import dev.berth.oci.layout.OciLayout;
import dev.berth.registry.InProcessBerth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("pushing blobs larger than the monolithic limit")
class ChunkedPushTest {
    @TempDir
    Path temp;

    @Test
    @DisplayName("uploads them in chunks (the last one short) that the registry reassembles to the same digest")
    void uploadsInChunks() throws IOException {
        try (InProcessBerth registry = InProcessBerth.start(temp.resolve("data"), false)) {
            Descriptor image = TestLayouts.image(temp.resolve("src"), "v1", 51, 50_000, 500);
            BerthClient client = new BerthClient(ClientOptions.defaults(), CredentialSource.NONE);
            Reference target = Reference.parse(registry.url().getAuthority() + "/chunked/app:1");
            RegistryTarget chunked = new RegistryTarget(
                    client.registry(target.apiHost()),
                    target.repository(),
                    target.tag(),
                    new UploadSizes(1000, 16_384));

            new Copier(2, ProgressListener.NONE)
                    .copy(new LayoutSource(OciLayout.open(temp.resolve("src")), "v1"), chunked, Optional.empty());
            client.pull(
                    target,
                    temp.resolve("pulled"),
                    "1",
                    Optional.of(Platform.parse("linux/amd64")),
                    ProgressListener.NONE);

            OciLayout pulled = OciLayout.open(temp.resolve("pulled"));
            assertThat(pulled.find("1").digest()).isEqualTo(image.digest());
            for (Descriptor layer : pulled.readManifest(image).layers()) {
                assertThat(Files.readAllBytes(pulled.blobPath(layer.digest())))
                        .isEqualTo(Files.readAllBytes(
                                OciLayout.open(temp.resolve("src")).blobPath(layer.digest())));
            }
        }
    }
}
