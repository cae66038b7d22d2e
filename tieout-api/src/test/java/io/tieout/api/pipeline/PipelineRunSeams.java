package io.tieout.api.pipeline;

import io.tieout.config.TieoutConfig;
import io.tieout.transform.TransformJob;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;

import java.time.Clock;
import java.time.Duration;
import java.util.function.BiFunction;

/** Test access to PipelineRun's package-private seam from other test packages. */
public final class PipelineRunSeams {
    private PipelineRunSeams() {}

    public static PipelineRun withTransforms(DuckDbWarehouse wh, TieoutConfig config, ConnectorFactory connectors, Clock clock,
                                             Duration lookBack, BiFunction<DuckDbWarehouse, TieoutConfig, TransformJob> transforms) {
        return new PipelineRun(wh, config, connectors, clock, lookBack, transforms);
    }
}
