package dev.berth.bench;

import java.util.List;
import java.util.Locale;

/** The soak's findings as Markdown, in the shape docs/performance.md shows them. */
record SoakReport(
        String header,
        SoakTally tally,
        List<ResourceSample> samples,
        List<GrowthRule.Verdict> verdicts,
        int liveChecked,
        List<String> liveFailures,
        int deletedChecked,
        List<String> deletedStillThere) {

    boolean passed() {
        return tally.errors() == 0
                && liveFailures.isEmpty()
                && deletedStillThere.isEmpty()
                && verdicts.stream().noneMatch(GrowthRule.Verdict::grows);
    }

    String markdown() {
        StringBuilder out = new StringBuilder(header).append("\n\n");
        out.append(
                "| pushes | pulls (whole, verified) | deletes | GC runs (busy) | blobs collected | freed | pulled | errors |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        out.append(format(
                "| %d | %d | %d | %d (%d) | %d | %s | %s | %d |%n%n",
                tally.pushes.get(),
                tally.pulls.get(),
                tally.deletes.get(),
                tally.gcRuns.get(),
                tally.gcBusy.get(),
                tally.blobsCollected.get(),
                mebibytes(tally.bytesFreed.get()),
                mebibytes(tally.bytesPulled.get()),
                tally.errors()));
        out.append("| at | RSS | heap after GC | open files | threads |\n");
        out.append("|---:|---:|---:|---:|---:|\n");
        for (ResourceSample sample : samples) {
            out.append(format(
                    "| %d:%02d | %s | %s | %d | %d |%n",
                    sample.secondsIn() / 60,
                    sample.secondsIn() % 60,
                    mebibytes(sample.residentBytes()),
                    mebibytes(sample.heapAfterGcBytes()),
                    sample.openFiles(),
                    sample.threads()));
        }
        out.append("\n| figure | median, first third | median, last third | limit | verdict |\n");
        out.append("|---|---:|---:|---:|---|\n");
        for (GrowthRule.Verdict verdict : verdicts) {
            String unit = verdict.rule().unit();
            out.append(format(
                    "| %s | %.1f %s | %.1f %s | %.1f %s | %s |%n",
                    verdict.rule().metric(),
                    verdict.firstThirdMedian(),
                    unit,
                    verdict.lastThirdMedian(),
                    unit,
                    verdict.limit(),
                    unit,
                    verdict.grows() ? "GROWS" : "flat"));
        }
        out.append(format(
                "%nAt the end: %d live images pulled whole, %d failed; %d deleted images checked gone, %d still there.%n",
                liveChecked, liveFailures.size(), deletedChecked, deletedStillThere.size()));
        appendList(out, "Failed pulls at the end", liveFailures);
        appendList(out, "Deleted but still served", deletedStillThere);
        appendList(out, "First errors during the run", tally.firstErrors());
        out.append(passed() ? "\nResult: PASS\n" : "\nResult: FAIL\n");
        return out.toString();
    }

    private static void appendList(StringBuilder out, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.append('\n').append(title).append(":\n\n");
        items.stream().limit(20).forEach(item -> out.append("- ").append(item).append('\n'));
    }

    static String mebibytes(long bytes) {
        return format("%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private static String format(String pattern, Object... arguments) {
        return String.format(Locale.ROOT, pattern, arguments);
    }
}
