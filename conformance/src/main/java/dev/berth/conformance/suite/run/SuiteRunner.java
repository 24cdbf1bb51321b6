package dev.berth.conformance.suite.run;

import dev.berth.conformance.suite.SuiteConfig;
import dev.berth.conformance.suite.Workflow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * Runs the suite's checks with the JUnit Platform Launcher: the packages of the chosen workflows,
 * configured by the {@link SuiteConfig} as configuration parameters, and writes the JUnit XML and
 * Markdown reports when given a directory for them.
 */
public final class SuiteRunner {

    private SuiteRunner() {}

    public static RunResult run(SuiteConfig config, Set<Workflow> workflows, Optional<Path> reportDir) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameters(config.toParameters())
                // The checks' own choice; a junit-platform.properties elsewhere on the class path must not change it.
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                // Display names start with the endpoint id (end-1 … end-13): sorted by them, the
                // reports read endpoint by endpoint.
                .configurationParameter(
                        "junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$DisplayName")
                .configurationParameter(
                        "junit.jupiter.testmethod.order.default", "org.junit.jupiter.api.MethodOrderer$DisplayName");
        for (Workflow workflow : Workflow.values()) {
            if (workflows.contains(workflow)) {
                request.selectors(DiscoverySelectors.selectPackage(workflow.packageName()));
            }
        }
        ResultCollector collector = new ResultCollector();
        List<TestExecutionListener> listeners = new ArrayList<>(List.of(collector));
        StringWriter xmlErrors = new StringWriter();
        reportDir.ifPresent(dir -> listeners.add(
                new LegacyXmlReportGeneratingListener(createDirectories(dir), new PrintWriter(xmlErrors))));

        LauncherDiscoveryRequest discovery = request.build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(discovery, listeners.toArray(new TestExecutionListener[0]));

        RunResult result = collector.result();
        reportDir.ifPresent(
                dir -> MarkdownReport.write(result, config, workflows, dir.resolve(MarkdownReport.FILE_NAME)));
        if (!xmlErrors.toString().isEmpty()) {
            throw new IllegalStateException("writing the JUnit XML report failed: " + xmlErrors);
        }
        return result;
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the report directory " + dir, e);
        }
    }
}
