package dev.berth.client.cli;

import dev.berth.runtime.cli.ContainerRun;
import dev.berth.runtime.cli.Failures;
import dev.berth.runtime.cli.RunArguments;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code berth run}: the client resolves the image into a local layout (the cache, as --pull
 * says), then the runtime shim turns it into a bundle and runs it. The path is one-way.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run a command in a new container from an image, in the foreground; "
                + "exits with the container's exit status (125: berth failed; 126, 127: the command cannot run).")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ImagePulling pulling;

    @Mixin
    RunArguments arguments;

    @Override
    public Integer call() {
        ContainerRun run = new ContainerRun(
                root.environment(),
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
        return Failures.reported(spec.commandLine().getErr(), () -> {
            pulling.policy();
            run.checkOptions(arguments);
            return run.run(
                    pulling.resolve(arguments.image(), root, spec.commandLine().getErr()), arguments);
        });
    }
}
