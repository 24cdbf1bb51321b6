package dev.berth.testkit.registry;

import java.net.URI;
import java.nio.file.Path;

/** A registry running as a separate OS process on loopback, serving one data directory. */
public interface RegistryProcess extends AutoCloseable {

    RegistryKind kind();

    /** {@code http://127.0.0.1:PORT} */
    URI baseUrl();

    /** {@code 127.0.0.1:PORT}, the registry part of an image reference. */
    String hostPort();

    /** The directory passed as storage; registry:2 data lives below docker/registry/v2. */
    Path dataDir();

    /** SIGTERM, and a test failure unless the process exits within a few seconds. */
    void stop();

    /** SIGKILL: the crash that durability tests inflict. */
    void kill();

    /** The peak resident memory of the process so far, in bytes (Linux VmHWM). */
    long peakResidentBytes();

    /** Stops the process if it still runs; never fails, so it is safe in cleanup. */
    @Override
    void close();
}
