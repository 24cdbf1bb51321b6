package dev.berth.testkit.s3;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The in-process S3 server's keys in the SDK's default chain ({@link S3DefaultChain}) for a test
 * class, from before its {@code @BeforeAll} to after its {@code @AfterAll}, and out of the chain
 * after it, so that no later class finds them set: {@code @ExtendWith(InProcessS3Keys.class)}. They
 * are set again before every test, so that a test that tries other keys ({@link
 * S3DefaultChain#useKeys}) leaves them to no other.
 */
public final class InProcessS3Keys implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        S3DefaultChain.useInProcessKeys();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        S3DefaultChain.useInProcessKeys();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        S3DefaultChain.clear();
    }
}
