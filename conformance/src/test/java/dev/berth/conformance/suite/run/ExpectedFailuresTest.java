package dev.berth.conformance.suite.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.conformance.suite.Workflow;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("an expected-failures list")
class ExpectedFailuresTest {

    private static ExpectedFailures parse(String text) {
        return ExpectedFailures.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static CheckResult check(String id, CheckResult.Outcome outcome) {
        return new CheckResult(id, Workflow.PULL, id, outcome, "");
    }

    @Test
    @DisplayName("names each check with its reason, skipping comments and blank lines")
    void parses() {
        ExpectedFailures list = parse("# a comment\n\nA.one   the reason, in words\nB.two other reason\n");

        assertThat(list.reasons())
                .containsExactly(Map.entry("A.one", "the reason, in words"), Map.entry("B.two", "other reason"));
    }

    @Test
    @DisplayName("refuses an entry without a reason, and one listed twice")
    void refusesBadEntries() {
        assertThatThrownBy(() -> parse("A.one\n")).hasMessageContaining("reason");
        assertThatThrownBy(() -> parse("A.one x\nA.one y\n")).hasMessageContaining("twice");
    }

    @Test
    @DisplayName("tells the failures it does not explain, and the entries that did not fail")
    void comparesWithARun() {
        ExpectedFailures list = parse("A.one known\nB.two fixed since\n");
        RunResult run = new RunResult(List.of(
                check("A.one", CheckResult.Outcome.FAILED),
                check("B.two", CheckResult.Outcome.PASSED),
                check("C.three", CheckResult.Outcome.FAILED)));

        assertThat(list.unexpected(run)).extracting(CheckResult::id).containsExactly("C.three");
        assertThat(list.stale(run)).containsExactly("B.two");
    }
}
