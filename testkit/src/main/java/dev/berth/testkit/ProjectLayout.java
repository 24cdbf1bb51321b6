package dev.berth.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where things are in the Berth source tree, found from wherever the tests run. */
public final class ProjectLayout {

    private ProjectLayout() {}

    /**
     * The reactor root: the nearest directory, walking up from the working directory (the
     * module under test when Maven runs it), whose pom.xml lists the registry-server module.
     */
    public static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (listsRegistryModule(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no pom.xml with <module>registry-server</module> at or above " + start);
    }

    /** Where `mvn package` of registry-server puts the runnable (shaded) jar. */
    public static Path berthRegistryJar() {
        return repositoryRoot().resolve("registry-server/target/berth-registry.jar");
    }

    /** The registry's default JVM options, an argument file for {@code java @FILE} (bin/berth-registry's too). */
    public static Path registryJvmOptions() {
        return repositoryRoot().resolve("bin/lib/berth-registry.jvm-options");
    }

    private static boolean listsRegistryModule(Path pom) {
        try {
            return Files.isRegularFile(pom) && Files.readString(pom).contains("<module>registry-server</module>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
