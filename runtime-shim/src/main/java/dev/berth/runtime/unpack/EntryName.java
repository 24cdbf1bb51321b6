package dev.berth.runtime.unpack;

import dev.berth.runtime.layout.ImageException;
import java.util.ArrayList;
import java.util.List;

/**
 * A tar entry's name split into components relative to the root filesystem. Leading slashes and
 * {@code .} components mean nothing in a layer; a {@code ..} component has no legitimate use in
 * one and is refused, so a layer can never name a path above its root.
 */
record EntryName(List<String> components) {

    static EntryName parse(String name) {
        List<String> components = new ArrayList<>();
        for (String component : name.split("/")) {
            if (component.isEmpty() || component.equals(".")) {
                continue;
            }
            if (component.equals("..")) {
                throw new ImageException("layer entry " + quoted(name) + " climbs out of the root filesystem with ..");
            }
            if (component.indexOf('\0') >= 0) {
                throw new ImageException("layer entry " + quoted(name) + " has a NUL character in its name");
            }
            components.add(component);
        }
        return new EntryName(List.copyOf(components));
    }

    boolean isRoot() {
        return components.isEmpty();
    }

    String base() {
        return components.get(components.size() - 1);
    }

    EntryName parent() {
        return new EntryName(components.subList(0, components.size() - 1));
    }

    static String quoted(String name) {
        return "\"" + name + "\"";
    }

    @Override
    public String toString() {
        return String.join("/", components);
    }
}
