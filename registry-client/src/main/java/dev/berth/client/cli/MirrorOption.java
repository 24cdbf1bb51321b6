package dev.berth.client.cli;

import dev.berth.client.Mirrors;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --mirror}, for the commands that pull an image: pull, run and unpack; without it, the
 * mirrors {@value #ENVIRONMENT} names, so that they can be set once for a shell or a CI job, as
 * docker's {@code registry-mirrors} is set once for its daemon.
 */
final class MirrorOption {
    static final String ENVIRONMENT = "BERTH_MIRRORS";

    @Option(
            names = "--mirror",
            paramLabel = "[REGISTRY=]HOST[/PREFIX]",
            description = {
                "A mirror to try first for REGISTRY's images (Docker Hub's when REGISTRY is left out),"
                        + " under PREFIX; repeatable. The registry itself is tried when every mirror fails."
                        + " Default: those in $" + ENVIRONMENT + " (separated by commas or spaces)."
            })
    List<String> specs = List.of();

    Mirrors mirrors(CommandLine commandLine, Map<String, String> environment) {
        if (!specs.isEmpty()) {
            return parse(commandLine, specs, "");
        }
        // A stray separator ("a,,b", ",a", "a,") names no mirror rather than an empty one.
        List<String> configured = Arrays.stream(
                        environment.getOrDefault(ENVIRONMENT, "").split("[,\\s]+"))
                .filter(spec -> !spec.isEmpty())
                .toList();
        if (configured.isEmpty()) {
            return Mirrors.none();
        }
        return parse(commandLine, configured, " (in $" + ENVIRONMENT + ")");
    }

    private static Mirrors parse(CommandLine commandLine, List<String> specs, String where) {
        try {
            return Mirrors.parse(specs);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage() + where);
        }
    }
}
