package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RegistryClient;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Upload sessions live in storage")
class UploadAcrossReplicasTest extends ApiTest {
    private static final String REPO = "shared/repo";

    @Test
    @DisplayName("an upload begun on one replica is continued and finished on another sharing the data directory")
    void twoReplicas() {
        Content blob = Content.random(300_000);
        try (InProcessBerth replica = InProcessBerth.start(server.dataDir(), true)) {
            RegistryClient other = replica.client();
            String location = Uploads.open(api, REPO);
            Uploads.chunk(api, location, blob.bytes(), 0, 100_000).hasStatus(202);

            other.get(location).hasStatus(204).hasHeader("Range", "0-99999");
            Uploads.chunk(other, location, blob.bytes(), 100_000, 200_000)
                    .hasStatus(202)
                    .hasHeader("Range", "0-199999");
            Uploads.chunk(api, location, blob.bytes(), 200_000, 300_000).hasStatus(202);
            Uploads.finish(other, location, blob).hasStatus(201);

            assertThat(api.get("/v2/" + REPO + "/blobs/" + blob.digest()).body())
                    .isEqualTo(blob.bytes());
            assertThat(other.get("/v2/" + REPO + "/blobs/" + blob.digest()).body())
                    .isEqualTo(blob.bytes());
        }
    }

    @Test
    @DisplayName("an upload survives a restart of the registry")
    void restart() {
        Content blob = Content.random(50_000);
        String location = Uploads.open(api, REPO);
        Uploads.chunk(api, location, blob.bytes(), 0, 20_000).hasStatus(202);

        restartRegistry();

        api.get(location).hasStatus(204).hasHeader("Range", "0-19999");
        api.put(
                        RegistryClient.withQuery(location, "digest=" + blob.digest()),
                        Arrays.copyOfRange(blob.bytes(), 20_000, 50_000))
                .hasStatus(201);
        assertThat(api.get("/v2/" + REPO + "/blobs/" + blob.digest()).body()).isEqualTo(blob.bytes());
    }

    @Test
    @DisplayName("a cancelled upload is unknown to every replica")
    void cancelSeenByOthers() {
        try (InProcessBerth replica = InProcessBerth.start(server.dataDir(), true)) {
            String location = Uploads.open(api, REPO);

            replica.client().delete(location).hasStatus(204);

            api.get(location).isError(404, "BLOB_UPLOAD_UNKNOWN");
        }
    }
}
