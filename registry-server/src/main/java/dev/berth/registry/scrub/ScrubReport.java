package dev.berth.registry.scrub;

import java.util.List;

/** What a scrub found: blobs whose content does not match their digest, and links to blobs that are gone. */
public record ScrubReport(boolean repaired, int blobsChecked, List<String> corruptBlobs, List<String> danglingLinks) {

    public boolean clean() {
        return corruptBlobs.isEmpty() && danglingLinks.isEmpty();
    }

    /** The report as the command line prints it: one line per finding, then a summary. */
    public List<String> lines() {
        String action = repaired ? "quarantined" : "corrupt";
        List<String> findings = new java.util.ArrayList<>();
        corruptBlobs.forEach(blob -> findings.add(action + " blob " + blob));
        danglingLinks.forEach(link -> findings.add((repaired ? "removed dangling link " : "dangling link ") + link));
        findings.add(blobsChecked + " blobs re-hashed, " + corruptBlobs.size() + " corrupt, " + danglingLinks.size()
                + " dangling links" + (repaired ? ", repaired" : ""));
        return findings;
    }
}
