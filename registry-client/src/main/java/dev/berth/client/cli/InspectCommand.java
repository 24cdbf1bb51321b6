package dev.berth.client.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import dev.berth.client.FetchedManifest;
import dev.berth.client.Verification;
import dev.berth.client.copy.ContentSource;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Manifest;
import dev.berth.oci.Platform;
import dev.berth.oci.PlatformSelection;
import java.io.IOException;
import java.io.InputStream;
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
            "Shows an image: a summary by default, the manifest as stored with --raw, its config with --config.",
            "REF may also be oci:DIR[:TAG]."
        })
final class InspectCommand implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CONFIG_BYTES = 16 * 1024 * 1024;

    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ClientMixin client;

    @Parameters(paramLabel = "REF")
    String reference;

    @Option(names = "--raw", description = "Print the manifest's exact bytes.")
    boolean raw;

    @Option(names = "--config", description = "Print the image config (of this machine's platform for an index).")
    boolean config;

    @Override
    public void run() {
        ContentSource source = ImageLocation.parse(reference).source(client.client(root));
        FetchedManifest manifest = source.root();
        PrintWriter out = spec.commandLine().getOut();
        if (raw) {
            out.print(new String(manifest.bytes(), StandardCharsets.UTF_8));
            out.flush();
        } else if (config) {
            out.println(new String(configOf(source, manifest), StandardCharsets.UTF_8));
        } else {
            out.println(summary(manifest).toPrettyString());
        }
    }

    private static byte[] configOf(ContentSource source, FetchedManifest manifest) {
        Manifest parsed = manifest.parsed();
        if (parsed.isIndex()) {
            Descriptor chosen = PlatformSelection.choose(parsed.manifests(), Platform.current())
                    .orElseThrow(
                            () -> new ClientException(FailureKind.NOT_FOUND, "no image for " + Platform.current()));
            parsed = source.manifest(chosen).parsed();
        }
        Descriptor configDescriptor = parsed.config();
        if (configDescriptor.size() > MAX_CONFIG_BYTES) {
            throw new ClientException(
                    FailureKind.VERIFICATION, "the config is larger than " + MAX_CONFIG_BYTES + " bytes");
        }
        try (InputStream in = source.blob(configDescriptor, 0)) {
            byte[] bytes = in.readNBytes((int) configDescriptor.size() + 1);
            Verification.check(configDescriptor, bytes);
            return bytes;
        } catch (IOException e) {
            throw new ClientException(FailureKind.NETWORK, "reading the config failed: " + e.getMessage(), e);
        }
    }

    private static ObjectNode summary(FetchedManifest manifest) {
        Manifest parsed = manifest.parsed();
        ObjectNode summary = JSON.createObjectNode();
        summary.put("digest", manifest.digest().toString());
        summary.put("mediaType", manifest.mediaType());
        summary.put("size", manifest.bytes().length);
        if (parsed.isIndex()) {
            ArrayNode manifests = summary.putArray("manifests");
            for (Descriptor child : parsed.manifests()) {
                Platform platform = Platform.of(child);
                manifests
                        .addObject()
                        .put("digest", child.digest().toString())
                        .put("platform", platform == null ? "" : platform.toString())
                        .put("size", child.size());
            }
        } else {
            summary.put("config", parsed.config().digest().toString());
            ArrayNode layers = summary.putArray("layers");
            long total = 0;
            for (Descriptor layer : parsed.layers()) {
                layers.addObject()
                        .put("digest", layer.digest().toString())
                        .put("mediaType", layer.mediaType())
                        .put("size", layer.size());
                total += layer.size();
            }
            summary.put("layersSize", total);
        }
        if (!parsed.annotations().isEmpty()) {
            summary.set("annotations", JSON.valueToTree(parsed.annotations()));
        }
        return summary;
    }
}
