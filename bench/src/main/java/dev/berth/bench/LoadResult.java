package dev.berth.bench;

/** What a load generator measured: requests completed per second and the 99th percentile latency. */
record LoadResult(double requestsPerSecond, double p99Millis) {}
