package io.tieout.transform;

import io.tieout.config.TieoutConfig;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;

import java.sql.SQLException;

/** Test access to TransformJob's package-private runner: a transform that fails right after one model. */
public final class FailingTransforms {
    private FailingTransforms() {}

    public static TransformJob failingAfter(DuckDbWarehouse wh, TieoutConfig config, String model) {
        return new TransformJob(wh, config, new ModelRunner(ModelCatalog.fromClassPath(), new DuckDbDialect(), (c, m) -> {
            if (m.name().equals(model)) throw new SQLException("injected fault after " + model);
        }));
    }
}
