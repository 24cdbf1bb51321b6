package dev.berth.client.cli;

import dev.berth.client.BerthClient;
import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import dev.berth.client.FetchedManifest;
import dev.berth.client.copy.ContentTarget;
import dev.berth.client.copy.Copier;
import dev.berth.client.copy.LayoutTarget;
import dev.berth.oci.Reference;
import dev.berth.oci.RepositoryName;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "copy",
        mixinStandardHelpOptions = true,
        description = {
            "Copies an image, whole indexes included, between registries and OCI layouts.",
            "SRC and DST are registry references (optionally docker://REF or https://REF) or layouts,"
                    + " oci:DIR[:TAG] or DIR[:TAG];",
            "SRC may also be docker-archive:FILE. Within one registry, blobs are mounted, not copied.",
            "With --all-tags, SRC and DST are repositories and every tag of SRC is copied."
        })
final class CopyCommand implements Runnable {
    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ClientMixin client;

    @Parameters(index = "0", paramLabel = "SRC")
    String source;

    @Parameters(index = "1", paramLabel = "DST")
    String destination;

    @Option(names = "--all-tags", description = "Copy every tag of the repository SRC to the repository DST.")
    boolean allTags;

    @Option(names = "--force", description = "Let the image take the tag from another image in the destination layout.")
    boolean force;

    @Override
    public void run() {
        BerthClient berth = client.client(root);
        if (allTags) {
            copyRepository(berth);
            return;
        }
        FetchedManifest copied = copier().copy(
                        ImageLocation.parse(source).source(berth),
                        target(berth, ImageLocation.destination(destination)),
                        Optional.empty());
        spec.commandLine().getOut().println("Copied " + source + " to " + destination + " (" + copied.digest() + ")");
    }

    private void copyRepository(BerthClient berth) {
        RepositoryName from = Addresses.repository(source, berth);
        RepositoryName to = Addresses.repository(destination, berth);
        List<String> tags = berth.registry(from.apiHost()).tags(from.repository());
        if (tags.isEmpty()) {
            throw new ClientException(FailureKind.NOT_FOUND, from + " has no tags");
        }
        PrintWriter out = spec.commandLine().getOut();
        for (String tag : tags) {
            Reference fromTag = new Reference(from.registry(), from.repository(), tag, null);
            Reference toTag = new Reference(to.registry(), to.repository(), tag, null);
            FetchedManifest copied = copier().copy(berth.source(fromTag), berth.target(toTag), Optional.empty());
            out.println("Copied " + fromTag + " to " + toTag + " (" + copied.digest() + ")");
        }
    }

    private Copier copier() {
        return new Copier(client.jobs, client.progress(spec.commandLine().getErr()));
    }

    private ContentTarget target(BerthClient berth, ImageLocation location) {
        if (location instanceof ImageLocation.Registry registry) {
            return berth.target(registry.reference(berth));
        }
        if (location instanceof ImageLocation.Layout layout) {
            if (layout.tag() == null) {
                throw new ClientException(FailureKind.USAGE, "name the image in the layout: DIR:TAG or oci:DIR:TAG");
            }
            return new LayoutTarget(layout.dir(), layout.tag(), force);
        }
        throw new ClientException(FailureKind.USAGE, "a docker archive can only be a source");
    }
}
