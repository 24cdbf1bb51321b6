package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.api.RawHttp;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A client whose connection dropped asks where the upload stands and continues from there, as the
 * spec's resumable push describes. Whatever reached the registry, the upload must stay usable.
 */
@DisplayName("Resuming an upload after a dropped connection")
class InterruptedUploadTest extends ApiTest {
    private static final String REPO = "flaky/network";
    /** Long enough for the registry to be writing the body when the connection drops. */
    private static final Duration WHILE_WRITING = Duration.ofMillis(500);

    private final Content blob = Content.random(200_000);
    private String location;

    private void startWithFirstChunk() {
        location = Uploads.open(api, REPO);
        Uploads.chunk(api, location, blob.bytes(), 0, 50_000).hasStatus(202);
    }

    private void dropAfterSending(String method, String target, Duration before) {
        byte[] rest = Arrays.copyOfRange(blob.bytes(), 50_000, blob.size());
        RawHttp.sendAndDrop(
                server.port(),
                method + " " + target,
                rest,
                60_000,
                before,
                "Content-Range: 50000-" + (blob.size() - 1));
    }

    /**
     * Continues from the Range the registry reports until a chunk is taken; a 416 or 400 means the
     * dropped request is still settling, so ask again. Then closes the upload and checks the blob.
     */
    private void resumeAndFinish() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        Reply last;
        do {
            String range = api.get(location).hasStatus(204).header("Range");
            int held = Integer.parseInt(range.substring(range.indexOf('-') + 1)) + 1;
            last = Uploads.chunk(api, location, blob.bytes(), held, blob.size());
            if (last.status() != 202) {
                Thread.sleep(50);
            }
        } while (last.status() != 202 && Instant.now().isBefore(deadline));
        last.hasStatus(202).hasHeader("Range", "0-" + (blob.size() - 1));

        Uploads.finish(api, location, blob).hasStatus(201);
        assertThat(api.get("/v2/" + REPO + "/blobs/" + blob.digest()).body()).isEqualTo(blob.bytes());
    }

    @Test
    @DisplayName("a PATCH that broke off while its body was being written leaves an upload the client can continue")
    void patchDroppedWhileWriting() throws InterruptedException {
        startWithFirstChunk();

        dropAfterSending("PATCH", location, WHILE_WRITING);

        resumeAndFinish();
    }

    @Test
    @DisplayName("a PATCH that broke off before the registry began reading it leaves an upload the client can continue")
    void patchDroppedBeforeReading() throws InterruptedException {
        startWithFirstChunk();

        dropAfterSending("PATCH", location, Duration.ZERO);

        resumeAndFinish();
    }

    @Test
    @DisplayName("a closing PUT that broke off midway leaves an upload the client can continue and close")
    void putDropped() throws InterruptedException {
        startWithFirstChunk();

        dropAfterSending("PUT", RegistryClient.withQuery(location, "digest=" + blob.digest()), WHILE_WRITING);

        resumeAndFinish();
    }
}
