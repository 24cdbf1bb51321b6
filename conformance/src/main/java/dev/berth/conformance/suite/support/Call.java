package dev.berth.conformance.suite.support;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** A request being put together: method, target, headers, body. {@link #send()} makes it. */
public final class Call {

    private final RegistryClient client;
    private final String method;
    private final URI uri;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;

    Call(RegistryClient client, String method, URI uri) {
        this.client = client;
        this.method = method;
        this.uri = uri;
    }

    public Call header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The body, sent with a Content-Length (never chunked), and its Content-Type. */
    public Call body(byte[] content, String contentType) {
        this.body = content;
        return header("Content-Type", contentType);
    }

    /** A blob or chunk body: {@code application/octet-stream}, as the spec's uploads send. */
    public Call octets(byte[] content) {
        return body(content, "application/octet-stream");
    }

    public Exchange send() {
        return client.execute(this);
    }

    String method() {
        return method;
    }

    URI uri() {
        return uri;
    }

    Map<String, String> headers() {
        return headers;
    }

    /** Null when the request has no body. */
    byte[] body() {
        return body;
    }
}
