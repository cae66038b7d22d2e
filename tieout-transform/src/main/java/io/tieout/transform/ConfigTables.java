package io.tieout.transform;

import io.tieout.config.TieoutConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Currency;
import java.util.Map;

/**
 * Writes the configuration the models join against (sources, posting rules, revenue accounts, ISO
 * currencies) into {@code ops.cfg_*} tables, inside the run's transaction, so a run's marts and the
 * rules they were computed with always agree.
 */
final class ConfigTables {
    private ConfigTables() {}

    static void write(Connection c, TieoutConfig cfg) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TABLE ops.cfg_sources (source VARCHAR PRIMARY KEY, type VARCHAR, channel VARCHAR, storefront VARCHAR)");
            st.execute("CREATE OR REPLACE TABLE ops.cfg_channel_class (channel VARCHAR PRIMARY KEY, class_id VARCHAR)");
            st.execute("CREATE OR REPLACE TABLE ops.cfg_country_entity (country VARCHAR PRIMARY KEY, entity_id VARCHAR)");
            st.execute("CREATE OR REPLACE TABLE ops.cfg_sku_item (sku VARCHAR PRIMARY KEY, item_id VARCHAR)");
            st.execute("CREATE OR REPLACE TABLE ops.cfg_revenue_accounts (kind VARCHAR, account_from VARCHAR, account_to VARCHAR)");
            st.execute("CREATE OR REPLACE TABLE ops.cfg_currencies (code VARCHAR PRIMARY KEY, minor_digits INTEGER)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ops.cfg_sources VALUES (?, ?, ?, ?)")) {
            for (TieoutConfig.Source s : cfg.sources()) {
                ps.setString(1, s.name());
                ps.setString(2, s.type().name().toLowerCase());
                ps.setString(3, s.channel());
                ps.setString(4, s.storefront());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        insertPairs(c, "ops.cfg_channel_class", cfg.mapping().channelClass());
        insertPairs(c, "ops.cfg_country_entity", cfg.mapping().countryEntity());
        insertPairs(c, "ops.cfg_sku_item", cfg.mapping().skuItem());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ops.cfg_revenue_accounts VALUES (?, ?, ?)")) {
            for (TieoutConfig.AccountRange r : cfg.revenueAccounts().ranges()) addAccount(ps, "range", r.from(), r.to());
            for (String a : cfg.revenueAccounts().include()) addAccount(ps, "include", a, a);
            for (String a : cfg.revenueAccounts().exclude()) addAccount(ps, "exclude", a, a);
            ps.executeBatch();
        }
        // One statement for the ~300 ISO currencies: a row-by-row batch costs a tenth of a second a run.
        StringBuilder currencies = new StringBuilder("INSERT INTO ops.cfg_currencies VALUES ");
        String sep = "";
        for (Currency cur : Currency.getAvailableCurrencies()) {
            currencies.append(sep).append("('").append(cur.getCurrencyCode()).append("', ").append(cur.getDefaultFractionDigits()).append(')');
            sep = ", ";
        }
        try (Statement st = c.createStatement()) {
            st.execute(currencies.toString());
        }
    }

    private static void addAccount(PreparedStatement ps, String kind, String from, String to) throws SQLException {
        ps.setString(1, kind);
        ps.setString(2, from);
        ps.setString(3, to);
        ps.addBatch();
    }

    private static void insertPairs(Connection c, String table, Map<String, String> pairs) throws SQLException {
        if (pairs.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
            for (Map.Entry<String, String> e : pairs.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
