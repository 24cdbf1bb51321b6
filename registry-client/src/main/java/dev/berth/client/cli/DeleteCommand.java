package dev.berth.client.cli;

import dev.berth.client.BerthClient;
import dev.berth.client.RegistryClient;
import dev.berth.oci.Digest;
import dev.berth.oci.Reference;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        description = {
            "Deletes a tag (REPO:TAG): the image and its other tags stay.",
            "Deletes an image (REPO@DIGEST, or REPO:TAG --manifest) with every tag pointing at it, and lists those tags.",
            "The registry must allow deletes."
        })
final class DeleteCommand implements Runnable {
    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "REF", description = "REPO:TAG or REPO@DIGEST.")
    String reference;

    @Option(
            names = "--manifest",
            description = "Delete the manifest the tag points at, and so every tag pointing at it, not the tag alone.")
    boolean manifest;

    @Override
    public void run() {
        BerthClient berth = connection.client(root);
        Reference ref = Addresses.reference(reference, berth);
        RegistryClient registry = berth.registry(ref.apiHost());
        PrintWriter out = spec.commandLine().getOut();
        if (ref.digest() == null && !manifest) {
            registry.deleteTag(ref.repository(), ref.tag());
            out.println("Deleted tag " + ref);
            return;
        }
        Digest digest = registry.digest(ref);
        // Listed before the delete: afterwards the tags no longer resolve to anything.
        List<String> tags = registry.tags(ref.repository()).stream()
                .filter(tag -> registry.resolve(ref.repository(), tag).digest().equals(digest))
                .toList();
        registry.deleteManifest(ref.repository(), digest);
        tags.forEach(tag -> out.println("Untagged " + ref.repositoryName() + ":" + tag));
        out.println("Deleted " + ref.repositoryName() + "@" + digest);
    }
}
