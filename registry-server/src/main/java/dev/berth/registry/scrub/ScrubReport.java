package dev.berth.registry.scrub;

import java.util.List;

/**
 * What a scrub found: blobs whose content does not match their digest, links to blobs that are
 * gone, and what a crash left behind (hidden temporary files, upload directories without a start).
 */
public record ScrubReport(
        boolean repaired,
        int blobsChecked,
        List<String> corruptBlobs,
        List<String> danglingLinks,
        List<String> leftovers) {

    public boolean clean() {
        return corruptBlobs.isEmpty() && danglingLinks.isEmpty() && leftovers.isEmpty();
    }

    /** The report as the command line prints it: one line per finding, then a summary. */
    public List<String> lines() {
        String action = repaired ? "quarantined" : "corrupt";
        List<String> findings = new java.util.ArrayList<>();
        corruptBlobs.forEach(blob -> findings.add(action + " blob " + blob));
        danglingLinks.forEach(link -> findings.add((repaired ? "removed dangling link " : "dangling link ") + link));
        leftovers.forEach(path -> findings.add((repaired ? "removed crash leftover " : "crash leftover ") + path));
        findings.add(blobsChecked + " blobs re-hashed, " + corruptBlobs.size() + " corrupt, " + danglingLinks.size()
                + " dangling links, " + leftovers.size() + " crash leftovers" + (repaired ? ", repaired" : ""));
        return findings;
    }
}
