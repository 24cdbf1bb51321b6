package dev.berth.runtime.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runtime.layout.ImageConfig;
import dev.berth.runtime.layout.ImageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("config.json follows image-spec conversion.md and runtime-spec config.md")
class RuntimeSpecTest {
    private static final ImageConfig IMAGE = new ImageConfig(
            "app",
            List.of("PATH=/app/bin", "MODE=image"),
            List.of("/entry", "--flag"),
            List.of("default", "args"),
            "/work",
            Map.of("org.example.label", "yes"),
            List.of());
    private static final ProcessUser USER = new ProcessUser(1000, 1000, List.of(29L), "/home/app");
    private static final HostIdentity ROOT = new HostIdentity(0, 0);

    @Test
    @DisplayName("runs Entrypoint then Cmd, as the image's user, in its WorkingDir, with its Env and Labels")
    void fromImage() {
        JsonNode spec = spec(RunOptions.defaults(), ROOT);
        assertThat(texts(spec.at("/process/args"))).containsExactly("/entry", "--flag", "default", "args");
        assertThat(spec.at("/process/user/uid").asLong()).isEqualTo(1000);
        assertThat(spec.at("/process/user/additionalGids/0").asLong()).isEqualTo(29);
        assertThat(spec.at("/process/cwd").asText()).isEqualTo("/work");
        assertThat(texts(spec.at("/process/env"))).containsExactly("PATH=/app/bin", "MODE=image", "HOME=/home/app");
        assertThat(spec.at("/annotations/org.example.label").asText()).isEqualTo("yes");
        assertThat(spec.at("/root/path").asText()).isEqualTo("rootfs");
        assertThat(spec.at("/ociVersion").asText()).startsWith("1.");
    }

    @Test
    @DisplayName("lets the user's arguments replace Cmd (not Entrypoint), and -e and -w override the image")
    void userOverrides() {
        RunOptions options = new RunOptions(
                List.of("mine"),
                Map.of("MODE", "user"),
                "/tmp",
                "box",
                true,
                RunOptions.Network.NONE,
                true,
                null,
                null,
                List.of(),
                Resources.NONE);
        JsonNode spec = spec(options, ROOT);
        assertThat(texts(spec.at("/process/args"))).containsExactly("/entry", "--flag", "mine");
        assertThat(texts(spec.at("/process/env")))
                .contains("MODE=user", "TERM=xterm")
                .doesNotContain("MODE=image");
        assertThat(spec.at("/process/cwd").asText()).isEqualTo("/tmp");
        assertThat(spec.at("/process/terminal").asBoolean()).isTrue();
        assertThat(spec.at("/root/readonly").asBoolean()).isTrue();
        assertThat(spec.at("/hostname").asText()).isEqualTo("box");
    }

    @Test
    @DisplayName("--entrypoint replaces Entrypoint and drops Cmd; the arguments after the image still follow it")
    void entrypoint() {
        assertThat(texts(
                        spec(withEntrypoint(List.of("/other"), List.of()), ROOT).at("/process/args")))
                .containsExactly("/other");
        assertThat(texts(spec(withEntrypoint(List.of("/other"), List.of("x")), ROOT)
                        .at("/process/args")))
                .containsExactly("/other", "x");
        assertThat(texts(spec(withEntrypoint(List.of(), List.of("sh")), ROOT).at("/process/args")))
                .containsExactly("sh");
    }

    @Test
    @DisplayName("adds -v binds (ro when asked) and --tmpfs mounts after the standard ones")
    void userMounts() {
        Path host = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        RunOptions options = with(
                List.of(Mount.volume(host + ":/data:ro"), Mount.volume(host + ":/rw"), Mount.tmpfs("/scratch:size=8m")),
                Resources.NONE);
        JsonNode mounts = spec(options, ROOT).at("/mounts");
        JsonNode data = mounts.get(mounts.size() - 3);
        assertThat(data.path("destination").asText()).isEqualTo("/data");
        assertThat(data.path("type").asText()).isEqualTo("bind");
        assertThat(data.path("source").asText()).isEqualTo(host.normalize().toString());
        assertThat(texts(data.path("options"))).containsExactly("rbind", "rprivate", "ro");
        assertThat(texts(mounts.get(mounts.size() - 2).path("options"))).doesNotContain("ro");
        JsonNode scratch = mounts.get(mounts.size() - 1);
        assertThat(scratch.path("type").asText()).isEqualTo("tmpfs");
        assertThat(texts(scratch.path("options"))).containsExactly("nosuid", "nodev", "size=8m", "mode=1777");
    }

    @Test
    @DisplayName("refuses a -v whose host path is missing or whose container path is relative, and a bad mode")
    void badMounts() {
        assertThatThrownBy(() -> Mount.volume("/no/such/dir/anywhere:/data"))
                .hasMessageContaining("does not exist on this host");
        assertThatThrownBy(() -> Mount.volume("/tmp:data")).hasMessageContaining("must be absolute");
        assertThatThrownBy(() -> Mount.volume("/tmp:/data:rx")).hasMessageContaining("ro or rw");
        assertThatThrownBy(() -> Mount.volume("/tmp")).hasMessageContaining("expected HOST:CONTAINER");
        assertThatThrownBy(() -> Mount.tmpfs("/a/../b")).hasMessageContaining("without ..");
    }

    @Test
    @DisplayName("writes --memory (swap at the same limit), --cpus and --pids-limit as linux.resources")
    void resources() {
        JsonNode spec = spec(with(List.of(), new Resources(Resources.parseMemory("64m"), 1.5, 50L)), ROOT);
        assertThat(spec.at("/linux/resources/memory/limit").asLong()).isEqualTo(64L << 20);
        assertThat(spec.at("/linux/resources/memory/swap").asLong()).isEqualTo(64L << 20);
        assertThat(spec.at("/linux/resources/cpu/quota").asLong()).isEqualTo(150_000);
        assertThat(spec.at("/linux/resources/cpu/period").asLong()).isEqualTo(100_000);
        assertThat(spec.at("/linux/resources/pids/limit").asLong()).isEqualTo(50);
        assertThat(spec(RunOptions.defaults(), ROOT).at("/linux/resources").isMissingNode())
                .isTrue();
        assertThat(Resources.parseMemory("1g")).isEqualTo(1L << 30);
        assertThat(Resources.parseMemory("7000000")).isEqualTo(7_000_000);
        assertThatThrownBy(() -> Resources.parseMemory("lots")).hasMessageContaining("expected bytes");
        assertThatThrownBy(() -> Resources.parseMemory("1m")).hasMessageContaining("the least is 6m");
    }

    private static RunOptions withEntrypoint(List<String> entrypoint, List<String> args) {
        RunOptions d = RunOptions.defaults();
        return new RunOptions(
                args,
                d.env(),
                null,
                d.hostname(),
                false,
                d.network(),
                false,
                null,
                entrypoint,
                List.of(),
                Resources.NONE);
    }

    private static RunOptions with(List<Mount> mounts, Resources resources) {
        RunOptions d = RunOptions.defaults();
        return new RunOptions(
                d.args(), d.env(), null, d.hostname(), false, d.network(), false, null, null, mounts, resources);
    }

    @Test
    @DisplayName("isolates pid, mount, ipc, uts and network, mounts the usual filesystems, and drops capabilities")
    void isolation() {
        JsonNode spec = spec(RunOptions.defaults(), ROOT);
        List<String> namespaces = new ArrayList<>();
        spec.at("/linux/namespaces")
                .forEach(ns -> namespaces.add(ns.path("type").asText()));
        assertThat(namespaces).containsExactlyInAnyOrder("pid", "mount", "ipc", "uts", "network");
        List<String> mounts = new ArrayList<>();
        spec.at("/mounts").forEach(m -> mounts.add(m.path("destination").asText()));
        assertThat(mounts).contains("/proc", "/dev", "/dev/pts", "/dev/shm", "/dev/mqueue", "/sys");
        assertThat(texts(spec.at("/process/capabilities/bounding")))
                .contains("CAP_CHOWN")
                .doesNotContain("CAP_SYS_ADMIN");
        assertThat(spec.at("/process/noNewPrivileges").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("shares the host's network namespace with --network host")
    void hostNetwork() {
        RunOptions options = new RunOptions(
                List.of(),
                Map.of(),
                null,
                "h",
                false,
                RunOptions.Network.HOST,
                false,
                null,
                null,
                List.of(),
                Resources.NONE);
        List<String> namespaces = new ArrayList<>();
        spec(options, ROOT)
                .at("/linux/namespaces")
                .forEach(ns -> namespaces.add(ns.path("type").asText()));
        assertThat(namespaces).doesNotContain("network");
    }

    @Test
    @DisplayName("maps the calling user to root in a user namespace when berth does not run as root")
    void rootless() {
        JsonNode spec = spec(RunOptions.defaults(), new HostIdentity(1234, 1234));
        assertThat(spec.at("/linux/uidMappings/0/hostID").asLong()).isEqualTo(1234);
        assertThat(spec.at("/linux/uidMappings/0/containerID").asLong()).isZero();
    }

    @Test
    @DisplayName("refuses an image with no command when the user gives none")
    void noCommand() {
        ImageConfig bare = new ImageConfig("", List.of(), List.of(), List.of(), "", Map.of(), List.of());
        assertThatThrownBy(() -> new RuntimeSpec(bare, ProcessUser.ROOT, RunOptions.defaults(), ROOT).toJson())
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("no Entrypoint or Cmd");
    }

    private static JsonNode spec(RunOptions options, HostIdentity host) {
        return new RuntimeSpec(IMAGE, USER, options, host).toJson();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
