package dev.berth.client.cli;

import dev.berth.client.BerthClient;
import dev.berth.client.ClientException;
import dev.berth.client.FetchedManifest;
import dev.berth.client.Mirrors;
import dev.berth.oci.Platform;
import dev.berth.oci.Reference;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

    @Option(
            names = "--mirror",
            paramLabel = "[REGISTRY=]HOST[/PREFIX]",
            description = {
                "A mirror to try first for REGISTRY's images (Docker Hub's when REGISTRY is left out),"
                        + " under PREFIX; repeatable. The registry itself is tried when every mirror fails."
            })
    List<String> mirrors = List.of();

    @Override
    public void run() {
        Reference ref = Reference.parse(reference);
        List<Reference> candidates;
        try {
            candidates = Mirrors.parse(mirrors).candidates(ref);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Optional<Platform> wanted = allPlatforms
                ? Optional.empty()
                : Optional.of(platform == null ? Platform.current() : Platform.parse(platform));
        String refName = name != null
                ? name
                : ref.tag() != null ? ref.tag() : ref.digest().toString();
        BerthClient berth = client.client(root);
        for (Reference candidate : candidates) {
            FetchedManifest pulled;
            try {
                pulled = berth.pull(
                        candidate,
                        dir,
                        refName,
                        wanted,
                        client.progress(spec.commandLine().getErr()));
            } catch (ClientException failure) {
                if (candidate == ref) {
                    throw failure;
                }
                // A mirror that cannot serve the image is passed over; what it left half-done the next source resumes.
                spec.commandLine()
                        .getErr()
                        .println("berth: mirror " + candidate.registry() + " failed (" + failure.getMessage()
                                + "); trying the next source");
                continue;
            }
            spec.commandLine()
                    .getOut()
                    .println("Pulled " + candidate + " into " + dir + ":" + refName + " (" + pulled.digest() + ")");
            return;
        }
    }
}
