package dev.berth.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.runtime.TestLayouts;
import dev.berth.runtime.unpack.Tree;
import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.image.BusyboxRootfs;
import dev.berth.testkit.process.Command;
import dev.berth.testkit.process.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * berth as an ordinary user would run it: a user made for the test (useradd, so the test needs
 * root and is skipped loudly without it) starts berth through setpriv, with its own
 * XDG_RUNTIME_DIR and nothing of root's.
 */
@DisplayName("berth run as an unprivileged user: a rootless container under runc, state under XDG_RUNTIME_DIR")
class RootlessIT {
    private String user;
    private Path home;

    @BeforeEach
    void unprivilegedUser() throws IOException {
        Prerequisites.requireRoot("the test creates an unprivileged user (useradd) to run berth as");
        Prerequisites.executable("runc", "runc");
        Prerequisites.executable("setpriv", "util-linux");
        Prerequisites.executable("useradd", "passwd");
        user = "berth-rl-" + HexFormat.of().formatHex(randomBytes());
        Command.of("useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", user)
                .runOk();
        home = Files.createTempDirectory(Path.of("/tmp"), "berth-rootless-");
    }

    @AfterEach
    void removeUser() throws IOException {
        if (user != null) {
            Command.of("userdel", user).run();
        }
        if (home != null) {
            Tree.delete(home);
        }
    }

    @Test
    @DisplayName("runs the container as the caller mapped to root in a user namespace, and keeps it under"
            + " XDG_RUNTIME_DIR/berth for ps and rm")
    void rootlessRun() throws IOException {
        TestLayouts.gzipLayers(home.resolve("layout"), BusyboxRootfs.tar());
        String image = home.resolve("layout") + ":" + TestLayouts.TAG;
        Path runtimeDir = Files.createDirectories(home.resolve("run"));
        Command.of("chown", "-R", user + ":" + user, home.toString()).runOk();
        // After the chown: a chown of the links would change the owner of root's jars.
        String classPath = readableClassPath(home.resolve("classpath"));
        Files.setPosixFilePermissions(runtimeDir, PosixFilePermissions.fromString("rwx------"));
        String uid = Command.of("id", "-u", user).runOk().stdout().strip();

        CommandResult run = asUser(
                classPath,
                runtimeDir,
                "run",
                "--name",
                "mine",
                image,
                "sh",
                "-c",
                "id -u; cat /proc/self/uid_map; echo written > /tmp/file && cat /tmp/file");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        List<String> lines = run.stdout().lines().toList();
        assertThat(lines.get(0)).isEqualTo("0");
        assertThat(lines.get(1).trim().split("\\s+")).containsExactly("0", uid, "1");
        assertThat(lines.get(2)).isEqualTo("written");

        Path container = runtimeDir.resolve("berth/containers/mine");
        assertThat(container).isDirectory();
        assertThat(Files.getAttribute(container, "unix:uid")).hasToString(uid);
        assertThat(asUser(classPath, runtimeDir, "ps", "-a").stdout()).containsPattern("mine\\s+exited 0");
        assertThat(asUser(classPath, runtimeDir, "rm", "mine").stdout()).isEqualTo("mine\n");
        assertThat(container).doesNotExist();
    }

    private CommandResult asUser(String classPath, Path runtimeDir, String... args) {
        List<String> argv = new ArrayList<>(List.of(
                "setpriv",
                "--reuid=" + user,
                "--regid=" + user,
                "--clear-groups",
                "--",
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                classPath,
                ShimLauncher.class.getName()));
        argv.addAll(List.of(args));
        return Command.of(argv)
                .env("HOME", home.toString())
                .env("XDG_RUNTIME_DIR", runtimeDir.toString())
                .timeout(Duration.ofMinutes(2))
                .run();
    }

    /**
     * This JVM's class path as the new user can read it: the jars of root's Maven repository (in
     * a home others may not enter) linked into {@code dir}, the build's own directories as they are.
     */
    private static String readableClassPath(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> entries = new ArrayList<>();
        int index = 0;
        // Surefire and failsafe start this JVM with a manifest-only jar; the entries are here.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(":")) {
            Path path = Path.of(entry);
            if (Files.isRegularFile(path)) {
                Path link = dir.resolve(index++ + "-" + path.getFileName());
                Files.createLink(link, path);
                entries.add(link.toString());
            } else {
                entries.add(entry);
            }
        }
        return String.join(":", entries);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
