package io.tieout.api.cli;

import java.nio.file.Path;

/** What {@code tieout demo} was asked for: serve the API on port after the demo run, unless serve is false. */
public record DemoOptions(int port, boolean serve, Path warehouseDir) {}
