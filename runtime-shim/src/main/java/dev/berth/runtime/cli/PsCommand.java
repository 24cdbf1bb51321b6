package dev.berth.runtime.cli;

import dev.berth.runtime.runner.ContainerRecord;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "ps",
        mixinStandardHelpOptions = true,
        description = "List the running containers berth started (-a: also those that ended and were not removed).")
public final class PsCommand implements Callable<Integer> {
    private static final List<String> HEADER = List.of("NAME", "STATUS", "RUNTIME", "CREATED", "IMAGE");

    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-a", "--all"},
            description = "list every container, not only the running ones")
    boolean all;

    @Option(
            names = {"-q", "--quiet"},
            description = "print the names only")
    boolean quiet;

    public PsCommand() {
        this(System.getenv());
    }

    /** @param environment where BERTH_STATE_DIR and XDG_RUNTIME_DIR are looked up */
    public PsCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        return Failures.reported(spec.commandLine().getErr(), () -> {
            Containers containers = new Containers(environment);
            List<List<String>> rows = new ArrayList<>();
            for (ContainerRecord record : containers.store().list()) {
                String status = containers.status(record);
                if (all || status.equals("running")) {
                    rows.add(List.of(record.name(), status, record.runtime(), record.created(), record.image()));
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (quiet) {
                rows.forEach(row -> out.println(row.get(0)));
            } else {
                printAligned(out, rows);
            }
            out.flush();
            return 0;
        });
    }

    /** Each column as wide as its widest cell, two spaces apart, the last one unpadded. */
    private static void printAligned(PrintWriter out, List<List<String>> rows) {
        List<List<String>> table = new ArrayList<>();
        table.add(HEADER);
        table.addAll(rows);
        int[] widths = new int[HEADER.size()];
        for (List<String> row : table) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        for (List<String> row : table) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < widths.length - 1; column++) {
                line.append(String.format("%-" + (widths[column] + 2) + "s", row.get(column)));
            }
            out.println(line.append(row.get(widths.length - 1)));
        }
    }
}
