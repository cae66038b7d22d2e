package io.tieout.extract.fx;

import java.nio.file.Path;

/**
 * Rates kept by hand in a CSV file {@code date,from,to,rate} (1 unit of from = rate units of to):
 * a company's own rate table, or rates the ECB does not publish.
 */
public record ManualRatesConfig(String sourceName, Path file) {
    public ManualRatesConfig {
        if (sourceName == null || sourceName.isBlank()) throw new IllegalArgumentException("fx source: name is required");
        if (file == null) throw new IllegalArgumentException("fx source '" + sourceName + "': file is required");
    }
}
