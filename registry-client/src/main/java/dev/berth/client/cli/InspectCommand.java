package dev.berth.client.cli;

import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import dev.berth.client.FetchedManifest;
import dev.berth.client.copy.ContentSource;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Manifest;
import dev.berth.oci.Platform;
import dev.berth.oci.PlatformSelection;
import dev.berth.runtime.cli.OutputFormat;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = {
            "Shows an image as skopeo inspect does: digest, created, os/arch, env, labels, layers"
                    + " (of this machine's platform for an index, whose platforms are listed too).",
            "--raw prints the manifest as stored, --config the image config.",
            "REF may also be a layout, DIR[:TAG] or oci:DIR[:TAG]."
        })
final class InspectCommand implements Runnable {
    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "REF")
    String reference;

    @Option(names = "--raw", description = "Print the manifest's exact bytes.")
    boolean raw;

    @Option(names = "--config", description = "Print the image config (of this machine's platform for an index).")
    boolean config;

    @Option(names = "--format", paramLabel = "FORMAT", description = OutputFormat.OPTION_DESCRIPTION)
    OutputFormat format = OutputFormat.TEXT;

    @Override
    public void run() {
        ContentSource source = ImageLocation.parse(reference).source(connection.client(root));
        FetchedManifest manifest = source.root();
        PrintWriter out = spec.commandLine().getOut();
        if (raw) {
            out.print(new String(manifest.bytes(), StandardCharsets.UTF_8));
            out.flush();
            return;
        }
        Manifest image = imageOf(source, manifest);
        byte[] configBytes = source.config(image);
        if (config) {
            out.println(new String(configBytes, StandardCharsets.UTF_8));
            return;
        }
        ImageSummary summary = new ImageSummary(
                reference, manifest, manifest.parsed().isIndex() ? manifest.parsed() : null, image, configBytes);
        if (format == OutputFormat.JSON) {
            out.println(OutputFormat.json(summary.json()));
        } else {
            summary.printText(out);
        }
    }

    /** The image manifest itself, or this machine's platform's from an index. */
    private static Manifest imageOf(ContentSource source, FetchedManifest manifest) {
        Manifest parsed = manifest.parsed();
        if (!parsed.isIndex()) {
            return parsed;
        }
        Descriptor chosen = PlatformSelection.choose(parsed.manifests(), Platform.current())
                .orElseThrow(() -> new ClientException(FailureKind.NOT_FOUND, "no image for " + Platform.current()));
        return source.manifest(chosen).parsed();
    }
}
