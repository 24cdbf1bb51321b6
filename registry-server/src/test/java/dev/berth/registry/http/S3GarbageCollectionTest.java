package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.MediaTypes;
import dev.berth.registry.InProcessBerth;
import dev.berth.registry.core.RegistryLayout;
import dev.berth.storage.s3.S3Settings;
import dev.berth.storage.s3.S3TestClients;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import dev.berth.testkit.s3.InProcessS3;
import dev.berth.testkit.s3.InProcessS3Keys;
import dev.berth.testkit.s3.S3Bucket;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3AsyncClient;

@ExtendWith(InProcessS3Keys.class)
@DisplayName("Garbage collection on S3")
class S3GarbageCollectionTest {
    private static final String REPO = "team/app";
    /** S3 keeps modification times to the second: older than that is older than the collection's start. */
    private static final long S3_TIME_RESOLUTION_MILLIS = 1500;

    @TempDir
    Path tempDir;

    @Test
    @DisplayName("deletes an unreferenced blob and an untagged manifest's blobs, and keeps the tagged image whole")
    void sweeps() throws Exception {
        S3Bucket bucket = InProcessS3.get().newBucket("registry");
        try (InProcessBerth server = InProcessBerth.start(collectingAtOnce(bucket, "7d"))) {
            RegistryClient api = server.client();
            Pushes push = new Pushes(api);
            Content old = push.image(REPO, "latest");
            push.image(REPO, "latest");
            Content orphan = push.randomBlob(REPO, 2500);
            Thread.sleep(S3_TIME_RESOLUTION_MILLIS);

            Reply reply = api.post("/_berth/admin/gc", new byte[0]);

            assertThat(reply.status()).as("gc: %s", reply.text()).isEqualTo(200);
            JsonObject report = new JsonObject(reply.text());
            assertThat(report.getInteger("manifestsDeleted")).isEqualTo(1);
            assertThat(report.getInteger("blobsDeleted"))
                    .as("the orphan, the old manifest, its config and layer")
                    .isEqualTo(4);
            api.head("/v2/" + REPO + "/blobs/" + orphan.digest()).isBodylessError(404);
            api.get("/v2/" + REPO + "/manifests/" + old.digest(), "Accept", MediaTypes.OCI_MANIFEST)
                    .isError(404, "MANIFEST_UNKNOWN");
            JsonObject image =
                    new JsonObject(api.get("/v2/" + REPO + "/manifests/latest", "Accept", MediaTypes.OCI_MANIFEST)
                            .hasStatus(200)
                            .text());
            api.get("/v2/" + REPO + "/blobs/" + image.getJsonObject("config").getString("digest"))
                    .hasStatus(200);
            api.get("/v2/" + REPO + "/blobs/"
                            + image.getJsonArray("layers").getJsonObject(0).getString("digest"))
                    .hasStatus(200);
        } finally {
            InProcessS3.get().deleteBucket(bucket.name());
        }
    }

    @Test
    @DisplayName(
            "purging a stale upload session aborts the multipart upload that a writer which died there left in the bucket")
    void purgeAbortsUnfinishedSegments() throws Exception {
        S3Bucket created = InProcessS3.get().newBucket("registry");
        S3Settings bucket = S3TestClients.settings(created);
        S3AsyncClient s3 = S3TestClients.client(bucket);
        try (InProcessBerth server = InProcessBerth.start(collectingAtOnce(created, "1s"))) {
            RegistryClient api = server.client();
            String location = api.post("/v2/" + REPO + "/blobs/uploads/", new byte[0])
                    .hasStatus(202)
                    .header("Location");
            String uploadDir = RegistryLayout.uploadDir(REPO, location.substring(location.lastIndexOf('/') + 1));
            // Where a writer keeps a segment it builds as a multipart upload, as one that died mid-segment leaves it.
            s3.createMultipartUpload(r -> r.bucket(bucket.bucket())
                            .key(bucket.prefix() + uploadDir + "/.berth-partial-data/0000000002"))
                    .join();
            // Untouched for longer than uploads.purgeAfter (1s) by S3's clock, which keeps whole seconds.
            Thread.sleep(1000 + S3_TIME_RESOLUTION_MILLIS);

            JsonObject report = new JsonObject(
                    api.post("/_berth/admin/gc", new byte[0]).hasStatus(200).text());

            assertThat(report.getInteger("uploadsPurged")).isEqualTo(1);
            assertThat(s3.listMultipartUploads(r -> r.bucket(bucket.bucket()))
                            .join()
                            .uploads())
                    .isEmpty();
        } finally {
            s3.close();
            InProcessS3.get().deleteBucket(bucket.bucket());
        }
    }

    /** Berth on {@code bucket}, collecting untagged manifests and every unreferenced blob at once. */
    private static Map<String, String> collectingAtOnce(S3Bucket bucket, String purgeUploadsAfter) {
        Map<String, String> settings = new HashMap<>(bucket.berthSettings(false));
        settings.putAll(Map.of(
                "BERTH_GC_GRACEPERIOD",
                "0s",
                "BERTH_GC_DELETEUNTAGGED",
                "true",
                "BERTH_UPLOADS_PURGEAFTER",
                purgeUploadsAfter));
        return settings;
    }
}
