package dev.berth.client.cli;

import dev.berth.client.BerthClient;
import dev.berth.client.FetchedManifest;
import dev.berth.oci.Platform;
import dev.berth.oci.Reference;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "pull",
        mixinStandardHelpOptions = true,
        description = {
            "Pulls an image into an OCI image layout, verifying every blob and manifest as it streams.",
            "The image is tagged in DIR/index.json with its tag (org.opencontainers.image.ref.name)."
        })
final class PullCommand implements Runnable {
    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ClientMixin client;

    @Parameters(
            index = "0",
            paramLabel = "REF",
            description = "The image, e.g. 127.0.0.1:5000/team/app:1.0 or busybox.")
    String reference;

    @Parameters(index = "1", paramLabel = "DIR", description = "The OCI layout to create or add to.")
    Path dir;

    @Option(
            names = "--platform",
            paramLabel = "os/arch[/variant]",
            description = "The platform to pick from an index (default: this machine's).")
    String platform;

    @Option(names = "--all-platforms", description = "Keep the whole index, every platform.")
    boolean allPlatforms;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            description = "The ref name to tag the image with in DIR (default: the tag, or the digest).")
    String name;

    @Override
    public void run() {
        BerthClient berth = client.client(root);
        Reference ref = Addresses.reference(reference, berth);
        Optional<Platform> wanted = allPlatforms
                ? Optional.empty()
                : Optional.of(platform == null ? Platform.current() : Platform.parse(platform));
        String refName = name != null
                ? name
                : ref.tag() != null ? ref.tag() : ref.digest().toString();
        FetchedManifest pulled = berth.pull(
                ref, dir, refName, wanted, client.progress(spec.commandLine().getErr()));
        spec.commandLine()
                .getOut()
                .println("Pulled " + ref + " into " + dir + ":" + refName + " (" + pulled.digest() + ")");
    }
}
