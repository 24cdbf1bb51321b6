package dev.berth.runtime.unpack;

/**
 * One entry of a generated hostile layer. A link's target may hold the placeholders of
 * {@link VictimScene}, filled in for the scene it is unpacked next to.
 */
record HostileEntry(Kind kind, String name, String link, int mode, long mtimeSeconds, int owner) {

    enum Kind {
        DIRECTORY,
        FILE,
        SYMLINK,
        HARD_LINK
    }

    /** Short, so that a shrunk counterexample reads like a tar listing. */
    @Override
    public String toString() {
        String target = kind == Kind.SYMLINK ? " -> " + link : kind == Kind.HARD_LINK ? " link to " + link : "";
        return kind.name().toLowerCase() + " " + name + target + " mode " + Integer.toOctalString(mode) + " mtime "
                + mtimeSeconds + " owner " + owner;
    }
}
