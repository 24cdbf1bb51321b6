package dev.berth.conformance.suite.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.conformance.oci.OciJson;
import dev.berth.conformance.oci.Sha256;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One request the suite made and the registry's whole answer: what every check asserts on. */
public record Exchange(String method, URI uri, int status, HttpHeaders headers, byte[] body) {

    private static final int QUOTED_BODY_CHARS = 600;

    /** The first value of a response header; names are case-insensitive. */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String bodyDigest() {
        return Sha256.of(body);
    }

    /** The body as JSON, or empty when it is not JSON at all. */
    public Optional<JsonNode> json() {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(OciJson.MAPPER.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The exchange as a failure message shows it: request line, status, headers, the start of the body. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(method).append(' ').append(uri).append(" -> ").append(status);
        for (Map.Entry<String, List<String>> header : headers.map().entrySet()) {
            text.append("\n  ").append(header.getKey()).append(": ").append(String.join(", ", header.getValue()));
        }
        if (body.length > 0 && isText()) {
            String shown = text().length() > QUOTED_BODY_CHARS ? text().substring(0, QUOTED_BODY_CHARS) + "…" : text();
            text.append("\n  body (").append(body.length).append(" bytes): ").append(shown);
        } else if (body.length > 0) {
            text.append("\n  body: ")
                    .append(body.length)
                    .append(" bytes of binary content, digest ")
                    .append(bodyDigest());
        }
        return text.toString();
    }

    /** Valid UTF-8 without control characters other than line breaks and tabs: safe to quote in a report. */
    private boolean isText() {
        try {
            String decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(body))
                    .toString();
            return decoded.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t');
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return method + " " + uri + " -> " + status;
    }
}
