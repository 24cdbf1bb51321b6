package dev.berth.client.cli;

import dev.berth.client.RegistryClient;
import dev.berth.oci.Digest;
import dev.berth.oci.Reference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        description = {
            "Deletes the manifest a reference names, with every tag pointing at it.",
            "A tag is resolved to its digest first. The registry must allow deletes."
        })
final class DeleteCommand implements Runnable {
    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ClientMixin client;

    @Parameters(paramLabel = "REF")
    String reference;

    @Override
    public void run() {
        Reference ref = Reference.parse(reference);
        RegistryClient registry = client.client(root).registry(ref.apiHost());
        Digest digest = registry.digest(ref);
        registry.deleteManifest(ref.repository(), digest);
        spec.commandLine().getOut().println("Deleted " + ref.repositoryName() + "@" + digest);
    }
}
