package dev.berth.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.InProcessBerth;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayName("berth-conformance, the command")
class BerthConformanceCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new BerthConformanceCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(out));
        return command.execute(args);
    }

    @Test
    @DisplayName(
            "prints the summary line, writes JUnit XML and Markdown into --report, and exits 0 when nothing failed")
    void passingRun() {
        try (InProcessBerth berth = InProcessBerth.start(dir.resolve("data"), true)) {
            int exit = run(
                    "--url",
                    berth.url().toString(),
                    "--workflows",
                    "pull,discovery",
                    "--report",
                    dir.resolve("report").toString());

            assertThat(exit).as(out.toString()).isZero();
            assertThat(out.toString()).containsPattern("(?m)^conformance: \\d+ passed, 0 failed, \\d+ skipped$");
            assertThat(dir.resolve("report/TEST-junit-jupiter.xml")).content().contains("<testsuite");
            assertThat(dir.resolve("report/conformance-report.md"))
                    .content()
                    .contains("## Pull", "## Content Discovery", "`TagListChecks.listAll`")
                    .doesNotContain("## Push");
        }
    }

    @Test
    @DisplayName(
            "exits 1 and names each failed check when the registry was declared wrongly (deletes disabled, but they work)")
    void failingRun() {
        try (InProcessBerth berth = InProcessBerth.start(dir.resolve("data"), true)) {
            int exit = run("--url", berth.url().toString(), "--workflows", "management", "--deletes-disabled");

            assertThat(exit).isEqualTo(1);
            assertThat(out.toString())
                    .contains(
                            "FAILED DeletesDisabledChecks.manifestDeletionRefused",
                            "conformance: 0 passed, 2 failed, ");
        }
    }

    @Test
    @DisplayName("exits 2 on a usage error: an unknown workflow, or no --url")
    void usageErrors() {
        assertThat(run("--url", "http://127.0.0.1:1", "--workflows", "pull,bogus"))
                .isEqualTo(2);
        assertThat(out.toString()).contains("no workflow 'bogus'");
        assertThat(run("--workflows", "pull")).isEqualTo(2);
    }
}
