package dev.berth.bench;

import dev.berth.testkit.process.Executables;
import java.nio.file.Files;
import java.nio.file.Path;

/** The programs the benchmark runs, found once at start so that a missing one fails before any work. */
record Tools(Path berthRegistry, Path distribution, Path wrk, Path ab, Path curl, Path busybox) {

    static Tools find(Path repository) {
        Path berth = repository.resolve("bin/berth-registry");
        if (!Files.isExecutable(berth)) {
            throw new IllegalStateException("no executable " + berth);
        }
        return new Tools(
                berth,
                onPath("docker-registry", "apt-get install docker-registry"),
                onPath("wrk", "apt-get install wrk"),
                onPath("ab", "apt-get install apache2-utils"),
                onPath("curl", "apt-get install curl"),
                onPath("busybox", "apt-get install busybox-static"));
    }

    private static Path onPath(String name, String install) {
        return Executables.find(name)
                .orElseThrow(() -> new IllegalStateException(name + " is not installed (" + install + ")"));
    }
}
