package io.tieout.api.demo;

import io.tieout.config.ConfigLoader;
import io.tieout.config.TieoutConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The demo company's configuration: the repository's tieout.yaml when run from the checkout (so the
 * demo shows the file a merchant edits), else the copy inside the jar. Source credentials the
 * environment does not set get the simulators' demo values; nothing real is ever needed.
 */
public final class DemoConfig {
    static final Map<String, String> SIMULATOR_CREDENTIALS = Map.of(
            "SHOPIFY_TOKEN", "shpat_demo", "BIGCOMMERCE_TOKEN", "bc_demo",
            "INTACCT_SENDER_ID", "demo_sender", "INTACCT_SENDER_PASSWORD", "demo_sender_password",
            "INTACCT_USER_ID", "demo_user", "INTACCT_USER_PASSWORD", "demo_user_password",
            "INTACCT_COMPANY_ID", "vortex-demo");

    private final Path file;

    public DemoConfig(Path file) {
        this.file = file;
    }

    /** The config as written (warehouse path included). */
    public TieoutConfig load() throws IOException {
        String yaml = Files.exists(file) ? Files.readString(file) : bundled();
        Path base = Files.exists(file) ? file.toAbsolutePath().getParent() : Path.of(".").toAbsolutePath();
        return ConfigLoader.parse(yaml, name -> {
            String v = System.getenv(name);
            return v != null ? v : SIMULATOR_CREDENTIALS.get(name);
        }, base);
    }

    /** The config, with the warehouse moved to the demo's own file. */
    public TieoutConfig load(Path warehouseFile) throws IOException {
        TieoutConfig c = load();
        return new TieoutConfig(c.company(), c.reporting(), c.alerts(), c.revenueAccounts(), c.mapping(),
                new TieoutConfig.Warehouse(warehouseFile), c.sources(), c.api());
    }

    private static String bundled() throws IOException {
        try (InputStream in = DemoConfig.class.getResourceAsStream("/demo/tieout.yaml")) {
            if (in == null) throw new IOException("no tieout.yaml in the working directory and none bundled in the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
