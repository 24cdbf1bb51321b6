package dev.berth.registry.webhooks;

import dev.berth.registry.ops.OpsRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static dev.berth.registry.ops.OpsRegistry.digest;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Webhooks configured in the config file")
class ManifestWebhooksTest {
    private static final String MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
    private final Vertx vertx = Vertx.vertx();

    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("A manifest push, pull and delete each POST an event to the endpoints that want it; an endpoint that refuses the connection costs the others nothing")
    void pushPullDelete() throws Exception {
        List<JsonObject> events = new CopyOnWriteArrayList<>();
        HttpServer receiver = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> {
                    events.add(body.toJsonObject().put("token", request.getHeader("X-Token")));
                    request.response().setStatusCode(202).end();
                }))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Path config = Files.writeString(dir.resolve("berth.yml"), """
                webhooks:
                  endpoints:
                    - url: http://127.0.0.1:1/nobody-listens
                    - url: http://127.0.0.1:%d/hook
                      headers: {X-Token: abc}
                      timeout: 2s
                      events: [push, pull, delete]
                """.formatted(receiver.actualPort()));

        try (OpsRegistry registry = OpsRegistry.start(dir.resolve("data"), Map.of(), Optional.of(config))) {
            assertThat(registry.send("POST", "/v2/team/app/blobs/uploads/?digest=" + digest("{}"), "{}").statusCode())
                    .isEqualTo(201);
            String manifest = "{\"schemaVersion\":2,\"mediaType\":\"" + MEDIA_TYPE + "\",\"config\":{\"mediaType\":"
                    + "\"application/vnd.oci.empty.v1+json\",\"digest\":\"" + digest("{}") + "\",\"size\":2},\"layers\":[]}";
            assertThat(registry.send("PUT", "/v2/team/app/manifests/v1", manifest, MEDIA_TYPE).statusCode()).isEqualTo(201);
            assertThat(registry.get("/v2/team/app/manifests/v1").statusCode()).isEqualTo(200);
            assertThat(registry.send("DELETE", "/v2/team/app/manifests/" + digest(manifest), null).statusCode()).isEqualTo(202);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (events.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
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
}
