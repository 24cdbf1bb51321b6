package dev.berth.conformance.suite.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.conformance.suite.SuiteConfig;
import dev.berth.conformance.suite.Workflow;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the suite's runner")
class SuiteRunnerTest {

    @Test
    @DisplayName(
            "counts every check, also those whose class could not prepare: with no registry at all, every one fails")
    void noRegistryFailsEveryCheck() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SuiteConfig config = SuiteConfig.forRegistry(URI.create("http://127.0.0.1:" + closedPort));

        RunResult result = SuiteRunner.run(config, EnumSet.of(Workflow.PULL), Optional.empty());

        assertThat(result.checks()).hasSize(18);
        assertThat(result.failures()).hasSize(18);
        assertThat(result.failures())
                .filteredOn(check -> check.id().startsWith("PullBlobChecks."))
                .allSatisfy(check ->
                        assertThat(check.message()).startsWith("the check class failed before this check ran"));
    }
}
