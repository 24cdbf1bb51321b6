package dev.berth.storage.s3;

import dev.berth.storage.StorageException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Says in one sentence why the bucket cannot be used, so that an operator with a wrong bucket
 * name, wrong keys or a wrong endpoint learns it at start rather than from the first push.
 */
final class BucketCheck {
    private static final int MOVED_PERMANENTLY = 301;
    private static final int BAD_REQUEST = 400;
    private static final int FORBIDDEN = 403;
    private static final int NOT_FOUND = 404;

    private BucketCheck() {}

    static StorageException explain(Throwable failure, S3Settings settings) {
        Throwable cause = S3Errors.unwrap(failure);
        String where = "S3 bucket '" + settings.bucket() + "' at " + endpoint(settings);
        return new StorageException(reason(cause, where, settings), cause);
    }

    private static String reason(Throwable cause, String where, S3Settings settings) {
        if (cause instanceof S3Exception s3) {
            return switch (s3.statusCode()) {
                case NOT_FOUND -> where + " does not exist (404): create it or correct storage.s3.bucket";
                case FORBIDDEN ->
                    where + " refused access (403): check the credentials (AWS_ACCESS_KEY_ID and"
                            + " AWS_SECRET_ACCESS_KEY, AWS_PROFILE or the instance role) and the bucket's policy";
                case MOVED_PERMANENTLY, BAD_REQUEST ->
                    where + " answered " + s3.statusCode()
                            + ": the bucket may live in another region than storage.s3.region '" + settings.region()
                            + "'";
                default -> where + " answered " + s3.statusCode() + ": " + s3.getMessage();
            };
        }
        if (cause instanceof SdkClientException client
                && client.getMessage() != null
                && client.getMessage().contains("credentials")) {
            return "no S3 credentials for " + where + ": set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,"
                    + " AWS_PROFILE, or run with an instance role";
        }
        return "cannot reach " + where + " (wrong storage.s3.endpoint, or the server is down): " + rootMessage(cause);
    }

    private static String endpoint(S3Settings settings) {
        return settings.endpoint().map(Object::toString).orElse("AWS region " + settings.region());
    }

    /** Connection failures arrive wrapped in the SDK's retry summary; the innermost cause says what happened. */
    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
