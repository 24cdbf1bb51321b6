package dev.berth.client.cli;

import dev.berth.client.BerthClient;
import dev.berth.client.FetchedManifest;
import dev.berth.oci.Reference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "push",
        mixinStandardHelpOptions = true,
        description = {
            "Pushes an image from an OCI layout (DIR[:TAG]) or a docker save tarball to a registry.",
            "Blobs the registry has are skipped; an index is pushed whole."
        })
final class PushCommand implements Runnable {
    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ClientMixin client;

    @Parameters(
            index = "0",
            paramLabel = "DIR[:TAG]",
            description = "The OCI layout (and the ref name in it), or a docker save tarball.")
    String local;

    @Parameters(index = "1", paramLabel = "REF", description = "Where to push, e.g. 127.0.0.1:5000/team/app:1.0.")
    String reference;

    @Override
    public void run() {
        BerthClient berth = client.client(root);
        Reference target = Addresses.reference(reference, berth);
        FetchedManifest pushed = berth.push(
                ImageLocation.local(local).source(berth),
                target,
                client.progress(spec.commandLine().getErr()));
        spec.commandLine().getOut().println("Pushed " + local + " to " + target + " (" + pushed.digest() + ")");
    }
}
