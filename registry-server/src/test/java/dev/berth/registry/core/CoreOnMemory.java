package dev.berth.registry.core;

import dev.berth.oci.Digest;
import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.oci.MediaTypes;
import dev.berth.storage.PathNotFoundException;
import dev.berth.storage.memory.InMemoryStorageDriver;
import dev.berth.storage.testkit.Await;
import dev.berth.storage.testkit.ChunkReadStream;
import dev.berth.storage.testkit.Streams;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The registry core over an in-memory store, called the way the HTTP layer calls it: on a Vert.x
 * context (an upload hashes on one), with request bodies that arrive in pieces, and every answer
 * awaited by the test.
 */
final class CoreOnMemory {
    /** About what one read from a socket delivers. */
    private static final int BODY_PIECE_SIZE = 16 * 1024;

    final InMemoryStorageDriver driver;
    final Registry registry;
    private final Context context;

    /** {@code storageClock} stamps what is stored: set back, it makes everything look old to a collector. */
    CoreOnMemory(Vertx vertx, Clock storageClock) {
        this.driver = new InMemoryStorageDriver(vertx, storageClock);
        this.registry = new Registry(driver, RegistryOptions.defaults());
        this.context = vertx.getOrCreateContext();
    }

    /** Starts {@code call} on the core's context without waiting for it. */
    <T> Future<T> start(Supplier<Future<T>> call) {
        Promise<T> answer = Promise.promise();
        context.runOnContext(ignored -> {
            try {
                call.get().onComplete(answer);
            } catch (RuntimeException e) {
                answer.fail(e);
            }
        });
        return answer.future();
    }

    /** The value of a call that must succeed. */
    <T> T await(Supplier<Future<T>> call) {
        return Await.result(start(call));
    }

    /** The failure of a call that must fail. */
    <T> Throwable failure(Supplier<Future<T>> call) {
        return Await.failure(start(call));
    }

    /** A request body delivering {@code content} in pieces. */
    ReadStream<Buffer> body(Buffer content) {
        List<Buffer> pieces = new ArrayList<>();
        for (int from = 0; from < content.length(); from += BODY_PIECE_SIZE) {
            pieces.add(content.getBuffer(from, Math.min(content.length(), from + BODY_PIECE_SIZE)));
        }
        return new ChunkReadStream(context, pieces.iterator());
    }

    /** Uploads {@code content} in one request (POST with ?digest=). */
    Digest upload(String repository, Buffer content) {
        Digest digest = Digest.sha256(content.getBytes());
        await(() -> registry.uploads().monolithic(repository, digest.toString(), body(content)));
        return digest;
    }

    /** Pushes an OCI image of an uploaded config and layers, tagged {@code tag}, and answers its digest. */
    Digest pushImage(String repository, String tag, Buffer config, Buffer... layers) {
        JsonArray layerDescriptors = new JsonArray();
        for (Buffer layer : layers) {
            layerDescriptors.add(descriptor(MediaTypes.OCI_LAYER_TAR, upload(repository, layer), layer));
        }
        Buffer manifest = new JsonObject()
                .put("schemaVersion", 2)
                .put("mediaType", MediaTypes.OCI_MANIFEST)
                .put("config", descriptor(MediaTypes.OCI_CONFIG, upload(repository, config), config))
                .put("layers", layerDescriptors)
                .toBuffer();
        return await(() -> registry.manifests().put(repository, tag, manifest, MediaTypes.OCI_MANIFEST))
                .digest();
    }

    /** What the repository serves for the blob, or nothing when it answers BLOB_UNKNOWN. */
    Optional<Buffer> blob(String repository, Digest digest) {
        return await(() -> registry.blobs()
                .find(repository, digest.toString())
                .compose(source -> source.open(0, -1))
                .compose(Streams::collect)
                .map(Optional::of)
                .recover(e -> e instanceof DistributionException unknown && unknown.code() == ErrorCode.BLOB_UNKNOWN
                        ? Future.succeededFuture(Optional.empty())
                        : Future.failedFuture(e)));
    }

    /** Whether the store holds a file or directory at {@code path}, whatever the registry says of it. */
    boolean stored(String path) {
        return Await.result(driver.stat(path)
                .map(true)
                .recover(e ->
                        e instanceof PathNotFoundException ? Future.succeededFuture(false) : Future.failedFuture(e)));
    }

    private static JsonObject descriptor(String mediaType, Digest digest, Buffer content) {
        return new JsonObject()
                .put("mediaType", mediaType)
                .put("digest", digest.toString())
                .put("size", content.length());
    }
}
