package dev.berth.oci;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Passes a blob through while hashing it, and fails the read that would go past the
 * descriptor's size or that reaches the end with the wrong size or digest, with a
 * {@link ContentMismatchException}. Bounding the compressed stream this way bounds the work a
 * layer can cause to what its manifest declared.
 */
public final class VerifyingInputStream extends FilterInputStream {
    private final Descriptor expected;
    private final MessageDigest hash;
    private long count;
    private boolean verified;

    public VerifyingInputStream(InputStream in, Descriptor expected) {
        super(in);
        this.expected = expected;
        this.hash = expected.digest().algorithm().newMessageDigest();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            verifyAtEnd();
            return -1;
        }
        count += n;
        if (count > expected.size()) {
            throw new ContentMismatchException("blob " + expected.digest() + " is longer than the " + expected.size()
                    + " bytes its descriptor declares");
        }
        hash.update(buffer, offset, n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must be hashed too.
        return Math.max(0, read(new byte[(int) Math.max(0, Math.min(n, 8192))]));
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void verifyAtEnd() throws IOException {
        if (verified) {
            return;
        }
        if (count != expected.size()) {
            throw new ContentMismatchException("blob " + expected.digest() + " has " + count
                    + " bytes, its descriptor declares " + expected.size());
        }
        Digest actual = Digest.fromHash(expected.digest().algorithm(), hash.digest());
        if (!actual.equals(expected.digest())) {
            throw new ContentMismatchException("blob " + expected.digest() + " has digest " + actual);
        }
        verified = true;
    }

    /** Reads what is left so that the digest is checked even when the reader stopped early. */
    public void drainAndVerify() throws IOException {
        byte[] buffer = new byte[8192];
        while (read(buffer, 0, buffer.length) >= 0) {
            // hashing happens in read
        }
    }
}
