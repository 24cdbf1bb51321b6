package dev.berth.registry.webhooks;

import dev.berth.registry.ops.OpsRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static dev.berth.registry.auth.TestCredentials.basic;
import static dev.berth.registry.auth.TestCredentials.bcrypt;
import static dev.berth.registry.ops.OpsRegistry.digest;
import static org.assertj.core.api.Assertions.assertThat;

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
    @DisplayName("A manifest push, pull and delete each POST an event to the endpoints that want it; an endpoint that refuses the connection costs the others nothing")
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

        try (OpsRegistry registry = OpsRegistry.start(dir.resolve("data"), Map.of(), Optional.of(config))) {
            String manifest = push(registry, "team/app", HttpRequest.newBuilder());
            assertThat(registry.get("/v2/team/app/manifests/v1").statusCode()).isEqualTo(200);
            assertThat(registry.send("DELETE", "/v2/team/app/manifests/" + digest(manifest), null).statusCode()).isEqualTo(202);
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
        assertThat(events.get(1).getLong("size")).isEqualTo(push.getLong("size")).isPositive();
        assertThat(events.get(2).getString("digest")).isEqualTo(push.getString("digest"));
        assertThat(events.get(2).getString("tag")).isNull();
    }

    @Test
    @DisplayName("With Basic auth, the actor is the user whose credentials the request carried, and anonymous for a pull without any")
    void actorsWithBasicAuth() throws Exception {
        Path config = configWithAuth("""
                auth:
                  mode: basic
                  htpasswd: %s
                """.formatted(htpasswd()));

        try (OpsRegistry registry = OpsRegistry.start(dir.resolve("data"), Map.of(), Optional.of(config))) {
            push(registry, "public/app", HttpRequest.newBuilder().header("Authorization", basic("alice", "alice-pw")));
            assertThat(registry.get("/v2/public/app/manifests/v1").statusCode()).isEqualTo(200);
            awaitEvents(2);
        }
        assertThat(events).extracting(event -> event.getString("action") + " by " + event.getString("actor"))
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

        try (OpsRegistry registry = OpsRegistry.start(dir.resolve("data"), Map.of(), Optional.of(config))) {
            String alices = token(registry, HttpRequest.newBuilder().header("Authorization", basic("alice", "alice-pw")), "pull,push");
            push(registry, "public/app", HttpRequest.newBuilder().header("Authorization", "Bearer " + alices));
            String anonymous = token(registry, HttpRequest.newBuilder(), "pull");
            assertThat(registry.send(HttpRequest.newBuilder(registry.uri("/v2/public/app/manifests/v1"))
                    .header("Authorization", "Bearer " + anonymous), "GET", null).statusCode()).isEqualTo(200);
            awaitEvents(2);
        }
        assertThat(events).extracting(event -> event.getString("action") + " by " + event.getString("actor"))
                .containsExactly("push by alice", "pull by anonymous");
    }

    /** Starts an endpoint that keeps every event it is sent, with its X-Token header as "token"; answers its port. */
    private int startReceiver() throws Exception {
        HttpServer receiver = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> {
                    events.add(body.toJsonObject().put("token", request.getHeader("X-Token")));
                    request.response().setStatusCode(202).end();
                }))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return receiver.actualPort();
    }

    private Path configWithAuth(String auth) throws Exception {
        return Files.writeString(dir.resolve("berth.yml"), auth + PUBLIC_REPOSITORY_FOR_ALICE + """
                webhooks:
                  endpoints:
                    - url: http://127.0.0.1:%d/hook
                      events: [push, pull]
                """.formatted(startReceiver()));
    }

    private Path htpasswd() throws Exception {
        return Files.writeString(dir.resolve("htpasswd"), "alice:" + bcrypt("alice-pw") + "\n");
    }

    /** Pushes a config blob and a manifest tagged v1 that refers to it, with {@code authorized}'s headers; answers the manifest. */
    private static String push(OpsRegistry registry, String repository, HttpRequest.Builder authorized) throws Exception {
        HttpResponse<String> blob = registry.send(authorized.copy()
                .uri(registry.uri("/v2/" + repository + "/blobs/uploads/?digest=" + digest("{}"))), "POST", "{}");
        assertThat(blob.statusCode()).isEqualTo(201);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"" + MEDIA_TYPE + "\",\"config\":{\"mediaType\":"
                + "\"application/vnd.oci.empty.v1+json\",\"digest\":\"" + digest("{}") + "\",\"size\":2},\"layers\":[]}";
        HttpResponse<String> pushed = registry.send(authorized.copy().uri(registry.uri("/v2/" + repository + "/manifests/v1"))
                .header("Content-Type", MEDIA_TYPE), "PUT", manifest);
        assertThat(pushed.statusCode()).isEqualTo(201);
        return manifest;
    }

    private static String token(OpsRegistry registry, HttpRequest.Builder credentials, String actions) {
        HttpResponse<String> response = registry.send(credentials.uri(
                registry.uri("/token?service=berth-registry&scope=repository:public/app:" + actions)), "GET", null);
        assertThat(response.statusCode()).isEqualTo(200);
        return new JsonObject(response.body()).getString("token");
    }

    private void awaitEvents(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (events.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
