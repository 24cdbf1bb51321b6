package dev.berth.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --format}: lines and columns for people (the default), or JSON for programs. Here, not in
 * the client, so that the shim's ps shares it with the client's commands.
 */
public enum OutputFormat {
    TEXT,
    JSON;

    public static final String OPTION_DESCRIPTION = "text (default) or json.";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A list of names: one per line, or a JSON array. */
    public static void printList(List<String> items, OutputFormat format, CommandSpec spec) {
        PrintWriter out = spec.commandLine().getOut();
        if (format == JSON) {
            out.println(json(items));
        } else {
            items.forEach(out::println);
        }
    }

    /** The JSON of {@code value} (records, lists, maps), pretty-printed. */
    public static String json(Object value) {
        JsonNode tree = value instanceof JsonNode node ? node : MAPPER.valueToTree(value);
        return tree.toPrettyString();
    }
}
