package dev.berth.conformance.interop;

import dev.berth.testkit.ScratchDir;
import dev.berth.testkit.registry.BerthProcess;
import dev.berth.testkit.registry.RegistryProcess;
import dev.berth.testkit.s3.InProcessS3;
import org.junit.jupiter.api.DisplayName;

/**
 * The same 2 GiB pushes against Berth on S3: a real Berth process (-Xmx256m) on an S3 server in
 * this JVM that keeps its objects on disk, so that neither side could hold the blob in memory.
 */
@DisplayName("on S3, a blob far larger than the registry's heap goes in and comes back intact")
class LargeBlobOnS3MemoryIT extends LargeBlobMemoryIT {

    @Override
    RegistryProcess start(ScratchDir scratch) throws Exception {
        InProcessS3 s3 = InProcessS3.startOnDisk(scratch.newDir("s3"));
        return BerthProcess.startOnS3(
                scratch.newDir("unused"), s3.newBucket("registry").berthEnvironment(false));
    }
}
