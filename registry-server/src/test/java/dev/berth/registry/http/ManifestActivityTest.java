package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.core.Registry;
import dev.berth.registry.core.RegistryOptions;
import dev.berth.storage.memory.InMemoryStorageDriver;
import dev.berth.storage.testkit.Await;
import dev.berth.testkit.api.RegistryClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The API's announcements of manifest activity (what webhooks are built on), heard by a listener
 * that notes, for each, whether the response of the request it announces was sent already.
 */
@DisplayName("Manifest activity is announced after the response is sent")
class ManifestActivityTest {
    private final Vertx vertx = Vertx.vertx();
    /** The response of the request in flight: the test sends one request at a time. */
    private final AtomicReference<HttpServerResponse> response = new AtomicReference<>();

    private final List<String> heard = new CopyOnWriteArrayList<>();
    private RegistryClient api;
    private Pushes push;

    @BeforeEach
    void start() {
        Registry registry = new Registry(new InMemoryStorageDriver(vertx), RegistryOptions.defaults());
        ManifestActivity listener = (caller, action, repository, reference, digest, mediaType, size) ->
                heard.add(action + (response.get().ended() ? " after the response" : " before the response"));
        Router router = Router.router(vertx);
        router.route().handler(ctx -> {
            // As the pipeline's first stage does: the handlers resume the body when they read it.
            ctx.request().pause();
            response.set(ctx.response());
            ctx.next();
        });
        router.route().handler(CanonicalPath::nameEndpoint);
        router.route().handler(new ApiHandler(registry, listener));
        router.route().failureHandler(ErrorResponses::fail);
        HttpServer server =
                Await.result(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        api = new RegistryClient(URI.create("http://127.0.0.1:" + server.actualPort()));
        push = new Pushes(api);
    }

    @AfterEach
    void stop() {
        Await.result(vertx.close());
    }

    @Test
    @DisplayName("a push is announced once its 201 is sent, as a pull and a delete are once theirs are")
    void announcedAfterTheResponse() {
        Content manifest = push.image("team/app", "v1");
        api.get("/v2/team/app/manifests/v1").hasStatus(200);
        api.delete("/v2/team/app/manifests/" + manifest.digest()).hasStatus(202);

        Await.until("three announcements", () -> heard.size() == 3);
        assertThat(heard)
                .containsExactly("push after the response", "pull after the response", "delete after the response");
    }
}
