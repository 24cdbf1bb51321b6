package dev.berth.storage.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("a file in directories that do not exist yet")
class NewDirectoriesTest {
    @TempDir
    Path root;

    @Test
    @DisplayName("is not visible, nor are its directories, until it is complete")
    void invisibleUntilComplete() throws IOException {
        Path target = root.resolve("tags/latest/current/link");
        List<String> seenWhilePlacing = new ArrayList<>();
        NewDirectories.place(target, file -> {
            seenWhilePlacing.addAll(BlockingFileOps.listVisible(root));
            Files.writeString(file, "sha256:ab");
        });
        assertThat(seenWhilePlacing).isEmpty();
        assertThat(target).hasContent("sha256:ab");
        assertThat(namesIn(root)).containsExactly("tags");
    }

    @Test
    @DisplayName("leaves nothing behind when it cannot be made")
    void nothingLeftOnFailure() {
        assertThatIOException()
                .isThrownBy(() -> NewDirectories.place(root.resolve("a/b/file"), file -> {
                    throw new IOException("disk full");
                }));
        assertThat(namesIn(root)).isEmpty();
    }

    @Test
    @DisplayName("goes straight in when its directory exists")
    void existingDirectory() throws IOException {
        Files.createDirectories(root.resolve("a"));
        NewDirectories.place(root.resolve("a/file"), file -> Files.writeString(file, "x"));
        assertThat(namesIn(root.resolve("a"))).containsExactly("file");
    }

    @Test
    @DisplayName("made by many writers at once under one new directory, every file arrives")
    void concurrentWriters() throws Exception {
        int writers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Path target = root.resolve("repo/_manifests/tags/t" + i + "/current/link");
                done.add(pool.submit(() -> {
                    NewDirectories.place(target, file -> Files.writeString(file, target.toString()));
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < writers; i++) {
            Path target = root.resolve("repo/_manifests/tags/t" + i + "/current/link");
            assertThat(target).hasContent(target.toString());
        }
        assertThat(namesIn(root)).containsExactly("repo");
        assertThat(namesIn(root.resolve("repo/_manifests/tags")))
                .hasSize(writers)
                .allMatch(name -> name.startsWith("t"));
    }

    /** Every name in a directory, hidden ones included. */
    private static List<String> namesIn(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.map(child -> child.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
