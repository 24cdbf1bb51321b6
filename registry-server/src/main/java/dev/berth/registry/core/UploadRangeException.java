package dev.berth.registry.core;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;

/** A chunk that does not continue the upload where it stands (416), carrying where it stands. */
public final class UploadRangeException extends DistributionException {
    private final transient UploadStatus status;

    public UploadRangeException(UploadStatus status, String message) {
        super(ErrorCode.RANGE_INVALID, message);
        this.status = status;
    }

    public UploadStatus uploadStatus() {
        return status;
    }
}
