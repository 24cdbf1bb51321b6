package dev.berth.conformance.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where things are in the Berth source tree, found from wherever the tests run. */
final class ProjectLayout {

    private ProjectLayout() {
    }

    /**
     * The reactor root: the nearest directory, walking up from the working directory (the
     * conformance module under Maven), whose pom.xml lists the conformance module.
     */
    static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (listsConformanceModule(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no pom.xml with <module>conformance</module> at or above " + start);
    }

    /** Where `mvn package` of registry-server puts the runnable (shaded) jar. */
    static Path berthRegistryJar() {
        return repositoryRoot().resolve("registry-server/target/berth-registry.jar");
    }

    private static boolean listsConformanceModule(Path pom) {
        try {
            return Files.isRegularFile(pom) && Files.readString(pom).contains("<module>conformance</module>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
