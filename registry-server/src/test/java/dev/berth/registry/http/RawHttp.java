package dev.berth.registry.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/** Requests written byte for byte, for what an HTTP client would normalise, refuse or not send. */
final class RawHttp {
    private RawHttp() {
    }

    /** The status code and body of a response. */
    record Response(int status, String body) {
    }

    /** Sends {@code method target} with an empty body and answers the response's status code. */
    static int status(RegistryServer server, String method, String target) {
        return send(server, method + " " + target, "Content-Length: 0").status();
    }

    /**
     * Sends a request head (request line without the version, then header lines) and no body, and
     * reads one response: its head, then as many body bytes as its Content-Length says.
     */
    static Response send(RegistryServer server, String requestLine, String... headers) {
        StringBuilder head = new StringBuilder(requestLine).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(server.port()).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends a request head and then only the first {@code sent} bytes of {@code body}, waits
     * {@code before} dropping the connection: a client that lost its network midway.
     */
    static void sendAndDrop(RegistryServer server, String requestLine, byte[] body, int sent, Duration before,
                            String... headers) {
        StringBuilder head = new StringBuilder(requestLine).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(server.port()).append("\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body, 0, sent);
            socket.getOutputStream().flush();
            Thread.sleep(before.toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c == -1) {
                throw new IOException("connection closed inside the response head: " + head);
            }
            head.write(c);
        }
        String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
        int length = 0;
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return new Response(Integer.parseInt(lines[0].split(" ", 3)[1]),
                new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }
}
