package dev.berth.conformance.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.conformance.oci.Sha256;
import dev.berth.testkit.Cleanup;
import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.ScratchDir;
import dev.berth.testkit.image.BusyboxRootfs;
import dev.berth.testkit.registry.RegistryKind;
import dev.berth.testkit.registry.RegistryProcess;
import dev.berth.testkit.tools.Podman;
import dev.berth.testkit.tools.Skopeo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** podman (containers/image and containers/storage, like skopeo, but with its own image store) as a client. */
@DisplayName("podman pushes to and pulls from the registry")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PodmanInteropIT {

    @Test
    @DisplayName("an image podman pushed is pulled back by podman with the manifest digest the registry serves")
    void pushThenPull() throws IOException {
        Prerequisites.executable("podman", "podman");
        try (Cleanup cleanup = new Cleanup()) {
            ScratchDir scratch = cleanup.add(ScratchDir.shortPath("podman-it-"));
            RegistryProcess registry = cleanup.add(RegistryKind.selected().start(scratch.newDir("registry")));
            Podman podman = Podman.require(scratch.newDir("store"));
            Skopeo skopeo = Skopeo.require();
            Path rootfs = scratch.resolve("rootfs.tar");
            Files.write(rootfs, BusyboxRootfs.tar());
            String remote = registry.hostPort() + "/podman/busybox:1";

            podman.run("import", rootfs.toString(), "localhost/berth-interop/busybox:1");
            podman.run("push", "--tls-verify=false", "localhost/berth-interop/busybox:1", remote);
            podman.run("rmi", "--all", "--force");
            podman.run("pull", "--tls-verify=false", remote);

            String served = Sha256.of(skopeo.rawManifest("docker://" + remote));
            assertThat(podman.run("image", "inspect", "--format", "{{.Digest}}", remote))
                    .isEqualTo(served);
            assertThat(podman.run("images", "--format", "{{.Repository}}:{{.Tag}}"))
                    .contains(remote);
        }
    }
}
