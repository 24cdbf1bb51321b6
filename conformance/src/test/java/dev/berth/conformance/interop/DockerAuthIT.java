package dev.berth.conformance.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.Cleanup;
import dev.berth.testkit.ScratchDir;
import dev.berth.testkit.process.CommandResult;
import dev.berth.testkit.registry.AuthenticatedBerth;
import dev.berth.testkit.registry.RegistryProcess;
import dev.berth.testkit.tools.AppImage;
import dev.berth.testkit.tools.DockerDaemon;
import dev.berth.testkit.tools.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** docker login, push and pull against Berth with token auth on (issue 5, point 5). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DockerAuthIT {
    private static Cleanup cleanup;
    private static DockerDaemon docker;
    private static RegistryProcess registry;
    private static AppImage image;

    @BeforeAll
    static void startDaemonAndRegistry() {
        cleanup = new Cleanup();
        docker = cleanup.add(DockerDaemon.start());
        ScratchDir scratch = cleanup.add(ScratchDir.inBuildDir("docker-auth-it-"));
        registry = cleanup.add(AuthenticatedBerth.start(scratch));
        image = TestImages.buildThreeLayerApp(docker, scratch.newDir("image"));
    }

    @AfterAll
    static void stopEverything() {
        if (cleanup != null) {
            cleanup.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("after docker login a user pushes to their private repository and pulls it back")
    void loginPushPull() {
        String ref = registry.hostPort() + "/alice/app:1";
        pushAndForget("alice", AuthenticatedBerth.ALICE_PASSWORD, ref);

        docker.docker("pull", ref);

        assertThat(TestImages.imageId(docker, ref)).isEqualTo(image.imageId());
        docker.docker("rmi", ref);
    }

    @Test
    @Order(2)
    @DisplayName("anonymous docker pull of a public image works")
    void anonymousPublicPull() {
        String ref = registry.hostPort() + "/public/app:1";
        pushAndForget("bob", AuthenticatedBerth.BOB_PASSWORD, ref);
        docker.docker("logout", registry.hostPort());

        docker.docker("pull", ref);

        assertThat(TestImages.imageId(docker, ref)).isEqualTo(image.imageId());
    }

    @Test
    @Order(3)
    @DisplayName("an anonymous push fails with docker's normal error, as on registry:2 and Docker Hub")
    void anonymousPushFails() {
        docker.tryDocker("logout", registry.hostPort());
        String ref = registry.hostPort() + "/public/anonymous:1";
        docker.docker("tag", image.localRef(), ref);

        CommandResult push = docker.tryDocker("push", ref);

        assertThat(push.succeeded()).as(push.describe()).isFalse();
        // The anonymous token lacks push: the challenge says insufficient_scope, which docker reports as denied.
        assertThat(push.output()).containsIgnoringCase("denied: requested access to the resource is denied");
    }

    @Test
    @Order(4)
    @DisplayName("pulling someone else's private image fails with docker's normal error, logged in or not")
    void othersPrivatePullFails() {
        String ref = registry.hostPort() + "/alice/app:1";
        docker.tryDocker("logout", registry.hostPort());
        CommandResult anonymous = docker.tryDocker("pull", ref);
        login("bob", AuthenticatedBerth.BOB_PASSWORD);
        CommandResult bob = docker.tryDocker("pull", ref);

        assertThat(anonymous.succeeded()).as(anonymous.describe()).isFalse();
        // As with registry:2: the anonymous token lacks pull (insufficient_scope), docker says "pull access denied".
        assertThat(anonymous.output()).containsIgnoringCase("pull access denied");
        assertThat(bob.succeeded()).as(bob.describe()).isFalse();
        assertThat(bob.output()).containsIgnoringCase("denied");
    }

    @Test
    @Order(5)
    @DisplayName("docker login with a wrong password fails")
    void wrongPassword() {
        CommandResult login = docker.tryDocker("login", "-u", "alice", "-p", "wrong", registry.hostPort());

        assertThat(login.succeeded()).as(login.describe()).isFalse();
    }

    /** Logs in, pushes the test image as {@code ref}, and removes that tag locally so a pull must fetch it. */
    private static void pushAndForget(String user, String password, String ref) {
        login(user, password);
        docker.docker("tag", image.localRef(), ref);
        docker.docker("push", ref);
        docker.docker("rmi", ref);
    }

    private static void login(String user, String password) {
        docker.docker("login", "-u", user, "-p", password, registry.hostPort());
    }
}
