package dev.berth.runtime.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gives a container's own network namespace a way out and published ports ({@code -p}) through
 * slirp4netns: a user-mode network stack on the host side of a tap device in the namespace
 * (10.0.2.100/24, gateway 10.0.2.2, no access to the host's loopback), whose API socket adds one
 * forwarding per port. It runs in a session of its own, so it outlives a detached run's berth; the
 * container's monitor, or berth in the foreground, ends it with the container ({@link #stop}).
 */
public final class SlirpNetwork {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long slirp4netns may take to answer on its API socket. */
    private static final Duration READY_WAIT = Duration.ofSeconds(30);

    private static final String PID_FILE = "slirp4netns.pid";
    private static final String SOCKET = "slirp4netns.sock";

    private final Path binary;

    private SlirpNetwork(Path binary) {
        this.binary = binary;
    }

    /** @throws IllegalArgumentException naming the package when slirp4netns is not installed */
    public static SlirpNetwork find(Map<String, String> environment) {
        for (String dir : environment.getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "slirp4netns");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return new SlirpNetwork(candidate);
            }
        }
        throw new IllegalArgumentException("-p needs slirp4netns on PATH to forward ports into the container's network"
                + " namespace (Debian/Ubuntu: apt-get install slirp4netns)");
    }

    /**
     * Starts slirp4netns for the namespace of process {@code pid} and publishes the ports.
     *
     * @param dir      the container's directory: slirp4netns's pid file, API socket and log go there
     * @param rootless whether the namespace belongs to a user namespace of berth's caller
     */
    public void attach(long pid, Path dir, boolean rootless, List<PortMapping> ports)
            throws IOException, InterruptedException {
        Path socket = dir.resolve(SOCKET);
        Files.deleteIfExists(socket);
        List<String> command = new ArrayList<>(List.of(
                "setsid",
                binary.toString(),
                "--configure",
                "--mtu=65520",
                "--disable-host-loopback",
                "--api-socket",
                socket.toString()));
        if (rootless) {
            command.add("--userns-path=/proc/" + pid + "/ns/user");
        }
        command.add(Long.toString(pid));
        command.add("tap0");
        Process slirp = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("slirp4netns.log").toFile()))
                .redirectErrorStream(true)
                .start();
        Files.writeString(dir.resolve(PID_FILE), Long.toString(slirp.pid()));
        awaitSocket(slirp, socket, dir);
        for (PortMapping port : ports) {
            ObjectNode request = JSON.createObjectNode().put("execute", "add_hostfwd");
            request.putObject("arguments")
                    .put("proto", port.protocol())
                    .put("host_addr", port.hostAddress())
                    .put("host_port", port.hostPort())
                    .put("guest_port", port.containerPort());
            JsonNode answer = call(socket, request);
            if (answer.has("error")) {
                throw new IllegalStateException("cannot publish " + port + ": "
                        + answer.path("error").path("desc").asText(answer.toString()));
            }
        }
    }

    /** Ends the container's slirp4netns, if it has one. */
    public static void stop(Path dir) throws IOException {
        Path pidFile = dir.resolve(PID_FILE);
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).ifPresent(ProcessHandle::destroy);
        Files.deleteIfExists(pidFile);
    }

    /** The monitor shell's line that ends slirp4netns when the container ended, as {@link #stop} does. */
    static String stopLine(String dirVariable) {
        return "if [ -f \"" + dirVariable + "/" + PID_FILE + "\" ]; then kill \"$(cat \"" + dirVariable + "/" + PID_FILE
                + "\")\" 2>/dev/null; rm -f \"" + dirVariable + "/" + PID_FILE + "\"; fi";
    }

    private static void awaitSocket(Process slirp, Path socket, Path dir) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_WAIT.toNanos();
        while (true) {
            if (!slirp.isAlive()) {
                throw new IllegalStateException(
                        "slirp4netns ended at once: " + lastLine(dir.resolve("slirp4netns.log")));
            }
            if (Files.exists(socket)) {
                try {
                    call(socket, JSON.createObjectNode().put("execute", "list_hostfwd"));
                    return;
                } catch (IOException notYet) {
                    // bound but not listening yet
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("slirp4netns did not answer on " + socket);
            }
            Thread.sleep(20);
        }
    }

    /** One request per connection, as slirp4netns's API serves them. */
    private static JsonNode call(Path socket, ObjectNode request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap(JSON.writeValueAsBytes(request)));
            channel.shutdownOutput();
            byte[] answer = Channels.newInputStream(channel).readAllBytes();
            return JSON.readTree(new String(answer, StandardCharsets.UTF_8));
        }
    }

    private static String lastLine(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no output)";
        }
        List<String> lines = Files.readAllLines(log);
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
    }
}
