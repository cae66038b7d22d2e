package io.tieout.api.pipeline;

import io.tieout.config.TieoutConfig;
import io.tieout.extract.SourceConnector;
import io.tieout.extract.bigcommerce.BigCommerceConfig;
import io.tieout.extract.bigcommerce.BigCommerceConnector;
import io.tieout.extract.shopify.ShopifyConfig;
import io.tieout.extract.shopify.ShopifyConnector;

/** The connector of each source type, configured from tieout.yaml (the only place the two meet). */
public final class SourceConnectors implements ConnectorFactory {
    @Override
    public SourceConnector create(TieoutConfig.Source s) {
        return switch (s.type()) {
            case SHOPIFY -> new ShopifyConnector(new ShopifyConfig(s.name(), s.baseUrl(), credential(s, "accessToken"),
                    ShopifyConfig.DEFAULT_API_VERSION, ShopifyConfig.DEFAULT_PAGE_SIZE, null));
            case BIGCOMMERCE -> new BigCommerceConnector(new BigCommerceConfig(s.name(), s.baseUrl(), s.storeHash(),
                    credential(s, "authToken")));
            default -> throw new IllegalArgumentException("source " + s.name() + ": no connector for type "
                    + s.type().name().toLowerCase() + " in this build");
        };
    }

    static String credential(TieoutConfig.Source s, String key) {
        String v = s.credentials().get(key);
        if (v == null) {
            throw new IllegalArgumentException("source " + s.name() + " needs credentials." + key + " (a ${ENV_VAR} reference) in tieout.yaml");
        }
        return v;
    }
}
