package dev.berth.conformance.suite.support;

import java.net.URI;

/** The steps of a blob upload as the spec spells them, each returning the registry's answer. */
public final class Uploads {

    private Uploads() {}

    /** end-4a: {@code POST /v2/<name>/blobs/uploads/} with no body ("Content-Length: 0"). */
    public static Exchange open(TestRepository repo) {
        return repo.call("POST", "/blobs/uploads/").send();
    }

    /** end-4a and the session URL it hands out: 202 with a Location, or the check fails. */
    public static URI openSession(TestRepository repo) {
        return location(repo.client(), Expect.status(open(repo), 202));
    }

    /** end-5: one chunk, "inclusive on both ends". */
    public static Exchange patch(RegistryClient client, URI location, long offset, byte[] chunk) {
        return client.call("PATCH", location)
                .header("Content-Range", offset + "-" + (offset + chunk.length - 1))
                .octets(chunk)
                .send();
    }

    /** end-6 without a body: closes a session whose content was PATCHed. */
    public static Exchange close(RegistryClient client, URI location, String digest) {
        return client.call("PUT", Urls.withQuery(location, "digest", digest)).send();
    }

    /** end-6 with the whole content: the second step of a monolithic POST-then-PUT upload. */
    public static Exchange closeWith(RegistryClient client, URI location, String digest, byte[] content) {
        return client.call("PUT", Urls.withQuery(location, "digest", digest))
                .octets(content)
                .send();
    }

    /** end-6 with a final chunk and its Content-Range. */
    public static Exchange closeWithChunk(
            RegistryClient client, URI location, String digest, long offset, byte[] chunk) {
        return client.call("PUT", Urls.withQuery(location, "digest", digest))
                .header("Content-Range", offset + "-" + (offset + chunk.length - 1))
                .octets(chunk)
                .send();
    }

    /** end-13: where the upload stands. */
    public static Exchange status(RegistryClient client, URI location) {
        return client.call("GET", location).send();
    }

    /** Aborts a session the check no longer needs; the answer does not matter. */
    public static void cancel(RegistryClient client, URI location) {
        client.call("DELETE", location).send();
    }

    /** The Location header, which the spec requires, resolved against the registry's URL. */
    public static URI location(RegistryClient client, Exchange exchange) {
        return client.resolve(Expect.header(exchange, "Location"));
    }
}
