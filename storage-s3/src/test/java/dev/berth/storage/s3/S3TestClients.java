package dev.berth.storage.s3;

import dev.berth.testkit.s3.InProcessS3;
import dev.berth.testkit.s3.S3Bucket;
import io.vertx.core.Vertx;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * The driver's view of the test kit's in-process S3 server: the settings of one of its buckets,
 * and SDK clients signed with its keys. Here rather than in the kit, which knows no AWS SDK and no
 * driver, so that the driver's own tests can use the kit.
 */
public final class S3TestClients {
    /** Shared by every test's client, so that closing one does not wait for Netty's shutdown. */
    private static final SdkEventLoopGroup CLIENT_THREADS =
            SdkEventLoopGroup.builder().numberOfThreads(2).build();

    private S3TestClients() {}

    /** A new, empty bucket on the shared in-process server, as the driver's settings. */
    public static S3Settings newBucket(String prefix) throws Exception {
        return settings(InProcessS3.get().newBucket(prefix));
    }

    public static S3Settings settings(S3Bucket bucket) {
        return new S3Settings(bucket.name(), bucket.region(), Optional.of(bucket.endpoint()), true, bucket.prefix());
    }

    /** A client for {@code settings} with the in-process server's keys. */
    public static S3AsyncClient client(S3Settings settings) {
        return S3ClientFactory.create(settings, credentials(), CLIENT_THREADS);
    }

    /** A client for {@code settings} whose credentials come from {@code credentials}. */
    public static S3AsyncClient client(S3Settings settings, AwsCredentialsProvider credentials) {
        return S3ClientFactory.create(settings, credentials, CLIENT_THREADS);
    }

    /** A driver on {@code settings} that streams every read through this process. */
    public static S3StorageDriver driver(Vertx vertx, S3Settings settings) {
        return new S3StorageDriver(vertx, client(settings), settings, false);
    }

    /** The in-process server's keys. */
    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(InProcessS3.accessKey(), InProcessS3.secretKey()));
    }
}
