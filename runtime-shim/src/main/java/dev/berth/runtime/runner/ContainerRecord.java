package dev.berth.runtime.runner;

import java.util.List;

/**
 * What berth remembers of a container beside its bundle (berth.json): enough for {@code berth ps},
 * and for {@code berth start} to publish its ports again.
 *
 * @param created  when it was created, ISO-8601 UTC
 * @param exitCode null while it has not exited
 * @param ports    the {@code -p} mappings (null or empty: none)
 */
public record ContainerRecord(
        String name, String image, String runtime, String created, Integer exitCode, List<PortMapping> ports) {

    public ContainerRecord exited(Integer code) {
        return new ContainerRecord(name, image, runtime, created, code, ports);
    }

    public List<PortMapping> publishedPorts() {
        return ports == null ? List.of() : ports;
    }
}
