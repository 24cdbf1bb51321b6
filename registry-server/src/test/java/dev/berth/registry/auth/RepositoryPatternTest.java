package dev.berth.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepositoryPatternTest {

    @ParameterizedTest(name = "\"{0}\" against \"{1}\" is {2}")
    @CsvSource({
        "public/**,   public/app,          true",
        "public/**,   public/team/app,     true",
        "public/**,   public,              false",
        "public/**,   publicity/app,       false",
        "public/*,    public/app,          true",
        "public/*,    public/team/app,     false",
        "team-*/app,  team-a/app,          true",
        "team-*/app,  team-a/b/app,        false",
        "library/app, library/app,         true",
        "library/app, library/apps,        false",
        "a.b/c,       axb/c,               false",
        "**,          any/thing/at/all,    true",
        "*,           single,              true",
        "*,           two/parts,           false",
    })
    @DisplayName("* stays within one path component, ** crosses components, the rest is literal")
    void matches(String glob, String repository, boolean expected) {
        assertThat(RepositoryPattern.of(glob).matches(repository)).isEqualTo(expected);
    }
}
