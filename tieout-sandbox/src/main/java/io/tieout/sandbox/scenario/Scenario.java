package io.tieout.sandbox.scenario;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A generated company: its source records, the instant it is reconciled at, its period and truth. */
public record Scenario(String name, List<SourceRecord> records, Instant asOf, LocalDate periodFrom, LocalDate periodTo,
                       GroundTruth truth) {}
