package dev.berth.client.cli;

import dev.berth.client.BerthClient;
import dev.berth.client.RegistryClient;
import dev.berth.oci.Digest;
import dev.berth.oci.Reference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "referrers",
        mixinStandardHelpOptions = true,
        description = "Prints the referrers API's image index of the manifests whose subject REF is.")
final class ReferrersCommand implements Runnable {
    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "REF")
    String reference;

    @Option(names = "--artifact-type", paramLabel = "T", description = "Only referrers of this artifact type.")
    String artifactType;

    @Override
    public void run() {
        BerthClient berth = connection.client(root);
        Reference ref = Addresses.reference(reference, berth);
        RegistryClient registry = berth.registry(ref.apiHost());
        Digest digest = registry.digest(ref);
        spec.commandLine()
                .getOut()
                .println(registry.referrers(ref.repository(), digest, artifactType)
                        .toPrettyString());
    }
}
