package dev.berth.bench;

/** What the registry process held at one moment of the soak. */
record ResourceSample(long secondsIn, long residentBytes, long heapAfterGcBytes, int openFiles, int threads) {}
