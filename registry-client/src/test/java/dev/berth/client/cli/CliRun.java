package dev.berth.client.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code berth ARGS} in this JVM, as the shell would, and keeps what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun berthWithStdin(Map<String, String> environment, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine =
                BerthCommand.commandLine(environment, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    public static CliRun berth(Map<String, String> environment, String... args) {
        return berthWithStdin(environment, "", args);
    }
}
