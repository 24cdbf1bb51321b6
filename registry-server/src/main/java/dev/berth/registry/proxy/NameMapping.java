package dev.berth.registry.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which local repository names an upstream serves, and what each is called upstream. Both are
 * globs ({@code *} within one path component, {@code **} across components); what the wildcards of
 * the local glob matched fills the wildcards of the remote one in order, so {@code hub/**} to
 * {@code **} makes {@code hub/library/alpine} {@code library/alpine}, and a remote glob equal to the
 * local one keeps the name.
 */
public final class NameMapping {
    private final String local;
    private final Pattern localRegex;
    private final List<String> remoteLiterals;

    private NameMapping(String local, Pattern localRegex, List<String> remoteLiterals) {
        this.local = local;
        this.localRegex = localRegex;
        this.remoteLiterals = remoteLiterals;
    }

    static NameMapping of(String localGlob, String remoteGlob) {
        List<String> localParts = new ArrayList<>();
        List<String> localWildcards = new ArrayList<>();
        split(localGlob, localParts, localWildcards);
        List<String> remoteParts = new ArrayList<>();
        List<String> remoteWildcards = new ArrayList<>();
        split(remoteGlob, remoteParts, remoteWildcards);
        if (!localWildcards.equals(remoteWildcards)) {
            throw new IllegalArgumentException(
                    "remote \"" + remoteGlob + "\" must have the wildcards of repositories \"" + localGlob
                            + "\" in the same order (" + String.join(" ", localWildcards) + ")");
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < localParts.size(); i++) {
            regex.append(Pattern.quote(localParts.get(i)));
            if (i < localWildcards.size()) {
                regex.append(localWildcards.get(i).equals("**") ? "(.*)" : "([^/]*)");
            }
        }
        return new NameMapping(localGlob, Pattern.compile(regex.toString()), List.copyOf(remoteParts));
    }

    /** The upstream's name for {@code repository}, when this mapping claims it. */
    Optional<String> remoteName(String repository) {
        Matcher matcher = localRegex.matcher(repository);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        StringBuilder remote = new StringBuilder(remoteLiterals.get(0));
        for (int i = 1; i < remoteLiterals.size(); i++) {
            remote.append(matcher.group(i)).append(remoteLiterals.get(i));
        }
        return Optional.of(remote.toString());
    }

    /** Splits a glob into the literal texts between its wildcards, and the wildcards. */
    private static void split(String glob, List<String> literals, List<String> wildcards) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("a repository glob must not be empty");
        }
        int literalStart = 0;
        for (int i = 0; i < glob.length(); i++) {
            if (glob.charAt(i) != '*') {
                continue;
            }
            literals.add(glob.substring(literalStart, i));
            boolean doubleStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
            wildcards.add(doubleStar ? "**" : "*");
            i += doubleStar ? 1 : 0;
            literalStart = i + 1;
        }
        literals.add(glob.substring(literalStart));
    }

    @Override
    public String toString() {
        return local;
    }
}
