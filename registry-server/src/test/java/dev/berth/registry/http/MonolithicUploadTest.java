package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Pushing a blob in one request")
class MonolithicUploadTest extends ApiTest {
    private static final String REPO = "library/app";

    @Test
    @DisplayName("POST ?digest= with the whole blob answers 201 with the blob's Location and Docker-Content-Digest")
    void singlePost() {
        Content blob = Content.random(3000);

        Reply reply = api.post(
                "/v2/" + REPO + "/blobs/uploads/?digest=" + blob.digest(),
                blob.bytes(),
                "Content-Type",
                Content.OCTET_STREAM);

        reply.hasStatus(201)
                .hasHeader("Location", "/v2/" + REPO + "/blobs/" + blob.digest())
                .hasHeader("Docker-Content-Digest", blob.digest().toString());
        assertThat(api.get(reply.header("Location")).body()).isEqualTo(blob.bytes());
    }

    @Test
    @DisplayName("POST opens a session: 202 with a Location holding the session id, Docker-Upload-UUID and Range")
    void postOpensSession() {
        Reply reply = api.post("/v2/" + REPO + "/blobs/uploads/", new byte[0]);

        reply.hasStatus(202).hasHeader("Range", "0-0");
        String id = reply.header("Docker-Upload-UUID");
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(reply.header("Location")).isEqualTo("/v2/" + REPO + "/blobs/uploads/" + id);
    }

    @Test
    @DisplayName("each POST opens a session of its own")
    void sessionsAreDistinct() {
        assertThat(Uploads.open(api, REPO)).isNotEqualTo(Uploads.open(api, REPO));
    }

    @Test
    @DisplayName("POST then PUT ?digest= with the whole blob answers 201 and the blob can be pulled")
    void postThenPut() {
        Content blob = Content.random(5000);
        String location = Uploads.open(api, REPO);

        Reply reply = api.put(
                RegistryClient.withQuery(location, "digest=" + blob.digest()),
                blob.bytes(),
                "Content-Type",
                Content.OCTET_STREAM);

        reply.hasStatus(201)
                .hasHeader("Location", "/v2/" + REPO + "/blobs/" + blob.digest())
                .hasHeader("Docker-Content-Digest", blob.digest().toString());
        assertThat(api.get("/v2/" + REPO + "/blobs/" + blob.digest()).body()).isEqualTo(blob.bytes());
    }

    @Test
    @DisplayName("a finished session is closed: its Location answers 404 BLOB_UPLOAD_UNKNOWN")
    void finishedSessionIsGone() {
        Content blob = Content.random(10);
        String location = Uploads.open(api, REPO);
        api.put(RegistryClient.withQuery(location, "digest=" + blob.digest()), blob.bytes())
                .hasStatus(201);

        api.get(location).isError(404, "BLOB_UPLOAD_UNKNOWN");
    }

    @Test
    @DisplayName("an empty blob can be pushed")
    void emptyBlob() {
        Content empty = new Content(Content.OCTET_STREAM, new byte[0]);

        push.blob(REPO, empty);

        Reply head = api.head("/v2/" + REPO + "/blobs/" + empty.digest());
        head.hasStatus(200).hasHeader("Content-Length", "0");
    }

    @Test
    @DisplayName("pushing a blob the registry already holds succeeds and leaves the content as it was")
    void pushTwice() {
        Content blob = Content.random(100);
        push.blob(REPO, blob);
        push.blob("other/repo", blob);

        push.blob(REPO, blob);

        assertThat(api.get("/v2/" + REPO + "/blobs/" + blob.digest()).body()).isEqualTo(blob.bytes());
        assertThat(api.get("/v2/other/repo/blobs/" + blob.digest()).body()).isEqualTo(blob.bytes());
    }

    @Test
    @DisplayName("a digest that does not match the content answers 400 DIGEST_INVALID and nothing becomes visible")
    void wrongDigestOnPost() {
        Content blob = Content.random(100);
        Content other = Content.random(100);

        api.post("/v2/" + REPO + "/blobs/uploads/?digest=" + other.digest(), blob.bytes())
                .isError(400, "DIGEST_INVALID");

        api.head("/v2/" + REPO + "/blobs/" + other.digest()).isBodylessError(404);
        api.head("/v2/" + REPO + "/blobs/" + blob.digest()).isBodylessError(404);
    }

    @Test
    @DisplayName("a closing PUT whose digest does not match answers 400 DIGEST_INVALID and nothing becomes visible")
    void wrongDigestOnPut() {
        Content blob = Content.random(100);
        Content other = Content.random(100);
        String location = Uploads.open(api, REPO);

        api.put(RegistryClient.withQuery(location, "digest=" + other.digest()), blob.bytes())
                .isError(400, "DIGEST_INVALID");

        api.head("/v2/" + REPO + "/blobs/" + other.digest()).isBodylessError(404);
        api.head("/v2/" + REPO + "/blobs/" + blob.digest()).isBodylessError(404);
    }

    @ParameterizedTest(name = "digest={0}")
    @ValueSource(strings = {"sha256:abc", "sha256:ZZZZ", "nocolon", "md5:d41d8cd98f00b204e9800998ecf8427e"})
    @DisplayName("a digest that is not a digest answers 400 DIGEST_INVALID, on POST and on PUT")
    void invalidDigestSyntax(String digest) {
        api.post("/v2/" + REPO + "/blobs/uploads/?digest=" + digest, new byte[] {1})
                .isError(400, "DIGEST_INVALID");

        String location = Uploads.open(api, REPO);
        api.put(RegistryClient.withQuery(location, "digest=" + digest), new byte[] {1})
                .isError(400, "DIGEST_INVALID");
    }

    @Test
    @DisplayName("a closing PUT without a digest answers 400 DIGEST_INVALID")
    void putWithoutDigest() {
        String location = Uploads.open(api, REPO);

        api.put(location, new byte[] {1}).isError(400, "DIGEST_INVALID");
    }
}
