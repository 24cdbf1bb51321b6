package dev.berth.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.storage.BlobWriter;
import dev.berth.storage.PathNotFoundException;
import dev.berth.storage.StorageException;
import dev.berth.storage.testkit.Await;
import dev.berth.storage.testkit.Streams;
import dev.berth.storage.testkit.VertxPerClass;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("faults of the in-memory driver")
class FaultsTest {
    @RegisterExtension
    static final VertxPerClass VERTX = new VertxPerClass();

    private InMemoryStorageDriver driver;

    @BeforeEach
    void emptyStore() {
        driver = new InMemoryStorageDriver(VERTX.get());
        put("from", "content");
    }

    @Test
    @DisplayName(
            "failNext fails the next call of the operation only, as a StorageException caused by the given failure, and changes nothing")
    void failNext() {
        IOException diskFull = new IOException("disk full");
        driver.faults().failNext(Operation.MOVE, diskFull);

        assertThat(Await.failure(driver.move("from", "to")))
                .isInstanceOf(StorageException.class)
                .hasCause(diskFull);
        assertThat(read("from")).isEqualTo("content");
        Await.result(driver.move("from", "to"));
        assertThat(read("to")).isEqualTo("content");
    }

    @Test
    @DisplayName("a failure that is one of the SPI's exceptions reaches the caller as it is")
    void spiFailureAsItIs() {
        driver.faults().failNext(Operation.READ, new PathNotFoundException("from"));

        assertThat(Await.failure(driver.read("from"))).isInstanceOf(PathNotFoundException.class);
    }

    @Test
    @DisplayName("a fault on a path applies to that path and beneath it, and nowhere else")
    void onPath() {
        put("dir/a", "a");
        put("dir/sub/b", "b");
        put("dirt", "sibling");
        driver.faults().failAlways(Operation.READ_STREAM, "dir", new IOException("bad sector"));

        assertThat(Await.failure(driver.readStream("dir/a", 0, -1))).hasRootCauseMessage("bad sector");
        assertThat(Await.failure(driver.readStream("dir/sub/b", 0, -1))).hasRootCauseMessage("bad sector");
        assertThat(stream("dirt")).isEqualTo("sibling");
        assertThat(read("dir/a")).as("read is another operation").isEqualTo("a");
    }

    @Test
    @DisplayName("failAlways keeps failing until the faults are cleared")
    void failAlwaysUntilCleared() {
        driver.faults().failAlways(Operation.STAT, "from", new IOException("unreachable"));
        Await.failure(driver.stat("from"));
        Await.failure(driver.stat("from"));

        driver.faults().clear();

        assertThat(Await.result(driver.stat("from")).size()).isEqualTo(7);
    }

    @Test
    @DisplayName(
            "failWritesAfter lets writers store that many bytes, then fails the write that goes past them and all after it")
    void failWritesAfter() {
        driver.faults().failWritesAfter("upload", 5, new IOException("disk full"));
        BlobWriter writer = Await.result(driver.writer("upload", false));
        Await.result(writer.write(Buffer.buffer("abc")));

        assertThat(Await.failure(writer.write(Buffer.buffer("defg")))).hasRootCauseMessage("disk full");
        assertThat(Await.failure(writer.write(Buffer.buffer("h")))).hasRootCauseMessage("disk full");
        assertThat(Await.failure(writer.commit())).hasRootCauseMessage("disk full");
        BlobWriter resumed = Await.result(driver.writer("upload", true));
        assertThat(resumed.size())
                .as("bytes stored: 'abc' and the first two of 'defg'")
                .isEqualTo(5);
        Await.result(resumed.write(Buffer.buffer("-more")));
        Await.result(resumed.commit());
        assertThat(read("upload")).isEqualTo("abcde-more");
    }

    @Test
    @DisplayName("holdNext keeps the operation from taking effect until released")
    void holdNext() {
        Hold hold = driver.faults().holdNext(Operation.DELETE, "from");
        Future<Void> delete = driver.delete("from");
        Await.result(hold.reached());

        assertThat(delete.isComplete()).isFalse();
        assertThat(read("from")).isEqualTo("content");
        hold.release();
        Await.result(delete);
        assertThat(Await.failure(driver.read("from"))).isInstanceOf(PathNotFoundException.class);
    }

    private void put(String path, String content) {
        Await.result(driver.write(path, Buffer.buffer(content)));
    }

    private String read(String path) {
        return Await.result(driver.read(path)).toString();
    }

    private String stream(String path) {
        return Await.result(driver.readStream(path, 0, -1).compose(Streams::collect))
                .toString();
    }
}
