package dev.berth.conformance.suite.support;

/**
 * A step that prepares a check (pushing the content it pulls, say) failed. The check fails too,
 * but the message says that the registry failed before the requirement under test was reached.
 */
public final class SetupFailure extends AssertionError {

    public SetupFailure(String step, Exchange exchange) {
        super("setup failed, before the requirement under test: " + step + "\n" + exchange.describe());
    }
}
