package dev.berth.conformance.interop;

import dev.berth.testkit.ScratchDir;
import dev.berth.testkit.registry.BerthProcess;
import dev.berth.testkit.registry.RegistryProcess;
import dev.berth.testkit.s3.InProcessS3;
import org.junit.jupiter.api.DisplayName;

/**
 * The same 2 GiB pushes against Berth on S3: a real Berth process (bin/berth-registry's options) on
 * an S3 server in this JVM that keeps its objects on disk, so that neither side could hold the blob
 * in memory. Uploads to S3 hold their parts in flight in the heap, so the limit is larger.
 */
@DisplayName("on S3, a blob far larger than the registry's heap goes in and comes back intact")
class LargeBlobOnS3MemoryIT extends LargeBlobMemoryIT {

    @Override
    RegistryProcess start(ScratchDir scratch) throws Exception {
        InProcessS3 s3 = InProcessS3.startOnDisk(scratch.newDir("s3"));
        return BerthProcess.startOnS3(
                scratch.newDir("unused"), s3.newBucket("registry").berthEnvironment(false));
    }

    /**
     * Issue 17's budget on S3 is 256 MiB and not met yet: the parts in flight fill the heap to
     * -Xmx (docs/performance.md, "Where the memory goes"); these runs peaked at 264-278 MiB. This
     * limit catches a regression (-Xmx256m peaked at about 350 MiB) until the budget can be asserted.
     */
    @Override
    long peakRssLimit() {
        return 320L << 20;
    }
}
