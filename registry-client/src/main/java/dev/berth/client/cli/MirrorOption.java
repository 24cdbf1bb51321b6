package dev.berth.client.cli;

import dev.berth.client.Mirrors;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --mirror}, for the commands that pull an image: pull, run and unpack. */
final class MirrorOption {
    @Option(
            names = "--mirror",
            paramLabel = "[REGISTRY=]HOST[/PREFIX]",
            description = {
                "A mirror to try first for REGISTRY's images (Docker Hub's when REGISTRY is left out),"
                        + " under PREFIX; repeatable. The registry itself is tried when every mirror fails."
            })
    List<String> specs = List.of();

    Mirrors mirrors(CommandLine commandLine) {
        try {
            return Mirrors.parse(specs);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }
}
