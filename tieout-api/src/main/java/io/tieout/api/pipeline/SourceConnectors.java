package io.tieout.api.pipeline;

import io.tieout.config.TieoutConfig;
import io.tieout.extract.SourceConnector;
import io.tieout.extract.bigcommerce.BigCommerceConfig;
import io.tieout.extract.bigcommerce.BigCommerceConnector;
import io.tieout.extract.fx.EcbConfig;
import io.tieout.extract.fx.EcbRatesConnector;
import io.tieout.extract.fx.ManualRatesConfig;
import io.tieout.extract.fx.ManualRatesConnector;
import io.tieout.extract.intacct.IntacctConfig;
import io.tieout.extract.intacct.IntacctConnector;
import io.tieout.extract.shopify.ShopifyConfig;
import io.tieout.extract.shopify.ShopifyConnector;

/** The connector of each source type, configured from tieout.yaml (the only place the two meet). */
public final class SourceConnectors implements ConnectorFactory {
    private final String reportingCurrency;

    public SourceConnectors(String reportingCurrency) {
        this.reportingCurrency = reportingCurrency;
    }

    @Override
    public SourceConnector create(TieoutConfig.Source s) {
        return switch (s.type()) {
            case SHOPIFY -> new ShopifyConnector(new ShopifyConfig(s.name(), s.baseUrl(), credential(s, "accessToken"),
                    ShopifyConfig.DEFAULT_API_VERSION, ShopifyConfig.DEFAULT_PAGE_SIZE, null));
            case BIGCOMMERCE -> new BigCommerceConnector(new BigCommerceConfig(s.name(), s.baseUrl(), s.storeHash(),
                    credential(s, "authToken")));
            case INTACCT -> new IntacctConnector(IntacctConfig.of(s.name(), s.baseUrl(), credential(s, "senderId"),
                    credential(s, "senderPassword"), credential(s, "userId"), credential(s, "userPassword"),
                    credential(s, "companyId")).withEntity(s.entity()));
            case FX -> s.ratesFile() != null
                    ? new ManualRatesConnector(new ManualRatesConfig(s.name(), s.ratesFile()))
                    : new EcbRatesConnector(EcbConfig.of(s.name(), s.baseUrl(), reportingCurrency));
            case SYNCLOG -> throw new IllegalArgumentException("source " + s.name()
                    + ": the sync-log source has no connector yet; its records are loaded by the integration's export");
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
