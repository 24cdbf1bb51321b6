package dev.berth.runtime.bundle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A mount a user adds to a container (runtime-spec config.md "mounts"): a host directory or file, or a tmpfs. */
public record Mount(String destination, String type, String source, List<String> options) {

    /**
     * {@code -v HOST:CONTAINER[:ro|rw]}: the host path (made absolute, and it must exist: berth
     * creates nothing on the host) bound at the container path (absolute).
     */
    public static Mount volume(String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException("-v " + spec + ": expected HOST:CONTAINER or HOST:CONTAINER:ro");
        }
        List<String> options = new ArrayList<>(List.of("rbind", "rprivate"));
        if (parts.length == 3) {
            switch (parts[2]) {
                case "ro" -> options.add("ro");
                case "rw" -> options.add("rw");
                default -> throw new IllegalArgumentException("-v " + spec + ": the mode must be ro or rw");
            }
        }
        Path host = Path.of(parts[0]).toAbsolutePath().normalize();
        if (!Files.exists(host)) {
            throw new IllegalArgumentException("-v " + spec + ": " + host + " does not exist on this host");
        }
        return new Mount(containerPath("-v " + spec, parts[1]), "bind", host.toString(), List.copyOf(options));
    }

    /**
     * {@code --tmpfs PATH[:OPTIONS]}: an empty tmpfs at PATH; options as mount(8) takes them
     * (size=64m, mode=755…), nosuid and nodev always.
     */
    public static Mount tmpfs(String spec) {
        int colon = spec.indexOf(':');
        String path = colon < 0 ? spec : spec.substring(0, colon);
        List<String> options = new ArrayList<>(List.of("nosuid", "nodev"));
        if (colon >= 0) {
            Arrays.stream(spec.substring(colon + 1).split(","))
                    .filter(option -> !option.isEmpty())
                    .forEach(options::add);
        }
        if (options.stream().noneMatch(option -> option.startsWith("mode="))) {
            options.add("mode=1777");
        }
        return new Mount(containerPath("--tmpfs " + spec, path), "tmpfs", "tmpfs", List.copyOf(options));
    }

    private static String containerPath(String option, String path) {
        if (!path.startsWith("/") || Arrays.asList(path.split("/")).contains("..")) {
            throw new IllegalArgumentException(option + ": the container path must be absolute, without ..");
        }
        return path;
    }
}
