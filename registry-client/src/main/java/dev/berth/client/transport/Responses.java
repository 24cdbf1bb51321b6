package dev.berth.client.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Reading registry responses: bounded bodies, and failures that say what the registry said. */
public final class Responses {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private Responses() {}

    /** Reads the whole body, refusing more than {@code limit} bytes (a registry must not make us hold a blob). */
    public static byte[] read(HttpResponse<InputStream> response, int limit, String what) {
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new ClientException(FailureKind.VERIFICATION, what + " is larger than " + limit + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new ClientException(FailureKind.NETWORK, "reading " + what + " failed: " + e.getMessage(), e);
        }
    }

    public static void discard(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // The connection is dropped with it; nothing of value is lost.
        }
    }

    /** A failure for an unexpected response, its kind chosen by status, its message the registry's. */
    public static ClientException failure(HttpResponse<InputStream> response, String what) {
        int status = response.statusCode();
        String detail = errorDetail(response);
        FailureKind kind = switch (status) {
            case 401, 403 -> FailureKind.AUTH;
            case 404 -> FailureKind.NOT_FOUND;
            case 400, 405, 413, 416 -> FailureKind.OTHER;
            default -> status >= 500 || status == 429 ? FailureKind.NETWORK : FailureKind.OTHER;
        };
        return new ClientException(kind, what + ": HTTP " + status + (detail.isEmpty() ? "" : " " + detail));
    }

    private static String errorDetail(HttpResponse<InputStream> response) {
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            return "";
        }
        try {
            JsonNode errors = JSON.readTree(body).path("errors");
            StringBuilder text = new StringBuilder();
            for (JsonNode error : errors) {
                text.append(text.length() == 0 ? "" : "; ")
                        .append(error.path("code").asText())
                        .append(": ")
                        .append(error.path("message").asText());
            }
            return text.toString();
        } catch (IOException e) {
            String plain = new String(body, StandardCharsets.UTF_8).strip();
            return plain.length() > 200 ? plain.substring(0, 200) + "…" : plain;
        }
    }
}
