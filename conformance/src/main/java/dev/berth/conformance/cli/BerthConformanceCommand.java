package dev.berth.conformance.cli;

import dev.berth.conformance.suite.Capability;
import dev.berth.conformance.suite.Credentials;
import dev.berth.conformance.suite.SuiteConfig;
import dev.berth.conformance.suite.Workflow;
import dev.berth.conformance.suite.run.CheckResult;
import dev.berth.conformance.suite.run.MarkdownReport;
import dev.berth.conformance.suite.run.RunResult;
import dev.berth.conformance.suite.run.SuiteRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code berth-conformance}: the OCI distribution-spec conformance suite against any registry.
 * Exit codes: 0 when no check failed, 1 when one did, 2 for a usage error.
 */
@Command(
        name = "berth-conformance",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Checks a registry against the OCI distribution spec v1.1, workflow by workflow (pull, push, "
                + "content discovery, content management). The checks push to repositories below --namespace and, "
                + "when deletes are enabled, delete what they pushed. Prints `conformance: P passed, F failed, "
                + "S skipped` and exits 1 if any check failed.",
        versionProvider = BerthConformanceCommand.Version.class)
public final class BerthConformanceCommand implements Callable<Integer> {

    @Option(
            names = "--url",
            required = true,
            paramLabel = "URL",
            description = "The registry's base URL, e.g. http://127.0.0.1:5000.")
    URI url;

    @Option(
            names = "--namespace",
            paramLabel = "NAME",
            defaultValue = SuiteConfig.DEFAULT_NAMESPACE,
            description = "The repository name the checks create their repositories below (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Option(
            names = "--username",
            paramLabel = "USER",
            description = "User for basic auth (and for fetching bearer tokens).")
    String username;

    @Option(names = "--password-stdin", description = "Read the password from standard input (the first line).")
    boolean passwordStdin;

    @Option(
            names = "--workflows",
            split = ",",
            paramLabel = "WORKFLOW",
            description = "Which workflows to check: pull, push, discovery, management (default: all).")
    List<String> workflows;

    @Option(
            names = "--report",
            paramLabel = "DIR",
            description = "Write TEST-junit-jupiter.xml (JUnit XML) and " + MarkdownReport.FILE_NAME + " into DIR.")
    Path reportDir;

    @Option(
            names = "--deletes-disabled",
            description = "The registry disables deletion: check that DELETE answers 400 or 405.")
    boolean deletesDisabled;

    @Option(
            names = "--tag-deletes-disabled",
            description =
                    "The registry deletes manifests by digest only: check that DELETE of a tag answers 400 or 405.")
    boolean tagDeletesDisabled;

    @Option(
            names = "--automatic-cross-mount",
            description = "The registry mounts a blob without `from` when it can find it.")
    boolean automaticCrossMount;

    @Option(names = "--no-referrers", description = "The registry has no referrers API: skip its checks.")
    boolean noReferrers;

    @Option(
            names = "--chunk-min-length",
            paramLabel = "BYTES",
            defaultValue = "0",
            description =
                    "The registry's minimum PATCH chunk size; chunks are sent at least this long (default: none).")
    long chunkMinLength;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // picocli answers a usage error with 2 (CommandLine.ExitCode.USAGE).
        System.exit(new CommandLine(new BerthConformanceCommand()).execute(args));
    }

    @Override
    public Integer call() {
        SuiteConfig config = config();
        Set<Workflow> selected = selectedWorkflows();
        PrintWriter out = spec.commandLine().getOut();
        out.println("berth-conformance: checking " + config.url() + " ("
                + String.join(", ", selected.stream().map(Workflow::id).toList()) + ")");
        out.flush();

        RunResult result = SuiteRunner.run(config, selected, Optional.ofNullable(reportDir));

        for (CheckResult failure : result.failures()) {
            out.println("FAILED " + failure.id() + ": " + failure.displayName());
            failure.message().lines().limit(3).forEach(line -> out.println("    " + line));
        }
        if (reportDir != null) {
            out.println("report: " + reportDir.resolve(MarkdownReport.FILE_NAME));
        }
        out.println(result.summaryLine());
        out.flush();
        return result.hasFailures() ? 1 : 0;
    }

    private SuiteConfig config() {
        SuiteConfig config = SuiteConfig.forRegistry(url)
                .withNamespace(namespace)
                .withChunkMinLength(chunkMinLength)
                .with(Capability.DELETES, !deletesDisabled)
                .with(Capability.TAG_DELETES, !deletesDisabled && !tagDeletesDisabled)
                .with(Capability.AUTOMATIC_CROSS_MOUNT, automaticCrossMount)
                .with(Capability.REFERRERS, !noReferrers);
        if (username != null) {
            config = config.withCredentials(new Credentials(username, passwordStdin ? readPassword() : ""));
        } else if (passwordStdin) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--password-stdin needs --username");
        }
        return config;
    }

    private Set<Workflow> selectedWorkflows() {
        if (workflows == null || workflows.isEmpty()) {
            return EnumSet.allOf(Workflow.class);
        }
        EnumSet<Workflow> selected = EnumSet.noneOf(Workflow.class);
        for (String id : workflows) {
            try {
                selected.add(Workflow.byId(id));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        return selected;
    }

    private static String readPassword() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password from standard input", e);
        }
    }

    /** The version Maven wrote into the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = BerthConformanceCommand.class.getPackage().getImplementationVersion();
            return new String[] {"berth-conformance " + (version == null ? "(development build)" : version)};
        }
    }
}
