package dev.berth.conformance.suite.run;

import dev.berth.conformance.suite.Capability;
import dev.berth.conformance.suite.SuiteConfig;
import dev.berth.conformance.suite.Workflow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The report a person reads: what was tested and how the registry was declared, then every check
 * per workflow with its outcome, and the failure messages and skip reasons in full.
 */
public final class MarkdownReport {

    public static final String FILE_NAME = "conformance-report.md";

    private MarkdownReport() {}

    static void write(RunResult result, SuiteConfig config, Set<Workflow> workflows, Path file) {
        try {
            Files.writeString(file, render(result, config, workflows), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static String render(RunResult result, SuiteConfig config, Set<Workflow> workflows) {
        StringBuilder md = new StringBuilder();
        md.append("# OCI distribution-spec conformance: ").append(config.url()).append("\n\n");
        md.append("**").append(result.summaryLine()).append("**\n\n");
        md.append("| setting | value |\n|---|---|\n");
        md.append("| registry | ").append(config.url()).append(" |\n");
        md.append("| namespace | `").append(config.namespace()).append("` |\n");
        md.append("| workflows | ")
                .append(String.join(
                        ", ", workflows.stream().sorted().map(Workflow::id).toList()))
                .append(" |\n");
        for (Capability capability : Capability.values()) {
            md.append("| ")
                    .append(capability.key())
                    .append(" | ")
                    .append(config.has(capability))
                    .append(" |\n");
        }
        md.append("| chunkMinLength | ").append(config.chunkMinLength()).append(" |\n");
        md.append("| run | `")
                .append(config.runId())
                .append("`, ")
                .append(Instant.now())
                .append(" |\n\n");

        for (Workflow workflow : Workflow.values()) {
            List<CheckResult> checks = result.checks().stream()
                    .filter(check -> check.workflow() == workflow)
                    .toList();
            if (checks.isEmpty()) {
                continue;
            }
            md.append("## ").append(workflow.title()).append("\n\n");
            md.append("| outcome | check | requirement |\n|---|---|---|\n");
            for (CheckResult check : checks) {
                md.append("| ")
                        .append(badge(check.outcome()))
                        .append(" | `")
                        .append(check.id())
                        .append("` | ")
                        .append(cell(check.displayName()))
                        .append(" |\n");
            }
            md.append('\n');
        }
        appendDetails(md, "Failures", result.failures());
        appendDetails(md, "Skipped checks", result.skips());
        return md.toString();
    }

    private static void appendDetails(StringBuilder md, String title, List<CheckResult> checks) {
        if (checks.isEmpty()) {
            return;
        }
        md.append("## ").append(title).append("\n\n");
        for (CheckResult check : checks) {
            md.append("### `")
                    .append(check.id())
                    .append("`\n\n")
                    .append(check.displayName())
                    .append("\n\n");
            md.append("```\n").append(check.message().replace("```", "'''")).append("\n```\n\n");
        }
    }

    private static String badge(CheckResult.Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "pass";
            case FAILED -> "**FAIL**";
            case SKIPPED -> "skip";
        };
    }

    /** A table cell: pipes and line breaks would end it early. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
