package dev.berth.testkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A registry's answer, held whole, with the few ways the tests look at it.
 *
 * @param method and {@code uri}: the request it answers, for messages
 */
public record Reply(String method, URI uri, int status, HttpHeaders headers, byte[] body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    Reply(HttpResponse<byte[]> response) {
        this(
                response.request().method(),
                response.request().uri(),
                response.statusCode(),
                response.headers(),
                response.body());
    }

    /** The header's first value, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + this, e);
        }
    }

    /** The strings of the body's array {@code field}, such as a tags list's tags; empty when it is empty. */
    public List<String> strings(String field) {
        List<String> values = new ArrayList<>();
        json().path(field).forEach(value -> values.add(value.asText()));
        return values;
    }

    /**
     * Asserts that this is the spec's error response: the status, a JSON body of
     * {@code {"errors":[{"code","message","detail"?}]}} whose first code is {@code code}.
     */
    public Reply isError(int expectedStatus, String code) {
        assertThat(status).as("status of %s", text()).isEqualTo(expectedStatus);
        assertThat(header("Content-Type")).startsWith("application/json");
        JsonNode errors = json().path("errors");
        assertThat(errors.isArray() && !errors.isEmpty())
                .as("errors in %s", text())
                .isTrue();
        assertThat(errors.get(0).path("code").asText())
                .as("error code in %s", text())
                .isEqualTo(code);
        assertThat(errors.get(0).path("message").isTextual())
                .as("error message in %s", text())
                .isTrue();
        return this;
    }

    /** A HEAD's error: the status and no body, since HEAD answers never carry one. */
    public Reply isBodylessError(int expectedStatus) {
        assertThat(status).isEqualTo(expectedStatus);
        assertThat(body).isEmpty();
        return this;
    }

    public Reply hasStatus(int expectedStatus) {
        assertThat(status).as("status of %s", text()).isEqualTo(expectedStatus);
        return this;
    }

    public Reply hasHeader(String name, String value) {
        assertThat(header(name)).as("header %s", name).isEqualTo(value);
        return this;
    }

    /** The detail of the first error. */
    public JsonNode errorDetail() {
        return json().path("errors").path(0).path("detail");
    }

    /** This reply, unless its status is not {@code expected}: then the whole exchange is the failure. */
    Reply expect(int expected, String what) {
        if (status != expected) {
            throw new UnexpectedResponse(what, this, expected);
        }
        return this;
    }

    @Override
    public String toString() {
        return method + " " + uri + " answered " + status + (body.length == 0 ? "" : ": " + text());
    }
}
