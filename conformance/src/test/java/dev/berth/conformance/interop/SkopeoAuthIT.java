package dev.berth.conformance.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.Cleanup;
import dev.berth.testkit.ScratchDir;
import dev.berth.testkit.image.OciImage;
import dev.berth.testkit.image.OciLayoutWriter;
import dev.berth.testkit.process.CommandResult;
import dev.berth.testkit.registry.AuthenticatedBerth;
import dev.berth.testkit.registry.RegistryProcess;
import dev.berth.testkit.tools.Skopeo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** skopeo with --creds against Berth with token auth on (issue 5, point 5). */
class SkopeoAuthIT {
    private static final String ALICE = "alice:" + AuthenticatedBerth.ALICE_PASSWORD;
    private static final String BOB = "bob:" + AuthenticatedBerth.BOB_PASSWORD;

    private static Cleanup cleanup;
    private static Skopeo skopeo;
    private static ScratchDir scratch;
    private static RegistryProcess registry;
    private static OciImage image;

    @BeforeAll
    static void startRegistry() {
        skopeo = Skopeo.require();
        cleanup = new Cleanup();
        scratch = cleanup.add(ScratchDir.inBuildDir("skopeo-auth-it-"));
        registry = cleanup.add(AuthenticatedBerth.start(scratch));
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

        skopeo.copy(image.transportRef(), ref, "--dest-creds", ALICE);

        assertThat(skopeo.tryInspect(ref, "--creds", ALICE).succeeded()).isTrue();
    }

    @Test
    @DisplayName("an anonymous push fails, and so does another user's pull of a private image")
    void refusals() {
        String ref = Skopeo.docker(registry, "alice/refused:v1");
        skopeo.copy(image.transportRef(), ref, "--dest-creds", ALICE);

        CommandResult anonymousPush = skopeo.tryCopy(image.transportRef(), Skopeo.docker(registry, "alice/anon:v1"));
        CommandResult bobPull = skopeo.tryInspect(ref, "--creds", BOB);
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
        skopeo.copy(image.transportRef(), ref, "--dest-creds", BOB);

        CommandResult anonymous = skopeo.tryInspect(ref);

        assertThat(anonymous.succeeded()).as(anonymous.describe()).isTrue();
    }
}
