package dev.berth.testkit.s3;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

/**
 * A blob store whose object writes (PutObject) into chosen buckets wait at a {@link WriteGate} until
 * the test opens it: S3 slower than the driver asks, whichever client sent the requests.
 */
final class HeldWrites extends ForwardingBlobStore {
    private final Map<String, WriteGate> gates = new ConcurrentHashMap<>();

    HeldWrites(BlobStore delegate) {
        super(delegate);
    }

    /** Holds every object write into {@code container} from now on, until the gate is opened. */
    WriteGate hold(String container) {
        WriteGate gate = new WriteGate();
        gates.put(container, gate);
        return gate;
    }

    @Override
    public String putBlob(String container, Blob blob) {
        waitAtGate(container);
        return super.putBlob(container, blob);
    }

    @Override
    public String putBlob(String container, Blob blob, PutOptions options) {
        waitAtGate(container);
        return super.putBlob(container, blob, options);
    }

    private void waitAtGate(String container) {
        WriteGate gate = gates.get(container);
        if (gate != null) {
            gate.pass();
        }
    }
}
