package dev.berth.runtime.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.runtime.unpack.Tree;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * berth's containers on disk: one directory per name under the state directory, holding
 * berth.json and the bundle (bundle/rootfs/ and bundle/config.json).
 */
public final class ContainerStore {
    /** runc's rule for container ids, which berth's names become. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    private static final String RECORD = "berth.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StateDir state;

    public ContainerStore(StateDir state) {
        this.state = state;
    }

    /** Claims the name (atomically: two runs cannot both get it) and says where its bundle goes. */
    public Path create(ContainerRecord record) throws IOException {
        if (!NAME.matcher(record.name()).matches()) {
            throw new IllegalArgumentException(
                    "invalid container name " + record.name() + ": letters, digits, _ . - (not first), at most 128");
        }
        Files.createDirectories(state.containers());
        try {
            Files.createDirectory(dir(record.name()));
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException(
                    "a container named " + record.name() + " exists; remove it with berth rm " + record.name());
        }
        save(record);
        return bundle(record.name());
    }

    public void save(ContainerRecord record) throws IOException {
        JSON.writeValue(dir(record.name()).resolve(RECORD).toFile(), record);
    }

    /** The container's record, with the exit status a detached container's monitor wrote since. */
    public Optional<ContainerRecord> find(String name) throws IOException {
        Path record = dir(name).resolve(RECORD);
        if (!NAME.matcher(name).matches() || !Files.isRegularFile(record)) {
            return Optional.empty();
        }
        ContainerRecord saved = JSON.readValue(record.toFile(), ContainerRecord.class);
        Path exitStatus = exitStatus(name);
        if (saved.exitCode() == null && Files.isRegularFile(exitStatus)) {
            String status = Files.readString(exitStatus).strip();
            if (!status.isEmpty()) {
                return Optional.of(saved.exited(Integer.parseInt(status)));
            }
        }
        return Optional.of(saved);
    }

    /** Forgets how the container last ended, before it is started again. */
    public void restarting(ContainerRecord record) throws IOException {
        Files.deleteIfExists(exitStatus(record.name()));
        save(record.exited(null));
    }

    /** What a detached container printed, stdout and stderr interleaved as they came. */
    public Path log(String name) {
        return dir(name).resolve("container.log");
    }

    /** Where a detached container's monitor writes its exit status when it ends. */
    public Path exitStatus(String name) {
        return dir(name).resolve("exit-status");
    }

    /** The container's own directory (its record, bundle, log). */
    public Path dir(String name) {
        return state.containers().resolve(name);
    }

    public List<ContainerRecord> list() throws IOException {
        List<ContainerRecord> records = new ArrayList<>();
        if (!Files.isDirectory(state.containers())) {
            return records;
        }
        try (Stream<Path> dirs = Files.list(state.containers())) {
            for (Path dir : dirs.sorted().toList()) {
                find(dir.getFileName().toString()).ifPresent(records::add);
            }
        }
        return records;
    }

    public Path bundle(String name) {
        return dir(name).resolve("bundle");
    }

    public void remove(String name) throws IOException {
        Tree.delete(dir(name));
    }
}
