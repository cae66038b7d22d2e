package io.tieout.api.cli;

/** What {@code tieout bench transform} was asked for: a synthetic data set of orders orders, generated from seed. */
public record BenchTransformOptions(int orders, long seed) {}
