package dev.berth.registry.webhooks;

import static dev.berth.registry.auth.TestCredentials.basic;
import static dev.berth.registry.auth.TestCredentials.bcrypt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Digest;
import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Webhooks configured in the config file")
class ManifestWebhooksTest {
    private static final String MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
    private static final String PUBLIC_REPOSITORY_FOR_ALICE = """
              access:
                - repository: "public/**"
                  anonymous: [pull]
                  users: { alice: [pull, push] }
            """;
    private final Vertx vertx = Vertx.vertx();
    private final List<JsonObject> events = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName(
            "A manifest push, pull and delete each POST an event to the endpoints that want it; an endpoint that refuses the connection costs the others nothing")
    void pushPullDelete() throws Exception {
        Path config = Files.writeString(dir.resolve("berth.yml"), """
                webhooks:
                  endpoints:
                    - url: http://127.0.0.1:1/nobody-listens
                    - url: http://127.0.0.1:%d/hook
                      headers: {X-Token: abc}
                      timeout: 2s
                      events: [push, pull, delete]
                """.formatted(startReceiver()));

        try (InProcessBerth registry = InProcessBerth.start(dir.resolve("data"), Map.of(), Optional.of(config))) {
            RegistryClient api = registry.client();
            String manifest = push(api, "team/app");
            assertThat(api.get("/v2/team/app/manifests/v1").status()).isEqualTo(200);
            assertThat(api.delete("/v2/team/app/manifests/" + digest(manifest)).status())
                    .isEqualTo(202);
            awaitEvents(3);
        }
        assertThat(events).extracting(event -> event.getString("action")).containsExactly("push", "pull", "delete");
        JsonObject push = events.get(0);
        assertThat(push.getString("repository")).isEqualTo("team/app");
        assertThat(push.getString("tag")).isEqualTo("v1");
        assertThat(push.getString("mediaType")).isEqualTo(MEDIA_TYPE);
        assertThat(push.getString("actor")).isEqualTo("anonymous");
        assertThat(push.getString("token")).isEqualTo("abc");
        assertThat(push.getString("timestamp")).isNotBlank();
        assertThat(events.get(1).getString("digest")).isEqualTo(push.getString("digest"));
        assertThat(events.get(1).getLong("size"))
                .isEqualTo(push.getLong("size"))
                .isPositive();
        assertThat(events.get(2).getString("digest")).isEqualTo(push.getString("digest"));
        assertThat(events.get(2).getString("tag")).isNull();
    }

    @Test
    @DisplayName(
            "With Basic auth, the actor is the user whose credentials the request carried, and anonymous for a pull without any")
    void actorsWithBasicAuth() throws Exception {
        Path config = configWithAuth("""
                auth:
                  mode: basic
                  htpasswd: %s
                """.formatted(htpasswd()));

        try (InProcessBerth registry = InProcessBerth.start(dir.resolve("data"), Map.of(), Optional.of(config))) {
            RegistryClient api = registry.client();
            push(api, "public/app", "Authorization", basic("alice", "alice-pw"));
            assertThat(api.get("/v2/public/app/manifests/v1").status()).isEqualTo(200);
            awaitEvents(2);
        }
        assertThat(events)
                .extracting(event -> event.getString("action") + " by " + event.getString("actor"))
                .containsExactly("push by alice", "pull by anonymous");
    }

    @Test
    @DisplayName("With token auth, the actor is the user the token was issued to, and anonymous for an anonymous token")
    void actorsWithTokenAuth() throws Exception {
        Path config = configWithAuth("""
                auth:
                  htpasswd: %s
                  token: { issuer: berth, service: berth-registry, ttl: 5m }
                """.formatted(htpasswd()));

        try (InProcessBerth registry = InProcessBerth.start(dir.resolve("data"), Map.of(), Optional.of(config))) {
            RegistryClient api = registry.client();
            String alices = token(api, "pull,push", "Authorization", basic("alice", "alice-pw"));
            push(api, "public/app", "Authorization", "Bearer " + alices);
            String anonymous = token(api, "pull");
            assertThat(api.get("/v2/public/app/manifests/v1", "Authorization", "Bearer " + anonymous)
                            .status())
                    .isEqualTo(200);
            awaitEvents(2);
        }
        assertThat(events)
                .extracting(event -> event.getString("action") + " by " + event.getString("actor"))
                .containsExactly("push by alice", "pull by anonymous");
    }

    /** Starts an endpoint that keeps every event it is sent, with its X-Token header as "token"; answers its port. */
    private int startReceiver() throws Exception {
        HttpServer receiver = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> {
                    events.add(body.toJsonObject().put("token", request.getHeader("X-Token")));
                    request.response().setStatusCode(202).end();
                }))
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        return receiver.actualPort();
    }

    private Path configWithAuth(String auth) throws Exception {
        return Files.writeString(
                dir.resolve("berth.yml"), auth + PUBLIC_REPOSITORY_FOR_ALICE + """
                webhooks:
                  endpoints:
                    - url: http://127.0.0.1:%d/hook
                      events: [push, pull]
                """.formatted(startReceiver()));
    }

    private Path htpasswd() throws Exception {
        return Files.writeString(dir.resolve("htpasswd"), "alice:" + bcrypt("alice-pw") + "\n");
    }

    /**
     * Pushes a config blob and a manifest tagged v1 that refers to it, with {@code authorization}'s
     * header (name, value) if any; answers the manifest.
     */
    private static String push(RegistryClient api, String repository, String... authorization) {
        Reply blob =
                api.post("/v2/" + repository + "/blobs/uploads/?digest=" + digest("{}"), utf8("{}"), authorization);
        assertThat(blob.status()).isEqualTo(201);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"" + MEDIA_TYPE + "\",\"config\":{\"mediaType\":"
                + "\"application/vnd.oci.empty.v1+json\",\"digest\":\"" + digest("{}")
                + "\",\"size\":2},\"layers\":[]}";
        String[] headers = Stream.concat(Stream.of(authorization), Stream.of("Content-Type", MEDIA_TYPE))
                .toArray(String[]::new);
        Reply pushed = api.put("/v2/" + repository + "/manifests/v1", utf8(manifest), headers);
        assertThat(pushed.status()).isEqualTo(201);
        return manifest;
    }

    private static String token(RegistryClient api, String actions, String... credentials) {
        Reply response = api.get("/token?service=berth-registry&scope=repository:public/app:" + actions, credentials);
        assertThat(response.status()).isEqualTo(200);
        return new JsonObject(response.text()).getString("token");
    }

    private static String digest(String content) {
        return Digest.sha256(utf8(content)).toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void awaitEvents(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (events.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
