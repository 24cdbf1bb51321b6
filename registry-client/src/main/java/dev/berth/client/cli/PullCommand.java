package dev.berth.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.client.BerthClient;
import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import dev.berth.client.FetchedManifest;
import dev.berth.client.Mirrors;
import dev.berth.client.copy.ContentSource;
import dev.berth.oci.Digest;
import dev.berth.oci.Manifest;
import dev.berth.oci.Platform;
import dev.berth.oci.Reference;
import dev.berth.oci.layout.OciLayout;
import java.io.IOException;
import java.io.PrintWriter;
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
            "The image is tagged in DIR/index.json with its tag (org.opencontainers.image.ref.name).",
            "Docker manifests are stored as OCI ones, as skopeo stores them, so that other tools read the layout."
        })
final class PullCommand implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper();

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
            description = "The platform to pick from an index (default: this machine's); an image of another"
                    + " platform is an error.")
    String platform;

    @Option(names = "--all-platforms", description = "Keep the whole index, every platform.")
    boolean allPlatforms;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            description = "The ref name to tag the image with in DIR (default: the tag, or the digest).")
    String name;

    @Option(names = "--force", description = "Let the image take its name from another image in DIR.")
    boolean force;

    @Mixin
    MirrorOption mirror;

    @Override
    public void run() {
        BerthClient berth = client.client(root);
        Reference ref = Addresses.reference(reference, berth);
        if (platform != null && allPlatforms) {
            throw new ClientException(FailureKind.USAGE, "--platform and --all-platforms exclude each other");
        }
        Optional<Platform> wanted = allPlatforms
                ? Optional.empty()
                : Optional.of(platform == null ? Platform.current() : Platform.parse(platform));
        String refName = name != null
                ? name
                : ref.tag() != null ? ref.tag() : ref.digest().toString();
        Mirrors mirrors = mirror.mirrors(spec.commandLine(), root.environment());
        PrintWriter err = spec.commandLine().getErr();
        Pulled pulled = mirrors.firstThatWorks(
                ref,
                source -> {
                    if (platform != null) {
                        requirePlatform(berth.source(source), wanted.get());
                    }
                    return new Pulled(source, berth.pull(source, dir, refName, wanted, force, client.progress(err)));
                },
                note -> err.println("berth: " + note));
        Digest stored = OciLayout.open(dir).find(refName).digest();
        Digest digest = pulled.manifest().digest();
        spec.commandLine()
                .getOut()
                .println("Pulled " + pulled.source() + " into " + dir + ":" + refName + " (" + digest
                        + (stored.equals(digest) ? "" : ", stored as the OCI manifest " + stored) + ")");
    }

    private record Pulled(Reference source, FetchedManifest manifest) {}

    /**
     * An index is checked when the platform is picked from it; a single image named with
     * --platform must be for that platform too, as its config says.
     */
    private static void requirePlatform(ContentSource source, Platform wanted) {
        Manifest image = source.root().parsed();
        if (image.isIndex()) {
            return;
        }
        JsonNode config;
        try {
            config = JSON.readTree(source.config(image));
        } catch (IOException e) {
            throw new ClientException(FailureKind.VERIFICATION, "the image config is not JSON: " + e.getMessage(), e);
        }
        if (!config.hasNonNull("os") || !config.hasNonNull("architecture")) {
            return;
        }
        Platform actual = new Platform(
                config.path("os").asText(),
                config.path("architecture").asText(),
                config.path("variant").asText(null));
        if (wanted.score(actual) == 0) {
            throw new ClientException(
                    FailureKind.NOT_FOUND,
                    source.describe() + " is an image for " + actual + " only, not for " + wanted);
        }
    }
}
