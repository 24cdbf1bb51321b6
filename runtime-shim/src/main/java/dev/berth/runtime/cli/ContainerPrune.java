package dev.berth.runtime.cli;

import dev.berth.runtime.runner.ContainerRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The container half of {@code berth system prune}: removes every container of berth's that has
 * ended (its bundle, log and the runtime's state), as {@code berth rm} would one by one, and
 * leaves the ones the runtime still knows (running, paused, being created) alone.
 */
public final class ContainerPrune {
    private ContainerPrune() {}

    /**
     * @param environment where BERTH_STATE_DIR, XDG_RUNTIME_DIR and PATH are looked up
     * @return the names of the containers removed
     */
    public static List<String> removeEnded(Map<String, String> environment) throws IOException, InterruptedException {
        Containers containers = new Containers(environment);
        List<String> removed = new ArrayList<>();
        for (ContainerRecord record : containers.store().list()) {
            if (!containers.alive(record)) {
                containers.runtime(record).delete(record.name());
                containers.store().remove(record.name());
                removed.add(record.name());
            }
        }
        return removed;
    }
}
