package dev.berth.client.cli;

import dev.berth.client.BerthClient;
import dev.berth.oci.Reference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "digest",
        mixinStandardHelpOptions = true,
        description = "Prints the digest of the manifest (or index) a reference names.")
final class DigestCommand implements Runnable {
    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "REF")
    String reference;

    @Override
    public void run() {
        BerthClient berth = connection.client(root);
        Reference ref = Addresses.reference(reference, berth);
        spec.commandLine()
                .getOut()
                .println(berth.registry(ref.apiHost())
                        .resolve(ref.repository(), ref.manifestReference())
                        .digest());
    }
}
