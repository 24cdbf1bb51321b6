package dev.berth.conformance.interop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** skopeo against Berth with token auth on: users from a file the real htpasswd -B wrote (issue 5, point 5). */
class SkopeoAuthIT {
    private static final String CONFIG = """
            auth:
              htpasswd: %s
              access:
                - repository: "public/**"
                  anonymous: [pull]
                  users: { "*": [pull, push] }
                - repository: "alice/**"
                  users: { alice: [pull, push] }
            """;

    private static Cleanup cleanup;
    private static Skopeo skopeo;
    private static ScratchDir scratch;
    private static BerthProcess registry;
    private static OciImage image;

    @BeforeAll
    static void startRegistry() {
        skopeo = Skopeo.require();
        Path htpasswdTool = Prerequisites.executable("htpasswd", "apache2-utils");
        cleanup = new Cleanup();
        scratch = cleanup.add(ScratchDir.inBuildDir("skopeo-auth-it-"));
        Path htpasswd = scratch.newDir("auth").resolve("htpasswd");
        Command.of(htpasswdTool.toString(), "-cbB", htpasswd.toString(), "alice", "alice-secret").runOk();
        Command.of(htpasswdTool.toString(), "-bB", htpasswd.toString(), "bob", "bob-secret").runOk();
        Path config = scratch.newDir("config").resolve("berth.yml");
        try {
            Files.writeString(config, CONFIG.formatted(htpasswd));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry = cleanup.add(BerthProcess.start(scratch.newDir("registry"), config));
        image = OciLayoutWriter.write(scratch.newDir("layout"), "v1", "auth");
    }

    @AfterAll
    static void stopEverything() {
        if (cleanup != null) {
            cleanup.close();
        }
    }

    @Test
    @DisplayName("with --dest-creds a user pushes to their private repository and pulls it back with --creds")
    void privatePushAndPull() {
        String ref = Skopeo.docker(registry, "alice/app:v1");

        skopeo.copy(image.transportRef(), ref, "--dest-creds", "alice:alice-secret");

        assertThat(skopeo.tryInspect(ref, "--creds", "alice:alice-secret").succeeded()).isTrue();
    }

    @Test
    @DisplayName("an anonymous push fails, and so does another user's pull of a private image")
    void refusals() {
        String ref = Skopeo.docker(registry, "alice/refused:v1");
        skopeo.copy(image.transportRef(), ref, "--dest-creds", "alice:alice-secret");

        CommandResult anonymousPush = skopeo.tryCopy(image.transportRef(), Skopeo.docker(registry, "alice/anon:v1"));
        CommandResult bobPull = skopeo.tryInspect(ref, "--creds", "bob:bob-secret");
        CommandResult anonymousPull = skopeo.tryInspect(ref);

        assertThat(anonymousPush.succeeded()).as(anonymousPush.describe()).isFalse();
        assertThat(bobPull.succeeded()).as(bobPull.describe()).isFalse();
        assertThat(anonymousPull.succeeded()).as(anonymousPull.describe()).isFalse();
        assertThat(skopeo.tryInspect(ref, "--creds", "alice:wrong").succeeded()).isFalse();
    }

    @Test
    @DisplayName("a public image pushed by a user is pulled anonymously")
    void anonymousPublicPull() {
        String ref = Skopeo.docker(registry, "public/app:v1");
        skopeo.copy(image.transportRef(), ref, "--dest-creds", "bob:bob-secret");

        CommandResult anonymous = skopeo.tryInspect(ref);

        assertThat(anonymous.succeeded()).as(anonymous.describe()).isTrue();
    }
}
