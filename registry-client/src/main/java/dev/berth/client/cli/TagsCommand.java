package dev.berth.client.cli;

import dev.berth.client.BerthClient;
import dev.berth.oci.RepositoryName;
import dev.berth.runtime.cli.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "tags",
        mixinStandardHelpOptions = true,
        description = "Lists a repository's tags, one per line (or a JSON array).")
final class TagsCommand implements Runnable {
    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "REPO", description = "The repository, e.g. 127.0.0.1:5000/team/app.")
    String repository;

    @Option(names = "--format", paramLabel = "FORMAT", description = OutputFormat.OPTION_DESCRIPTION)
    OutputFormat format = OutputFormat.TEXT;

    @Override
    public void run() {
        BerthClient berth = connection.client(root);
        RepositoryName name = Addresses.repository(repository, berth);
        OutputFormat.printList(berth.registry(name.apiHost()).tags(name.repository()), format, spec);
    }
}
