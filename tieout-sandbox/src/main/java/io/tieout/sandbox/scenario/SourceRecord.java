package io.tieout.sandbox.scenario;

import java.time.Instant;

/** One record of a generated scenario, exactly as the source system's API would return it. */
public record SourceRecord(String source, String object, String id, Instant updatedAt, String payload) {}
