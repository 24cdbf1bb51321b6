package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import java.util.Arrays;

/** Steps of an upload session, for tests that are about a later step. */
final class Uploads {
    private Uploads() {}

    /** Opens a session and answers its Location. */
    static String open(RegistryClient api, String repository) {
        Reply reply = api.post("/v2/" + repository + "/blobs/uploads/", new byte[0]);
        assertThat(reply.status()).as("upload start: %s", reply.text()).isEqualTo(202);
        return reply.header("Location");
    }

    /** Sends bytes {@code from} to {@code to} (exclusive) of {@code content} as one chunk with its Content-Range. */
    static Reply chunk(RegistryClient api, String location, byte[] content, int from, int to) {
        byte[] chunk = Arrays.copyOfRange(content, from, to);
        return api.patch(location, chunk, "Content-Type", Content.OCTET_STREAM, "Content-Range", from + "-" + (to - 1));
    }

    static Reply finish(RegistryClient api, String location, Content blob) {
        return api.put(RegistryClient.withQuery(location, "digest=" + blob.digest()), new byte[0]);
    }
}
