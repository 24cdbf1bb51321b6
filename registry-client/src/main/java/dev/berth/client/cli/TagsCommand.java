package dev.berth.client.cli;

import dev.berth.oci.RepositoryName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "tags", mixinStandardHelpOptions = true, description = "Lists a repository's tags, one per line.")
final class TagsCommand implements Runnable {
    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ClientMixin client;

    @Parameters(paramLabel = "REPO", description = "The repository, e.g. 127.0.0.1:5000/team/app.")
    String repository;

    @Override
    public void run() {
        RepositoryName name = RepositoryName.parse(repository);
        client.client(root)
                .registry(name.apiHost())
                .tags(name.repository())
                .forEach(spec.commandLine().getOut()::println);
    }
}
