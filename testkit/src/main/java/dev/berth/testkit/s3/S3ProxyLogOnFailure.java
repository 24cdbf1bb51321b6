package dev.berth.testkit.s3;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Attaches what an {@link S3ProxyProcess} logged to the failure of the test that drove it: S3Proxy
 * tells why it answered 500 only in its own log, which lives and dies in the test's scratch
 * directory, so without this a failure in CI says that S3 failed and never why.
 */
public final class S3ProxyLogOnFailure implements TestExecutionExceptionHandler {
    private final Supplier<S3ProxyProcess> server;

    /** {@code server} answers the test's S3Proxy, or null while it has none. */
    public S3ProxyLogOnFailure(Supplier<S3ProxyProcess> server) {
        this.server = server;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        S3ProxyProcess s3 = server.get();
        if (s3 != null) {
            failure.addSuppressed(new S3ProxyLog(s3.logTail()));
        }
        throw failure;
    }

    /** The log as a suppressed exception: the one place surefire prints beside the failure itself. */
    private static final class S3ProxyLog extends Exception {
        private static final long serialVersionUID = 1L;

        S3ProxyLog(String log) {
            super("S3Proxy's log:\n" + log, null, false, false);
        }
    }
}
