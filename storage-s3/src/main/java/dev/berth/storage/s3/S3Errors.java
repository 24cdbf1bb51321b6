package dev.berth.storage.s3;

import dev.berth.storage.PathNotFoundException;
import dev.berth.storage.StorageException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Turns SDK failures into the SPI's exceptions, named by storage path rather than key. */
final class S3Errors {
    private static final int NOT_FOUND = 404;
    private static final int MAX_CAUSES = 4;

    private S3Errors() {}

    static RuntimeException translate(Throwable failure, String path) {
        Throwable cause = unwrap(failure);
        if (cause instanceof IllegalArgumentException
                || cause instanceof IllegalStateException
                || cause instanceof StorageException) {
            return (RuntimeException) cause;
        }
        if (isMissing(cause)) {
            return new PathNotFoundException(path);
        }
        return new StorageException("S3 operation on " + path + " failed: " + describe(cause), cause);
    }

    /** Some failures (Netty's timeouts, closed channels) carry no message: their class says what happened. */
    private static String describe(Throwable cause) {
        StringBuilder text = new StringBuilder(String.valueOf(cause));
        Throwable inner = cause.getCause();
        for (int depth = 0; inner != null && depth < MAX_CAUSES; depth++, inner = inner.getCause()) {
            text.append("; caused by ").append(inner);
        }
        return text.toString();
    }

    /** The object is not there. A missing bucket is a configuration error instead, not a missing path. */
    static boolean isMissing(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof NoSuchKeyException) {
            return true;
        }
        // HEAD answers carry no body, hence no error code: a bare 404 is all S3 says.
        return cause instanceof S3Exception s3 && s3.statusCode() == NOT_FOUND && !"NoSuchBucket".equals(errorCode(s3));
    }

    /** The SDK's futures wrap the real failure once or twice. */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }
}
