package dev.berth.testkit.s3;

import java.util.concurrent.atomic.AtomicInteger;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.jclouds.http.HttpResponse;
import org.jclouds.http.HttpResponseException;
import org.jclouds.io.Payload;

/**
 * A blob store whose object and part writes fail with an HTTP status while switched on, the way
 * an overloaded or broken S3 answers 500 or 503. It stays failing until switched off, since the
 * SDK retries server errors a few times on its own.
 */
final class FailingWrites extends ForwardingBlobStore {
    /** 0 while writes go through. */
    private volatile int failureStatus;
    /** How many more writes fail before writes go through again by themselves; negative: no end. */
    private final AtomicInteger failuresLeft = new AtomicInteger(-1);

    FailingWrites(BlobStore delegate) {
        super(delegate);
    }

    void fail(int status) {
        failuresLeft.set(-1);
        failureStatus = status;
    }

    /** The next {@code count} writes fail with {@code status}; later ones go through. */
    void failNext(int status, int count) {
        failuresLeft.set(count);
        failureStatus = status;
    }

    void succeed() {
        failureStatus = 0;
    }

    @Override
    public String putBlob(String container, Blob blob) {
        failIfSwitchedOn();
        return super.putBlob(container, blob);
    }

    @Override
    public String putBlob(String container, Blob blob, PutOptions options) {
        failIfSwitchedOn();
        return super.putBlob(container, blob, options);
    }

    @Override
    public MultipartPart uploadMultipartPart(MultipartUpload upload, int partNumber, Payload payload) {
        failIfSwitchedOn();
        return super.uploadMultipartPart(upload, partNumber, payload);
    }

    private void failIfSwitchedOn() {
        int status = failureStatus;
        if (status != 0 && failuresLeft.getAndUpdate(left -> left > 0 ? left - 1 : left) != 0) {
            throw new HttpResponseException(
                    "writes are switched to fail",
                    null,
                    HttpResponse.builder()
                            .statusCode(status)
                            .message("switched to fail")
                            .build());
        }
    }
}
