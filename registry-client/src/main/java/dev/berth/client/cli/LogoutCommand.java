package dev.berth.client.cli;

import dev.berth.client.auth.DockerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "logout",
        mixinStandardHelpOptions = true,
        description = "Removes a registry's credentials from docker's config.json (and its credential helper).")
final class LogoutCommand implements Runnable {
    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REGISTRY", description = "The registry host.")
    String registry;

    @Override
    public void run() {
        DockerConfig config = ConnectionOptions.dockerConfig(root);
        boolean had = config.erase(registry);
        spec.commandLine()
                .getOut()
                .println(
                        had
                                ? "Removed the credentials for " + registry
                                : "No stored credentials for " + registry + " in " + config.file());
    }
}
