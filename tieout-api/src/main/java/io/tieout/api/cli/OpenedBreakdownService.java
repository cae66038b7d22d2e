package io.tieout.api.cli;

import io.tieout.cards.breakdown.BreakdownService;

import java.util.Objects;

/** A breakdown service and what to close when the command is done with it (typically the warehouse; may be null). */
public record OpenedBreakdownService(BreakdownService service, AutoCloseable resources) implements AutoCloseable {
    public OpenedBreakdownService {
        Objects.requireNonNull(service, "service");
    }

    @Override
    public void close() throws Exception {
        if (resources != null) resources.close();
    }
}
