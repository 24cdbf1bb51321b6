package dev.berth.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.storage.testkit.Await;
import dev.berth.storage.testkit.Streams;
import dev.berth.testkit.s3.InProcessS3;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.ResolveIdentityRequest;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Whole-object calls through Vert.x's client, signed as the SDK's client would sign them. */
@DisplayName("S3 calls on whole objects")
class S3HttpCallsTest {
    private Vertx vertx;
    private S3Settings settings;
    private S3ObjectReader http;
    /** Only read for its endpoint rules, credentials and region. */
    private S3AsyncClient client;

    private S3Signing signing;
    private S3HttpCalls calls;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        settings = S3TestClients.newBucket("calls/under a prefix");
        client = S3TestClients.client(settings);
        signing = new S3Signing(vertx, client, settings.bucket());
        http = new S3ObjectReader(vertx, signing);
        calls = new S3HttpCalls(vertx, http, signing);
    }

    @AfterEach
    void stop() {
        Await.result(http.close());
        client.close();
        Await.result(vertx.close());
    }

    @Test
    @DisplayName("put, head, get and delete an object whose key needs encoding, as S3 signs and stores it")
    void roundTrip() {
        String key = settings.prefix() + "a dir/ü+file=1;~x";
        Buffer content = Buffer.buffer("content");

        Await.result(calls.put(key, new Chunk(ByteBuffer.wrap(content.getBytes()))));

        S3HttpCalls.Head head = Await.result(calls.head(key));
        assertThat(head.size()).isEqualTo(content.length());
        assertThat(head.modified()).isNotNull();
        assertThat(Await.result(calls.get(key))).isEqualTo(content);
        Await.result(calls.delete(key));
        assertThat(S3Errors.isMissing(Await.failure(calls.get(key)))).isTrue();
        assertThat(S3Errors.isMissing(Await.failure(calls.head(key)))).isTrue();
    }

    @Test
    @DisplayName(
            "signs a GET in its URL that a client without credentials can fetch until it expires, for that key only")
    void presignedGet() throws Exception {
        String key = settings.prefix() + "a dir/ü+file=1;~x";
        Await.result(calls.put(key, new Chunk(ByteBuffer.wrap("shared".getBytes()))));
        HttpClient anyone = HttpClient.newHttpClient();

        URI url = Await.result(signing.presignedGet(key, Duration.ofMinutes(5)));
        URI otherKey = URI.create(url.toString().replace("file", "fild"));
        URI shortLived = Await.result(signing.presignedGet(key, Duration.ofSeconds(1)));
        Thread.sleep(2_100);

        HttpResponse<String> fetched = anyone.send(HttpRequest.newBuilder(url).build(), BodyHandlers.ofString());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo("shared");
        assertThat(anyone.send(HttpRequest.newBuilder(otherKey).build(), BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(403);
        assertThat(anyone.send(HttpRequest.newBuilder(shortLived).build(), BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    @DisplayName(
            "waits for credentials that the provider hands over later without blocking, then answers on the caller's context")
    void credentialsThatComeLater() {
        CompletableFuture<AwsCredentialsIdentity> handedOver = new CompletableFuture<>();
        AwsCredentialsProvider later = new AwsCredentialsProvider() {
            @Override
            public AwsCredentials resolveCredentials() {
                return S3TestClients.credentials().resolveCredentials();
            }

            @Override
            public CompletableFuture<AwsCredentialsIdentity> resolveIdentity(ResolveIdentityRequest request) {
                return handedOver;
            }
        };
        S3AsyncClient laterClient = S3TestClients.client(settings, later);
        S3HttpCalls laterCalls = new S3HttpCalls(vertx, http, new S3Signing(vertx, laterClient, settings.bucket()));
        String key = settings.prefix() + "signed later";
        Context context = vertx.getOrCreateContext();
        Promise<Future<Thread>> called = Promise.promise();
        try {
            context.runOnContext(ignored -> called.complete(laterCalls
                    .put(key, new Chunk(ByteBuffer.wrap("later".getBytes())))
                    .map(put -> Thread.currentThread())));
            // The call returned to its event loop while the credentials were not there.
            Future<Thread> put = Await.result(called.future());
            assertThat(put.isComplete()).isFalse();

            handedOver.complete(later.resolveCredentials());

            assertThat(Await.result(put).getName()).startsWith("vert.x-eventloop-thread");
            assertThat(Await.result(calls.get(key)).toString()).isEqualTo("later");
        } finally {
            laterClient.close();
        }
    }

    @Test
    @DisplayName("tries a call again while S3 answers 503, up to three times in all, and not after a 4xx")
    void retries() throws Exception {
        String key = settings.prefix() + "retried";
        InProcessS3 s3 = InProcessS3.get();
        try {
            s3.failNextWrites(503, 2);
            Await.result(calls.put(key, new Chunk(ByteBuffer.wrap(new byte[] {1}))));
            assertThat(Await.result(calls.get(key)).getByte(0)).isEqualTo((byte) 1);

            s3.failNextWrites(503, 3);
            Throwable thirdFailure = Await.failure(calls.put(key, new Chunk(ByteBuffer.wrap(new byte[] {2}))));
            assertThat(thirdFailure).isInstanceOf(S3ErrorAnswer.class).hasMessageContaining("503");

            s3.failNextWrites(400, 1);
            assertThat(Await.failure(calls.put(key, new Chunk(ByteBuffer.wrap(new byte[] {3})))))
                    .hasMessageContaining("400");
            Await.result(calls.put(key, new Chunk(ByteBuffer.wrap(new byte[] {4}))));
            assertThat(Await.result(calls.get(key)).getByte(0)).isEqualTo((byte) 4);
        } finally {
            s3.stopFailingWrites();
        }
    }

    @Test
    @DisplayName("lists objects and common prefixes under a prefix, page by page")
    void listing() {
        String prefix = settings.prefix() + "list/";
        for (String name : List.of("a & b", "c", "sub/d", "sub/e")) {
            Await.result(calls.put(prefix + name, new Chunk(ByteBuffer.wrap(name.getBytes()))));
        }

        ListObjectsV2Response children = Await.result(calls.list(ListObjectsV2Request.builder()
                .bucket(settings.bucket())
                .prefix(prefix)
                .delimiter("/")
                .build()));
        ListObjectsV2Response first = Await.result(calls.list(ListObjectsV2Request.builder()
                .bucket(settings.bucket())
                .prefix(prefix)
                .maxKeys(3)
                .build()));
        ListObjectsV2Response rest = Await.result(calls.list(ListObjectsV2Request.builder()
                .bucket(settings.bucket())
                .prefix(prefix)
                .maxKeys(3)
                .continuationToken(first.nextContinuationToken())
                .build()));

        assertThat(children.contents()).extracting(S3Object::key).containsExactly(prefix + "a & b", prefix + "c");
        assertThat(children.contents()).extracting(S3Object::size).containsExactly(5L, 1L);
        assertThat(children.contents())
                .allSatisfy(object -> assertThat(object.lastModified()).isNotNull());
        assertThat(children.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly(prefix + "sub/");
        assertThat(children.isTruncated()).isFalse();
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.contents()).hasSize(3);
        assertThat(rest.contents()).extracting(S3Object::key).containsExactly(prefix + "sub/e");
        assertThat(rest.isTruncated()).isFalse();
    }

    @Test
    @DisplayName("an answer without a body (a HEAD's, a 204) ends for a reader that comes after it ended")
    void emptyAnswerReadLate() throws Exception {
        Context context = vertx.getOrCreateContext();
        String key = settings.prefix() + "there";
        Await.result(calls.put(key, new Chunk(ByteBuffer.wrap(new byte[] {1}))));
        for (HttpMethod method : List.of(HttpMethod.HEAD, HttpMethod.DELETE)) {
            S3ObjectReader.Answer answer = Await.result(
                    signing.object(method, key).compose(request -> http.exchange(context, key, request, null)));
            // S3's answer has ended by now, the body paused or not.
            Thread.sleep(200);

            Buffer body = Await.result(Streams.collect(answer.body()));

            assertThat(body.length()).as("%s", method).isZero();
        }
    }
}
