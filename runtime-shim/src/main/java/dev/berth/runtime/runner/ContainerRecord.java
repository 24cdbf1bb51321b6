package dev.berth.runtime.runner;

/**
 * What berth remembers of a container beside its bundle (berth.json): enough for {@code berth ps}.
 *
 * @param created  when it was created, ISO-8601 UTC
 * @param exitCode null while it has not exited
 */
public record ContainerRecord(String name, String image, String runtime, String created, Integer exitCode) {

    public ContainerRecord exited(int code) {
        return new ContainerRecord(name, image, runtime, created, code);
    }
}
