package dev.berth.conformance.interop;

import dev.berth.testkit.Prerequisites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A line of /etc/hosts that names an address, added for one test and taken out again on close,
 * leaving every other line as it finds it. Needs root.
 */
final class HostsEntry implements AutoCloseable {
    private static final Path HOSTS = Path.of("/etc/hosts");
    private final String line;

    private HostsEntry(String line) {
        this.line = line;
    }

    static HostsEntry add(String address, String name) {
        Prerequisites.requireRoot("naming " + address + " " + name + " in " + HOSTS);
        HostsEntry entry = new HostsEntry(address + " " + name + " # berth test, removed after it");
        try {
            String hosts = Files.readString(HOSTS);
            Files.writeString(HOSTS, hosts + (hosts.isEmpty() || hosts.endsWith("\n") ? "" : "\n") + entry.line + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add to " + HOSTS, e);
        }
        return entry;
    }

    @Override
    public void close() throws IOException {
        List<String> kept = Files.readAllLines(HOSTS).stream()
                .filter(existing -> !existing.equals(line))
                .toList();
        Files.write(HOSTS, kept);
    }
}
