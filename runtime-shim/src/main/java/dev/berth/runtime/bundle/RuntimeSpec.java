package dev.berth.runtime.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.layout.ImageConfig;
import dev.berth.runtime.layout.ImageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a bundle's config.json (runtime-spec config.md, config-linux.md) from the image config
 * as image-spec conversion.md maps it, plus the user's options and the isolation every container
 * gets: its own pid, mount, ipc, uts (and unless asked otherwise network) namespaces, the usual
 * kernel filesystems, a default capability set, masked and read-only /proc and /sys paths.
 */
public final class RuntimeSpec {
    static final String OCI_VERSION = "1.0.2";
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    /** Docker's default set: enough for ordinary programs, nothing that reaches the host's kernel state. */
    static final List<String> CAPABILITIES = List.of(
            "CAP_CHOWN",
            "CAP_DAC_OVERRIDE",
            "CAP_FSETID",
            "CAP_FOWNER",
            "CAP_MKNOD",
            "CAP_NET_RAW",
            "CAP_SETGID",
            "CAP_SETUID",
            "CAP_SETFCAP",
            "CAP_SETPCAP",
            "CAP_NET_BIND_SERVICE",
            "CAP_SYS_CHROOT",
            "CAP_KILL",
            "CAP_AUDIT_WRITE");

    private static final List<String> MASKED_PATHS = List.of(
            "/proc/acpi",
            "/proc/asound",
            "/proc/kcore",
            "/proc/keys",
            "/proc/latency_stats",
            "/proc/timer_list",
            "/proc/timer_stats",
            "/proc/sched_debug",
            "/proc/scsi",
            "/sys/firmware");
    private static final List<String> READONLY_PATHS =
            List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ImageConfig image;
    private final ProcessUser user;
    private final RunOptions options;
    private final HostIdentity host;

    public RuntimeSpec(ImageConfig image, ProcessUser user, RunOptions options, HostIdentity host) {
        this.image = image;
        this.user = user;
        this.options = options;
        this.host = host;
    }

    public ObjectNode toJson() {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("ociVersion", OCI_VERSION);
        spec.set("process", process());
        ObjectNode root = spec.putObject("root");
        root.put("path", "rootfs");
        root.put("readonly", options.readOnlyRootfs());
        spec.put("hostname", options.hostname());
        spec.set("mounts", mounts());
        ObjectNode annotations = spec.putObject("annotations");
        image.labels().forEach(annotations::put);
        spec.set("linux", linux());
        return spec;
    }

    /** Entrypoint then Cmd, the user's arguments standing in for Cmd. */
    List<String> args() {
        // As docker run --entrypoint: a new Entrypoint drops the image's Cmd too.
        List<String> args = new ArrayList<>(options.entrypoint() != null ? options.entrypoint() : image.entrypoint());
        List<String> cmd = options.entrypoint() != null ? List.of() : image.cmd();
        args.addAll(options.args().isEmpty() ? cmd : options.args());
        if (args.isEmpty()) {
            throw new ImageException("the image has no Entrypoint or Cmd: with berth run, give the command after --");
        }
        return args;
    }

    List<String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String variable : image.env()) {
            int equals = variable.indexOf('=');
            env.put(
                    equals < 0 ? variable : variable.substring(0, equals),
                    equals < 0 ? "" : variable.substring(equals + 1));
        }
        env.putIfAbsent("PATH", DEFAULT_PATH);
        env.putIfAbsent("HOME", user.home());
        if (options.terminal()) {
            env.putIfAbsent("TERM", "xterm");
        }
        env.putAll(options.env());
        List<String> list = new ArrayList<>();
        env.forEach((name, value) -> list.add(name + "=" + value));
        return list;
    }

    private ObjectNode process() {
        ObjectNode process = JSON.createObjectNode();
        process.put("terminal", options.terminal());
        ObjectNode processUser = process.putObject("user");
        processUser.put("uid", user.uid());
        processUser.put("gid", user.gid());
        ArrayNode additional = processUser.putArray("additionalGids");
        user.additionalGids().forEach(additional::add);
        strings(process.putArray("args"), args());
        strings(process.putArray("env"), env());
        String cwd = options.workingDir() != null ? options.workingDir() : image.workingDir();
        process.put("cwd", cwd == null || cwd.isEmpty() ? "/" : cwd);
        ObjectNode capabilities = process.putObject("capabilities");
        for (String set : List.of("bounding", "effective", "permitted")) {
            strings(capabilities.putArray(set), CAPABILITIES);
        }
        ObjectNode nofile = process.putArray("rlimits").addObject();
        nofile.put("type", "RLIMIT_NOFILE");
        nofile.put("hard", 1024);
        nofile.put("soft", 1024);
        process.put("noNewPrivileges", true);
        return process;
    }

    private ArrayNode mounts() {
        ArrayNode mounts = JSON.createArrayNode();
        mount(mounts, "/proc", "proc", "proc");
        mount(mounts, "/dev", "tmpfs", "tmpfs", "nosuid", "strictatime", "mode=755", "size=65536k");
        List<String> pts = new ArrayList<>(List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620"));
        if (host.root()) {
            // A user namespace (rootless) maps no gid 5, so devpts can be given it only as root.
            pts.add("gid=5");
        }
        mount(mounts, "/dev/pts", "devpts", "devpts", pts.toArray(String[]::new));
        mount(mounts, "/dev/shm", "shm", "tmpfs", "nosuid", "noexec", "nodev", "mode=1777", "size=65536k");
        mount(mounts, "/dev/mqueue", "mqueue", "mqueue", "nosuid", "noexec", "nodev");
        if (host.root()) {
            mount(mounts, "/sys", "sysfs", "sysfs", "nosuid", "noexec", "nodev", "ro");
        } else {
            // Mounting sysfs needs to own the network namespace's user namespace's host side.
            mount(mounts, "/sys", "/sys", "none", "rbind", "nosuid", "noexec", "nodev", "ro");
        }
        if (options.network() == RunOptions.Network.HOST) {
            // Sharing the host's network is only useful with its name resolution too.
            for (String file : List.of("/etc/resolv.conf", "/etc/hosts")) {
                if (Files.isRegularFile(Path.of(file))) {
                    mount(mounts, file, file, "bind", "rbind", "ro");
                }
            }
        }
        for (Mount extra : options.mounts()) {
            mount(
                    mounts,
                    extra.destination(),
                    extra.source(),
                    extra.type(),
                    extra.options().toArray(String[]::new));
        }
        return mounts;
    }

    private static void mount(ArrayNode mounts, String destination, String source, String type, String... options) {
        ObjectNode mount = mounts.addObject();
        mount.put("destination", destination);
        mount.put("type", type);
        mount.put("source", source);
        strings(mount.putArray("options"), List.of(options));
    }

    private ObjectNode linux() {
        ObjectNode linux = JSON.createObjectNode();
        ArrayNode namespaces = linux.putArray("namespaces");
        List<String> types = new ArrayList<>(List.of("pid", "ipc", "uts", "mount"));
        if (options.network() == RunOptions.Network.NONE) {
            types.add("network");
        }
        if (!host.root()) {
            types.add("user");
            mapping(linux.putArray("uidMappings"), host.uid());
            mapping(linux.putArray("gidMappings"), host.gid());
        }
        types.forEach(type -> namespaces.addObject().put("type", type));
        if (options.resources().any()) {
            linux.set("resources", resources(options.resources()));
        }
        strings(linux.putArray("maskedPaths"), MASKED_PATHS);
        strings(linux.putArray("readonlyPaths"), READONLY_PATHS);
        return linux;
    }

    /** config-linux.md's cgroup resources; memory with swap at the same limit, so a hog cannot swap instead. */
    private static ObjectNode resources(Resources limits) {
        ObjectNode resources = JSON.createObjectNode();
        if (limits.memoryBytes() != null) {
            ObjectNode memory = resources.putObject("memory");
            memory.put("limit", limits.memoryBytes());
            memory.put("swap", limits.memoryBytes());
        }
        if (limits.cpus() != null) {
            ObjectNode cpu = resources.putObject("cpu");
            cpu.put("quota", limits.cpuQuotaMicros());
            cpu.put("period", Resources.CPU_PERIOD_MICROS);
        }
        if (limits.pidsLimit() != null) {
            resources.putObject("pids").put("limit", limits.pidsLimit());
        }
        return resources;
    }

    /** Rootless: the calling user becomes the container's root, and nobody else exists. */
    private static void mapping(ArrayNode mappings, long hostId) {
        ObjectNode mapping = mappings.addObject();
        mapping.put("containerID", 0);
        mapping.put("hostID", hostId);
        mapping.put("size", 1);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
