package dev.berth.conformance.interop;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request body that sends its first {@code stallAt} bytes and then hangs until released:
 * it parks an upload at a known point (mid-PATCH, mid-PUT) so that a crash lands there for
 * certain, not by luck of timing. Once released it fails, ending the request.
 */
final class StallingInputStream extends InputStream {

    private final InputStream content;
    private final int stallAt;
    private final CountDownLatch stalled;
    private final CountDownLatch release;
    private int sent;

    /**
     * @param stalled counted down once, when this stream reaches {@code stallAt}
     * @param release opened by the test after the crash
     */
    StallingInputStream(byte[] content, int stallAt, CountDownLatch stalled, CountDownLatch release) {
        this.content = new ByteArrayInputStream(content);
        this.stallAt = stallAt;
        this.stalled = stalled;
        this.release = release;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (sent == stallAt) {
            stalled.countDown();
            try {
                release.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("body deliberately abandoned after the crash");
        }
        int n = content.read(target, offset, Math.min(length, stallAt - sent));
        sent += n;
        return n;
    }
}
