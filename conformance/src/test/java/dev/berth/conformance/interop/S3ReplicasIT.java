package dev.berth.conformance.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.conformance.oci.Sha256;
import dev.berth.testkit.Cleanup;
import dev.berth.testkit.ScratchDir;
import dev.berth.testkit.api.RegistryApi;
import dev.berth.testkit.image.PseudoRandomBytes;
import dev.berth.testkit.registry.BerthProcess;
import dev.berth.testkit.s3.InProcessS3;
import dev.berth.testkit.s3.S3Bucket;
import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two real Berth processes on one bucket, as replicas behind a load balancer with no sticky
 * sessions: whatever one of them was told, the other must know at once.
 */
@DisplayName("two Berth replicas on one S3 bucket")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class S3ReplicasIT {
    private static final String REPO = "team/replicated";

    private static Cleanup cleanup;
    private static RegistryApi first;
    private static RegistryApi second;
    private static URI secondBase;

    @BeforeAll
    static void startReplicas() throws Exception {
        cleanup = new Cleanup();
        ScratchDir scratch = cleanup.add(ScratchDir.inBuildDir("s3-replicas-"));
        S3Bucket bucket = InProcessS3.get().newBucket("registry");
        BerthProcess one = cleanup.add(BerthProcess.startOnS3(scratch.newDir("one"), bucket.berthEnvironment(false)));
        BerthProcess two = cleanup.add(BerthProcess.startOnS3(scratch.newDir("two"), bucket.berthEnvironment(false)));
        first = new RegistryApi(one.baseUrl());
        second = new RegistryApi(two.baseUrl());
        secondBase = two.baseUrl();
    }

    @AfterAll
    static void stopReplicas() {
        if (cleanup != null) {
            cleanup.close();
        }
    }

    @Test
    @DisplayName(
            "a chunked upload started on one replica continues and completes on the other, and both serve the blob")
    void uploadAcrossReplicas() {
        // Chunks around S3's 5 MiB part minimum, so that segments of every kind are joined.
        byte[] content = new PseudoRandomBytes(41, 13L << 20).readChunk(13 << 20);
        int[] cuts = {0, 3 << 20, 9 << 20, 13 << 20};

        URI session = first.startUpload(REPO);
        for (int i = 0; i + 1 < cuts.length; i++) {
            // Every other chunk goes to the other replica, as a round-robin balancer would send it.
            URI target = i % 2 == 0 ? session : onSecond(session);
            session = first.appendChunk(target, cuts[i], Arrays.copyOfRange(content, cuts[i], cuts[i + 1]));
        }
        String digest = Sha256.of(content);
        second.finishUpload(onSecond(session), digest);

        assertThat(first.readBlob(REPO, digest).digest().toString()).isEqualTo(digest);
        assertThat(second.readBlob(REPO, digest).digest().toString()).isEqualTo(digest);
    }

    @Test
    @DisplayName("a tag pushed through one replica is read through the other at once, and moved back the same way")
    void tagAcrossReplicas() {
        byte[] manifestOne = manifest(first, "one");
        String digestOne = first.putManifest(REPO, "latest", manifestOne);

        assertThat(second.tags(REPO)).contains("latest");
        assertThat(second.getManifest(REPO, "latest").body()).isEqualTo(manifestOne);

        byte[] manifestTwo = manifest(second, "two");
        String digestTwo = second.putManifest(REPO, "latest", manifestTwo);

        assertThat(digestTwo).isNotEqualTo(digestOne);
        assertThat(first.getManifest(REPO, "latest").body()).isEqualTo(manifestTwo);
    }

    private static byte[] manifest(RegistryApi api, String name) {
        return api.manifestOverNewBlobs(REPO, new PseudoRandomBytes(name.hashCode(), 4096).readChunk(4096), name);
    }

    /** The same session URL, sent to the second replica. */
    private static URI onSecond(URI session) {
        return secondBase.resolve(
                session.getRawPath() + (session.getRawQuery() == null ? "" : "?" + session.getRawQuery()));
    }
}
