package dev.berth.registry.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import dev.berth.registry.CapturedLog;
import dev.berth.registry.gc.GarbageCollector;
import dev.berth.registry.gc.GcListener;
import dev.berth.registry.gc.GcOptions;
import dev.berth.storage.memory.InMemoryStorageDriver;
import dev.berth.storage.testkit.Await;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Large manifests against an event loop watched strictly: Vert.x's checker reports any task that
 * holds an event loop thread for longer than {@link #EVENT_LOOP_LIMIT_MS}. Pushing and pulling an
 * index of 25,000 children held the loop for seconds (parsing, hashing, and 25,000 storage
 * lookups issued in one go); every step must now either run elsewhere or come in small pieces.
 */
@DisplayName("Large manifests do not block the event loop")
class LargeManifestTest {
    /** Far above what any bounded piece of work takes here, far below what the whole index took. */
    private static final long EVENT_LOOP_LIMIT_MS = 500;

    private static final String REPOSITORY = "big/index";
    private static final int CHILDREN = 25_000;

    private Vertx vertx;
    private InMemoryStorageDriver driver;
    private Registry registry;
    private Context context;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx(new VertxOptions()
                .setMaxEventLoopExecuteTime(EVENT_LOOP_LIMIT_MS)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                .setBlockedThreadCheckInterval(EVENT_LOOP_LIMIT_MS / 5)
                .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS));
        driver = new InMemoryStorageDriver(vertx);
        registry = new Registry(driver, RegistryOptions.defaults());
        context = vertx.getOrCreateContext();
    }

    @AfterEach
    void stop() {
        Await.result(vertx.close());
    }

    @Test
    @DisplayName("an index of 25,000 children is pushed and pulled without any event loop task taking long")
    void indexOf25000Children() {
        Buffer index = index(children());

        try (CapturedLog blocked = CapturedLog.of("io.vertx.core.impl.BlockedThreadChecker")) {
            PushedManifest pushed =
                    onLoop(() -> registry.manifests().put(REPOSITORY, "v1", index, MediaTypes.OCI_INDEX));
            StoredManifest pulled = onLoop(() -> registry.manifests().get(REPOSITORY, "v1"));

            assertThat(pulled.digest()).isEqualTo(pushed.digest()).isEqualTo(Digest.sha256(index.getBytes()));
            assertThat(blocked.lines()).isEmpty();
        }
    }

    @Test
    @DisplayName("a collection over a repository holding an index of 25,000 children takes no event loop task long")
    void collectedWithoutBlocking() {
        List<Digest> children = children();
        Buffer index = index(children);
        onLoop(() -> registry.manifests().put(REPOSITORY, "v1", index, MediaTypes.OCI_INDEX));
        GarbageCollector collector = new GarbageCollector(vertx, driver, GcListener.NONE);

        try (CapturedLog blocked = CapturedLog.of("io.vertx.core.impl.BlockedThreadChecker")) {
            onLoop(() -> collector.collect(new GcOptions(true, false, Duration.ZERO, Duration.ofDays(7))));

            assertThat(blocked.lines()).isEmpty();
        }
    }

    /** 25,000 manifests as the store knows them: only their revision links matter to the index push. */
    private List<Digest> children() {
        List<Digest> children = new ArrayList<>();
        for (int i = 0; i < CHILDREN; i++) {
            children.add(Digest.sha256(("child " + i).getBytes(StandardCharsets.UTF_8)));
        }
        Await.result(Batches.forEach(
                children,
                child ->
                        driver.write(RegistryLayout.revisionLink(REPOSITORY, child), Buffer.buffer(child.toString()))));
        return children;
    }

    private static Buffer index(List<Digest> children) {
        JsonArray manifests = new JsonArray();
        for (Digest child : children) {
            manifests.add(new JsonObject()
                    .put("mediaType", MediaTypes.OCI_MANIFEST)
                    .put("digest", child.toString())
                    .put("size", 1000));
        }
        return Buffer.buffer(new JsonObject()
                .put("schemaVersion", 2)
                .put("mediaType", MediaTypes.OCI_INDEX)
                .put("manifests", manifests)
                .encode());
    }

    /** Runs the call on an event loop, as the HTTP layer does, and waits for its answer. */
    private <T> T onLoop(Supplier<Future<T>> call) {
        Promise<T> answer = Promise.promise();
        context.runOnContext(ignored -> call.get().onComplete(answer));
        return Await.result(answer.future());
    }
}
