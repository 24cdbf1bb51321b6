package dev.berth.registry.gc;

import io.vertx.core.json.JsonObject;
import java.time.Duration;

/** What one collection found and freed (with {@code dryRun}: would have freed). */
public record GcReport(
        boolean dryRun,
        int repositories,
        int blobsMarked,
        int blobsDeleted,
        long bytesFreed,
        int manifestsDeleted,
        int uploadsPurged,
        Duration took) {

    public JsonObject toJson() {
        return new JsonObject()
                .put("dryRun", dryRun)
                .put("repositories", repositories)
                .put("blobsMarked", blobsMarked)
                .put("blobsDeleted", blobsDeleted)
                .put("bytesFreed", bytesFreed)
                .put("manifestsDeleted", manifestsDeleted)
                .put("uploadsPurged", uploadsPurged)
                .put("tookMillis", took.toMillis());
    }

    /** One line for logs and the command line. */
    public String summary() {
        return (dryRun ? "dry run: would delete " : "deleted ") + blobsDeleted + " blobs (" + bytesFreed + " bytes), "
                + manifestsDeleted + " untagged manifests and " + uploadsPurged + " stale uploads in "
                + repositories + " repositories; " + blobsMarked + " blobs in use; took " + took.toMillis() + " ms";
    }
}
