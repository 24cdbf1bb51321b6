package dev.berth.conformance.interop;

import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.ScratchDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A CA certificate that dockerd trusts for one registry: {@code /etc/docker/certs.d/HOST:PORT/ca.crt},
 * which dockerd reads at each connection, so no restart is needed. Removed on close. Needs root.
 */
final class DockerCertsDir implements AutoCloseable {
    private static final Path CERTS_D = Path.of("/etc/docker/certs.d");
    private final Path dir;

    private DockerCertsDir(Path dir) {
        this.dir = dir;
    }

    static DockerCertsDir trust(String hostPort, Path caCertificate) {
        Prerequisites.requireRoot("trusting a CA in " + CERTS_D);
        Path dir = CERTS_D.resolve(hostPort);
        try {
            Files.createDirectories(dir);
            Files.copy(caCertificate, dir.resolve("ca.crt"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot place the CA certificate in " + dir, e);
        }
        return new DockerCertsDir(dir);
    }

    @Override
    public void close() {
        ScratchDir.deleteRecursively(dir);
    }
}
