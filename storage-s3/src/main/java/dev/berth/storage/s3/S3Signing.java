package dev.berth.storage.s3;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Requests on one bucket for Vert.x's HTTP client, addressed and signed as the SDK's client would:
 * the bucket's URL comes from the client's own endpoint rules (its {@code S3Utilities}), the
 * signature from the SDK's SigV4 signer with the client's credentials and region. Signing takes
 * microseconds, where the SDK's presigner ran most of its request pipeline for each URL (and the
 * driver ran it on a worker thread, lest it block the event loop): the pre-signed GETs of blob reads
 * and of redirects are signed here too, in the query string.
 *
 * <p>The payload is not signed ({@code UNSIGNED-PAYLOAD}, as in a presigned URL): on HTTPS, TLS
 * protects the body; on plain HTTP (a local test server) nothing did before the body reached S3
 * either way but TCP's checksums.
 */
final class S3Signing {
    private static final String SERVICE = "s3";
    private static final String PROBE_KEY = "k";

    private final Vertx vertx;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final String region;
    /** The bucket's URL, ending in '/', to which a key's encoded path is appended. */
    private final String bucketUrl;
    /** The bucket's own URL, for requests on the bucket: path-style without the slash after it, as the SDK sends it. */
    private final String bucketOnlyUrl;

    S3Signing(Vertx vertx, S3AsyncClient client, String bucket) {
        this.vertx = vertx;
        this.credentials = client.serviceClientConfiguration().credentialsProvider();
        this.region = client.serviceClientConfiguration().region().id();
        String probe = client.utilities()
                .getUrl(url -> url.bucket(bucket).key(PROBE_KEY))
                .toString();
        this.bucketUrl = probe.substring(0, probe.length() - PROBE_KEY.length());
        this.bucketOnlyUrl = URI.create(bucketUrl).getPath().length() > 1
                ? bucketUrl.substring(0, bucketUrl.length() - 1)
                : bucketUrl;
    }

    /** A request on the object at {@code key}. */
    Future<RequestOptions> object(HttpMethod method, String key) {
        return sign(method, objectUrl(key), Map.of());
    }

    /**
     * A URL that lets whoever holds it GET the object at {@code key} for {@code ttl} (at most 7
     * days, SigV4's limit), signed in its query string as the SDK's presigner signs one.
     */
    Future<URI> presignedGet(String key, Duration ttl) {
        SdkHttpRequest request = unsigned(HttpMethod.GET, objectUrl(key), Map.of());
        return identity()
                .map(identity -> signed(
                                identity,
                                request,
                                sign -> sign.putProperty(
                                                AwsV4HttpSigner.AUTH_LOCATION,
                                                AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                                        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, ttl))
                        .getUri());
    }

    /** A request on the bucket itself with {@code query} (names and values unencoded), such as a listing. */
    Future<RequestOptions> bucket(HttpMethod method, Map<String, String> query) {
        return sign(method, bucketOnlyUrl, query);
    }

    private String objectUrl(String key) {
        return bucketUrl + SdkHttpUtils.urlEncodeIgnoreSlashes(key);
    }

    private Future<RequestOptions> sign(HttpMethod method, String url, Map<String, String> query) {
        SdkHttpRequest request = unsigned(method, url, query);
        return identity().map(identity -> {
            SdkHttpRequest signed = signed(identity, request, sign -> {});
            RequestOptions options = new RequestOptions()
                    .setMethod(method)
                    .setAbsoluteURI(signed.getUri().toString());
            signed.forEachHeader((name, values) -> values.forEach(value -> options.addHeader(name, value)));
            return options;
        });
    }

    private static SdkHttpRequest unsigned(HttpMethod method, String url, Map<String, String> query) {
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(method.name()))
                .uri(URI.create(url));
        query.forEach(unsigned::putRawQueryParameter);
        return unsigned.build();
    }

    /** {@code request} signed with the bucket's settings and whatever {@code more} adds to them. */
    private SdkHttpRequest signed(
            AwsCredentialsIdentity identity,
            SdkHttpRequest request,
            Consumer<SignRequest.Builder<AwsCredentialsIdentity>> more) {
        return signer.sign(sign -> {
                    sign.identity(identity)
                            .request(request)
                            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                            .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                            // S3 takes the path as it is: neither encoded twice nor normalised.
                            .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                            .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                            .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false);
                    more.accept(sign);
                })
                .request();
    }

    /**
     * The credentials, resolved on the calling thread as the SDK's client resolves them: a chain
     * caches them and answers at once, and the registry's default one refreshes them in the
     * background ({@link S3ClientFactory#create(S3Settings)}). A provider that answers later is
     * waited for without blocking, and the signing goes on on the caller's context.
     */
    private Future<AwsCredentialsIdentity> identity() {
        CompletableFuture<? extends AwsCredentialsIdentity> resolving = credentials.resolveIdentity();
        if (resolving.isDone() && !resolving.isCompletedExceptionally()) {
            return Future.succeededFuture(resolving.join());
        }
        return Future.fromCompletionStage(resolving, vertx.getOrCreateContext())
                .map(identity -> (AwsCredentialsIdentity) identity);
    }
}
