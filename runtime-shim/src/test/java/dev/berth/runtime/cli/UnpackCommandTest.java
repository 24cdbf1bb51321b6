package dev.berth.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.runtime.TestLayouts;
import dev.berth.testkit.image.LayerTar;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("berth unpack DIR[:TAG] BUNDLE")
class UnpackCommandTest {
    @TempDir
    Path layout;

    @TempDir
    Path scratch;

    private final StringWriter err = new StringWriter();

    @BeforeEach
    void image() {
        TestLayouts.gzipLayers(
                layout,
                new LayerTar()
                        .directory("etc", 0755)
                        .file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n")
                        .file("hello", "hi")
                        .toBytes());
    }

    @Test
    @DisplayName("unpacks the image into BUNDLE/rootfs and writes BUNDLE/config.json")
    void bundle() throws IOException {
        Path bundle = scratch.resolve("bundle");
        assertThat(execute(layout.toString(), bundle.toString()))
                .as(err.toString())
                .isZero();
        assertThat(bundle.resolve("rootfs/hello")).hasContent("hi");
        JsonNode config =
                new ObjectMapper().readTree(bundle.resolve("config.json").toFile());
        assertThat(config.at("/root/path").asText()).isEqualTo("rootfs");
        assertThat(config.at("/process/args/0").asText()).isEqualTo("/bin/sh");
    }

    @Test
    @DisplayName("reads a layout directory directly, with or without :TAG")
    void fromLayout() {
        assertThat(execute(layout.toString(), scratch.resolve("a").toString()))
                .as(err.toString())
                .isZero();
        assertThat(execute(layout + ":" + TestLayouts.TAG, scratch.resolve("b").toString()))
                .as(err.toString())
                .isZero();
        assertThat(scratch.resolve("b/rootfs/hello")).hasContent("hi");
    }

    @Test
    @DisplayName("fails with one clear line and status 125 for an unknown image or a non-empty bundle")
    void failures() {
        assertThat(execute(
                        scratch.resolve("missing").toString(),
                        scratch.resolve("c").toString()))
                .isEqualTo(125);
        assertThat(err.toString()).contains("berth: no OCI layout at " + scratch.resolve("missing"));
        assertThat(execute(layout.toString(), layout.toString())).isEqualTo(125);
        assertThat(err.toString()).contains("is not empty");
    }

    @Test
    @DisplayName("refuses a directory with an oci-layout file but no index.json as a broken layout, naming index.json,"
            + " rather than fetching it as a reference")
    void layoutWithoutIndex() throws IOException {
        Files.delete(layout.resolve("index.json"));
        assertThat(execute(layout.toString(), scratch.resolve("d").toString())).isEqualTo(125);
        assertThat(err.toString())
                .contains(layout + " is not an OCI image layout", "no index.json")
                .doesNotContain("not found");
    }

    @Test
    @DisplayName("names the tags a layout has when the tag asked for is not there")
    void unknownTag() {
        assertThat(execute(layout + ":latest", scratch.resolve("e").toString())).isEqualTo(125);
        assertThat(err.toString()).contains("has no image tagged latest (tags: " + TestLayouts.TAG + ")");
    }

    private int execute(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "unpack";
        System.arraycopy(args, 0, argv, 1, args.length);
        return ShimLauncher.commandLine(Map.of())
                .setErr(new PrintWriter(err, true))
                .execute(argv);
    }
}
