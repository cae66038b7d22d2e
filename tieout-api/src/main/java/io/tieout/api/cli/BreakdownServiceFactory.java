package io.tieout.api.cli;

import java.nio.file.Path;

/** Opens the revenue-gap-breakdown card for {@code tieout card}; config is the --config file or null (defaults). */
@FunctionalInterface
public interface BreakdownServiceFactory {
    OpenedBreakdownService open(Path config) throws Exception;
}
