package dev.berth.conformance.suite;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The spec's four workflow categories ("Workflow Categories": Pull, Push, Content Discovery,
 * Content Management). The checks of each live in the package of the same name, so that running
 * a workflow means selecting a package.
 */
public enum Workflow {
    PULL("pull", "Pull"),
    PUSH("push", "Push"),
    DISCOVERY("discovery", "Content Discovery"),
    MANAGEMENT("management", "Content Management");

    private final String id;
    private final String title;

    Workflow(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The name on the command line and in reports: pull, push, discovery, management. */
    public String id() {
        return id;
    }

    /** The category's name in the spec. */
    public String title() {
        return title;
    }

    public String packageName() {
        return Workflow.class.getPackageName() + "." + id;
    }

    public static Workflow byId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(workflow -> workflow.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no workflow '" + id + "'; the workflows are "
                        + String.join(
                                ", ", Arrays.stream(values()).map(Workflow::id).toList())));
    }

    /** The workflow whose package holds {@code className}, if any. */
    public static Optional<Workflow> ofClass(String className) {
        return Arrays.stream(values())
                .filter(workflow -> className.startsWith(workflow.packageName() + "."))
                .findFirst();
    }
}
