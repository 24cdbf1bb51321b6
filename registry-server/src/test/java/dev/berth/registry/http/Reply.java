package dev.berth.registry.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A response, with the few ways the tests look at it. */
record Reply(int status, HttpHeaders headers, byte[] body) {

    Reply(HttpResponse<byte[]> response) {
        this(response.statusCode(), response.headers(), response.body());
    }

    /** The header's first value, or null. */
    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    JsonObject json() {
        return new JsonObject(Buffer.buffer(body));
    }

    /**
     * Asserts that this is the spec's error response: the status, a JSON body of
     * {@code {"errors":[{"code","message","detail"?}]}} whose first code is {@code code}.
     */
    Reply isError(int expectedStatus, String code) {
        assertThat(status).as("status of %s", text()).isEqualTo(expectedStatus);
        assertThat(header("Content-Type")).startsWith("application/json");
        JsonArray errors = json().getJsonArray("errors");
        assertThat(errors).as("errors in %s", text()).isNotEmpty();
        JsonObject first = errors.getJsonObject(0);
        assertThat(first.getString("code")).as("error code in %s", text()).isEqualTo(code);
        assertThat(first.getValue("message")).isInstanceOf(String.class);
        return this;
    }

    /** A HEAD's error: the status and no body, since HEAD answers never carry one. */
    Reply isBodylessError(int expectedStatus) {
        assertThat(status).isEqualTo(expectedStatus);
        assertThat(body).isEmpty();
        return this;
    }

    Reply hasStatus(int expectedStatus) {
        assertThat(status).as("status of %s", text()).isEqualTo(expectedStatus);
        return this;
    }

    Reply hasHeader(String name, String value) {
        assertThat(header(name)).as("header %s", name).isEqualTo(value);
        return this;
    }

    /** The detail of the first error. */
    Object errorDetail() {
        return json().getJsonArray("errors").getJsonObject(0).getValue("detail");
    }
}
