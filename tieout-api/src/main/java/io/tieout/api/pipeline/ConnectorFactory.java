package io.tieout.api.pipeline;

import io.tieout.config.TieoutConfig;
import io.tieout.extract.SourceConnector;

/** Builds the connector of one configured source. */
@FunctionalInterface
public interface ConnectorFactory {
    SourceConnector create(TieoutConfig.Source source);
}
