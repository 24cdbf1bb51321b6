package dev.berth.bench;

import java.util.List;

/**
 * The soak's meaning of "grows without bound": the samples split in thirds, and the median of the
 * last third exceeds the median of the first third by more than the allowance, which is
 * {@code relative} of that first median or {@code absolute}, whichever is larger. Medians of whole
 * thirds let neither a single high sample (a collection that had just begun) nor a single low one
 * decide, and leave the middle third to settle in; a leak lifts the whole last third.
 */
record GrowthRule(String metric, String unit, double relative, double absolute) {

    /** The figures a judgement rests on, and whether they say "grows". */
    record Verdict(GrowthRule rule, double firstThirdMedian, double lastThirdMedian, double limit) {
        boolean grows() {
            return lastThirdMedian > limit;
        }
    }

    static final int MIN_SAMPLES = 3;

    Verdict judge(List<Double> samples) {
        if (samples.size() < MIN_SAMPLES) {
            throw new IllegalArgumentException("the growth of " + metric + " needs at least " + MIN_SAMPLES
                    + " samples, there are " + samples.size() + " (run longer or sample more often)");
        }
        int third = samples.size() / 3;
        double first = Results.median(samples.subList(0, third));
        double last = Results.median(samples.subList(samples.size() - third, samples.size()));
        return new Verdict(this, first, last, first + Math.max(relative * first, absolute));
    }
}
