package io.tieout.api.pipeline;

import io.tieout.config.TieoutConfig;
import io.tieout.extract.SourceConnector;

/** The connector of each source type, configured from tieout.yaml. */
public final class SourceConnectors implements ConnectorFactory {
    @Override
    public SourceConnector create(TieoutConfig.Source source) {
        throw new IllegalArgumentException("source " + source.name() + ": no connector for type "
                + source.type().name().toLowerCase() + " in this build");
    }
}
