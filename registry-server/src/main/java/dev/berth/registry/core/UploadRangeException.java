package dev.berth.registry.core;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;

/**
 * A chunk that does not continue the upload where it stands (416), carrying where it stands. The
 * body's code is the spec's BLOB_UPLOAD_INVALID: a JSON error code "MUST be one of" code-1 …
 * code-14, which registry:2's RANGE_INVALID is not.
 */
public final class UploadRangeException extends DistributionException {
    private final transient UploadStatus status;

    public UploadRangeException(UploadStatus status, String message) {
        super(ErrorCode.BLOB_UPLOAD_INVALID, 416, message, null);
        this.status = status;
    }

    public UploadStatus uploadStatus() {
        return status;
    }
}
