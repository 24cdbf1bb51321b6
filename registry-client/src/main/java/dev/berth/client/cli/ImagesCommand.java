package dev.berth.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.client.LayoutCacheImageSource;
import dev.berth.client.progress.ByteSizes;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Manifest;
import dev.berth.oci.MediaTypes;
import dev.berth.oci.Reference;
import dev.berth.oci.layout.LayoutException;
import dev.berth.oci.layout.OciLayout;
import dev.berth.runtime.cli.OutputFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "images",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the images in the layout cache that berth run pulls into"
                    + " ($BERTH_CACHE, else $XDG_CACHE_HOME/berth/images, else ~/.cache/berth/images):",
            "repository, tag, digest, size (config and layers) and when the image was created."
        })
final class ImagesCommand implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORMAT = "%-40s %-16s %-19s %10s  %s%n";

    /** One image of the cache. */
    record Image(String repository, String tag, String digest, long size, String created) {
        /** With docker's and skopeo's capitalised field names, as inspect has them. */
        ObjectNode json() {
            return JSON.createObjectNode()
                    .put("Repository", repository)
                    .put("Tag", tag)
                    .put("Digest", digest)
                    .put("Size", size)
                    .put("Created", created);
        }
    }

    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", description = OutputFormat.OPTION_DESCRIPTION)
    OutputFormat format = OutputFormat.TEXT;

    @Override
    public void run() {
        List<Image> images = images(LayoutCacheImageSource.defaultCache(root.environment()));
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            ArrayNode array = JSON.createArrayNode();
            images.forEach(image -> array.add(image.json()));
            out.println(OutputFormat.json(array));
            return;
        }
        out.printf(FORMAT, "REPOSITORY", "TAG", "DIGEST", "SIZE", "CREATED");
        for (Image image : images) {
            out.printf(
                    FORMAT,
                    image.repository(),
                    image.tag(),
                    image.digest().substring(0, Math.min(image.digest().length(), 19)),
                    ByteSizes.format(image.size()),
                    image.created());
        }
    }

    static List<Image> images(Path cache) {
        List<Image> images = new ArrayList<>();
        if (!OciLayout.isMarked(cache)) {
            return images;
        }
        OciLayout layout = OciLayout.open(cache);
        for (Descriptor entry : layout.entries()) {
            String refName = entry.annotations().getOrDefault(OciLayout.REF_NAME, "");
            String repository = refName;
            String tag = "<none>";
            try {
                Reference reference = Reference.parse(refName);
                repository = reference.repositoryName().toString();
                tag = reference.tag() != null ? reference.tag() : "<none>";
            } catch (IllegalArgumentException e) {
                // A name berth run did not give (the cache is an ordinary layout): shown as it is.
            }
            Contents contents = contents(layout, entry);
            images.add(new Image(repository, tag, entry.digest().toString(), contents.size, contents.created));
        }
        return images;
    }

    /** What an image holds: the sizes of its config and layers (each image's, for an index), and its creation time. */
    private record Contents(long size, String created) {}

    private static Contents contents(OciLayout layout, Descriptor descriptor) {
        if (!MediaTypes.isManifest(descriptor.mediaType())) {
            return new Contents(descriptor.size(), "");
        }
        try {
            Manifest manifest = layout.readManifest(descriptor);
            if (manifest.isIndex()) {
                long size = 0;
                for (Descriptor child : manifest.manifests()) {
                    if (Files.isRegularFile(layout.blobPath(child.digest()))) {
                        size += contents(layout, child).size;
                    }
                }
                return new Contents(size, "");
            }
            long size = manifest.requiredBlobs().stream()
                    .mapToLong(Descriptor::size)
                    .sum();
            JsonNode config = JSON.readTree(layout.readSmallBlob(manifest.config()));
            return new Contents(size, config.path("created").asText(""));
        } catch (LayoutException | IOException e) {
            return new Contents(0, "(unreadable: " + e.getMessage() + ")");
        }
    }
}
