package dev.berth.storage.s3;

import dev.berth.storage.PathNotFoundException;
import dev.berth.storage.StorageException;
import dev.berth.storage.StorageUnavailableException;
import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns failures of S3 calls, the SDK's and those sent through Vert.x's client ({@link S3ErrorAnswer}),
 * into the SPI's exceptions, named by storage path rather than key.
 */
final class S3Errors {
    private static final int NOT_FOUND = 404;
    private static final String NO_SUCH_BUCKET = "NoSuchBucket";
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
        if (cause instanceof S3ErrorAnswer answer) {
            return new StorageException("S3 operation on " + path + " failed: " + answer.getMessage(), answer);
        }
        if (isUnreachable(cause)) {
            return new StorageUnavailableException(
                    "S3 cannot be reached: operation on " + path + " failed: " + describe(cause), cause);
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

    /**
     * S3 did not answer at all: the connection was refused, reset or closed before an answer, or the
     * answer did not come in time. The SDK and Vert.x's client both carry such failures as an
     * {@link IOException} somewhere in the causes (the SDK turns Netty's read timeouts into one too);
     * timeouts of their own they raise as the exceptions named here. An answer from S3, even an
     * error, is not among them.
     */
    static boolean isUnreachable(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth <= MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof IOException
                    || cause instanceof TimeoutException
                    || cause instanceof ApiCallTimeoutException
                    || cause instanceof ApiCallAttemptTimeoutException
                    || cause instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    /** The object is not there. A missing bucket is a configuration error instead, not a missing path. */
    static boolean isMissing(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof NoSuchKeyException) {
            return true;
        }
        // HEAD answers carry no body, hence no error code: a bare 404 is all S3 says.
        if (cause instanceof S3ErrorAnswer answer) {
            return answer.status() == NOT_FOUND && !NO_SUCH_BUCKET.equals(answer.code());
        }
        return cause instanceof S3Exception s3 && s3.statusCode() == NOT_FOUND && !NO_SUCH_BUCKET.equals(errorCode(s3));
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
