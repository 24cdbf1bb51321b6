package dev.berth.registry.http;

import dev.berth.registry.InProcessBerth;
import dev.berth.storage.testkit.Await;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.s3.InProcessS3;
import dev.berth.testkit.s3.InProcessS3Keys;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(InProcessS3Keys.class)
@DisplayName("Abandoned upload sessions do not pile up")
class AbandonedUploadsTest {
    private static final String REPO = "team/app";

    @TempDir
    Path tempDir;

    @Test
    @DisplayName(
            "a session untouched for longer than uploads.purgeAfter is purged every uploads.purgeInterval, with no garbage collection scheduled")
    void purgedOnTheirOwnSchedule() {
        try (InProcessBerth server = InProcessBerth.start(
                tempDir.resolve("data"),
                Map.of("BERTH_UPLOADS_PURGEINTERVAL", "1s", "BERTH_UPLOADS_PURGEAFTER", "1s"))) {
            RegistryClient api = server.client();
            String abandoned = Uploads.open(api, REPO);

            Await.until(
                    "the abandoned session is purged", () -> api.get(abandoned).status() == 404);
            api.get(abandoned).isError(404, "BLOB_UPLOAD_UNKNOWN");
        }
    }

    @Test
    @DisplayName(
            "uploads.maxOpenPerRepository caps the sessions a replica opens in a repository: beyond it, POST answers 429"
                    + " TOOMANYREQUESTS, until one is finished or cancelled")
    void capPerRepository() throws Exception {
        Map<String, String> settings =
                new HashMap<>(InProcessS3.get().newBucket("registry").berthSettings(false));
        settings.put("BERTH_UPLOADS_MAXOPENPERREPOSITORY", "2");
        try (InProcessBerth one = InProcessBerth.start(settings)) {
            Pushes push = new Pushes(one.client());
            Uploads.open(one.client(), REPO);
            String second = Uploads.open(one.client(), REPO);

            one.client().post("/v2/" + REPO + "/blobs/uploads/", new byte[0]).isError(429, "TOOMANYREQUESTS");
            Uploads.open(one.client(), "team/other");
            push.randomBlob(REPO, 100);

            one.client().delete(second).hasStatus(204);
            Uploads.open(one.client(), REPO);
        }
    }

    @Test
    @DisplayName(
            "a replica that reached the cap counts the repository's sessions in storage: another replica's count too,"
                    + " and those another replica finished no longer")
    void capCountsStorageOnceReached() throws Exception {
        Map<String, String> settings =
                new HashMap<>(InProcessS3.get().newBucket("registry").berthSettings(false));
        settings.put("BERTH_UPLOADS_MAXOPENPERREPOSITORY", "2");
        try (InProcessBerth one = InProcessBerth.start(settings);
                InProcessBerth two = InProcessBerth.start(settings)) {
            String first = Uploads.open(one.client(), REPO);
            Uploads.open(one.client(), REPO);
            String others = Uploads.open(two.client(), REPO);
            two.client().delete(first).hasStatus(204);

            one.client().post("/v2/" + REPO + "/blobs/uploads/", new byte[0]).isError(429, "TOOMANYREQUESTS");

            two.client().delete(others).hasStatus(204);
            Uploads.open(one.client(), REPO);
        }
    }
}
