package dev.berth.testkit.tools;

import dev.berth.testkit.image.BusyboxRootfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the test images inside a docker daemon from local files only (no registry, no internet). */
public final class TestImages {

    public static final String BASE_REF = "berth-interop/base:1";
    public static final String APP_REF = "berth-interop/app:1";

    private static final String COPIED_FILE = "/srv/greeting.txt";
    private static final String COPIED_CONTENT = "hello from the COPY layer\n";
    private static final String RUN_FILE = "/srv/built.txt";
    private static final String RUN_CONTENT = "hello from the RUN layer\n";

    private TestImages() {}

    /**
     * Imports the busybox rootfs as the base, then builds an image on it with the classic
     * builder, adding one layer by COPY and one by RUN: three layers in all.
     */
    public static AppImage buildThreeLayerApp(DockerDaemon docker, Path workDir) {
        try {
            Path rootfs = workDir.resolve("rootfs.tar");
            Files.write(rootfs, BusyboxRootfs.tar());
            docker.docker("import", rootfs.toString(), BASE_REF);

            Path context = Files.createDirectories(workDir.resolve("build-context"));
            Files.writeString(context.resolve("greeting.txt"), COPIED_CONTENT, StandardCharsets.UTF_8);
            Files.writeString(
                    context.resolve("Dockerfile"),
                    String.join(
                            "\n",
                            "FROM " + BASE_REF,
                            "COPY greeting.txt " + COPIED_FILE,
                            // printf, not echo: the content must end up byte-exact.
                            "RUN printf '" + RUN_CONTENT.replace("\n", "\\n") + "' > " + RUN_FILE,
                            ""),
                    StandardCharsets.UTF_8);
            // The daemon runs without a bridge, so RUN steps need the none network too.
            docker.docker("build", "--network", "none", "-t", APP_REF, context.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put(COPIED_FILE, COPIED_CONTENT);
        files.put(RUN_FILE, RUN_CONTENT);
        return new AppImage(APP_REF, BASE_REF, imageId(docker, APP_REF), files);
    }

    public static String imageId(DockerDaemon docker, String ref) {
        return docker.docker("image", "inspect", "--format", "{{.Id}}", ref).trim();
    }
}
