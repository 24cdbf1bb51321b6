package dev.berth.storage.s3;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

/** Builds the asynchronous S3 client the driver talks through. */
public final class S3ClientFactory {
    private S3ClientFactory() {}

    /**
     * A client whose credentials come from the SDK's default chain (environment, profiles, instance
     * roles). Credentials that expire (an instance role's, a container's) are fetched again in the
     * background before they do: the calls Berth signs itself resolve them on the event loop
     * ({@link S3Signing}), where a refresh by the caller would block it for a request to the
     * metadata service.
     */
    public static S3AsyncClient create(S3Settings settings) {
        return create(
                settings,
                DefaultCredentialsProvider.builder()
                        .asyncCredentialUpdateEnabled(true)
                        .build());
    }

    /** A client with the given credentials, for tests and for operators who configure keys explicitly. */
    public static S3AsyncClient create(S3Settings settings, AwsCredentialsProvider credentials) {
        return create(settings, credentials, NettyNioAsyncHttpClient.builder());
    }

    /**
     * A client whose I/O threads belong to the caller and outlive it. Closing a client that owns
     * its threads waits out Netty's graceful shutdown (about two seconds), which adds up where
     * clients come and go, as in tests.
     */
    public static S3AsyncClient create(
            S3Settings settings, AwsCredentialsProvider credentials, SdkEventLoopGroup threads) {
        return create(settings, credentials, NettyNioAsyncHttpClient.builder().eventLoopGroup(threads));
    }

    private static S3AsyncClient create(
            S3Settings settings, AwsCredentialsProvider credentials, NettyNioAsyncHttpClient.Builder http) {
        S3AsyncClientBuilder builder = S3AsyncClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                // Since SDK 2.30 every request carries a flexible checksum by default, which many
                // S3-compatible servers reject; AWS S3 accepts requests without it as well.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(http);
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
