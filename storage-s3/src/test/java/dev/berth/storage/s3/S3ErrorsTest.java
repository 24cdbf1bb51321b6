package dev.berth.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.storage.PathNotFoundException;
import dev.berth.storage.StorageException;
import dev.berth.storage.StorageUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * How S3 failures are told apart (issue 16, point 2): S3 that does not answer at all is storage that
 * cannot be reached (the registry's 503), an answer from S3 is not. Timeouts are here because a
 * real one takes the SDK's read timeout (30 s) per attempt; refused connections are shown end to end
 * by the registry's S3UnreachableTest.
 */
@DisplayName("S3 failures as the storage SPI's exceptions")
class S3ErrorsTest {
    private static final String PATH = "docker/registry/v2/blobs/sha256/ab/abc/data";

    @Test
    @DisplayName("a refused connection, a read timeout and the SDK's call timeouts mean S3 cannot be reached")
    void unreachable() {
        assertThat(S3Errors.translate(
                        new CompletionException(SdkClientException.create(
                                "Unable to execute HTTP request", new ConnectException("Connection refused"))),
                        PATH))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining(PATH)
                .hasMessageContaining("Connection refused");
        assertThat(S3Errors.translate(
                        SdkClientException.create("Unable to execute HTTP request", new IOException("Read timed out")),
                        PATH))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(S3Errors.translate(ApiCallTimeoutException.create(1000), PATH))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(S3Errors.translate(ApiCallAttemptTimeoutException.create(1000), PATH))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(S3Errors.translate(new TimeoutException("S3 did not answer within PT30S"), PATH))
                .isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    @DisplayName("an answer from S3, even an error, is not S3 being unreachable")
    void answered() {
        assertThat(S3Errors.translate(s3Error(500, "InternalError"), PATH)).isExactlyInstanceOf(StorageException.class);
        assertThat(S3Errors.translate(s3Error(404, "NoSuchKey"), PATH)).isInstanceOf(PathNotFoundException.class);
        assertThat(S3Errors.translate(SdkClientException.create("Unable to load credentials"), PATH))
                .isExactlyInstanceOf(StorageException.class);
    }

    private static S3Exception s3Error(int status, String code) {
        return (S3Exception) S3Exception.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
                .message(code)
                .build();
    }
}
