package dev.berth.client.cli;

import dev.berth.client.BerthClient;
import dev.berth.runtime.cli.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "catalog",
        mixinStandardHelpOptions = true,
        description = "Lists a registry's repositories, one per line (or a JSON array).")
final class CatalogCommand implements Runnable {
    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "REGISTRY", description = "The registry host, e.g. 127.0.0.1:5000.")
    String registry;

    @Option(names = "--format", paramLabel = "FORMAT", description = OutputFormat.OPTION_DESCRIPTION)
    OutputFormat format = OutputFormat.TEXT;

    @Override
    public void run() {
        BerthClient berth = connection.client(root);
        OutputFormat.printList(
                berth.registry(Addresses.registry(registry, berth)).catalog(), format, spec);
    }
}
