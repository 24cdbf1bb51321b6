package dev.berth.conformance.suite;

/**
 * What registries legitimately differ on, as the spec allows. A check that depends on one names
 * it with {@link dev.berth.conformance.suite.support.Requires}, and is skipped, with the reason
 * below, when the registry under test was declared otherwise.
 */
public enum Capability {
    /** "Registries MAY implement deletion or they MAY disable it." */
    DELETES(
            "deletes",
            true,
            "the registry was declared with deletes disabled (--deletes-disabled)",
            "the registry was declared with deletes enabled; this check is for registries that disable them"),
    /** "a registry MAY implement tag deletion, while others MAY allow deletion only by manifest." */
    TAG_DELETES(
            "tagDeletes",
            true,
            "the registry was declared without tag deletion (--tag-deletes-disabled)",
            "the registry was declared with tag deletion; this check is for registries that delete only by manifest"),
    /** "The registry MAY treat the from parameter as optional, and it MAY cross-mount the blob if it can be found." */
    AUTOMATIC_CROSS_MOUNT(
            "automaticCrossMount",
            false,
            "the registry was not declared to cross-mount without `from` (--automatic-cross-mount)",
            "the registry was declared to cross-mount without `from`; this check is for registries that do not"),
    /** The referrers API (end-12a, end-12b), "added in distribution-spec 1.1". */
    REFERRERS(
            "referrers",
            true,
            "the registry was declared without the referrers API (--no-referrers)",
            "the registry was declared with the referrers API; this check is for registries without it");

    private final String key;
    private final boolean defaultValue;
    private final String reasonWhenAbsent;
    private final String reasonWhenPresent;

    Capability(String key, boolean defaultValue, String reasonWhenAbsent, String reasonWhenPresent) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.reasonWhenAbsent = reasonWhenAbsent;
        this.reasonWhenPresent = reasonWhenPresent;
    }

    /** The configuration parameter, below {@link SuiteConfig#PREFIX}. */
    public String key() {
        return key;
    }

    public boolean defaultValue() {
        return defaultValue;
    }

    /** Why a check that needs this capability was skipped. */
    public String reasonWhenAbsent() {
        return reasonWhenAbsent;
    }

    /** Why a check for registries without this capability was skipped. */
    public String reasonWhenPresent() {
        return reasonWhenPresent;
    }
}
