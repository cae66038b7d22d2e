package io.tieout.api.web;

import io.tieout.api.ApiServer;
import io.tieout.api.RunningServer;
import io.tieout.api.auth.Role;
import io.tieout.api.auth.TokenStore;
import io.tieout.api.cli.DemoOptions;
import io.tieout.api.demo.DemoConfig;
import io.tieout.api.demo.DemoPipelineJob;
import io.tieout.cards.breakdown.RevenueGapBreakdownCard;
import io.tieout.config.TieoutConfig;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard in headless Chromium over the demo warehouse: sign in, breakdown → cause → member → orders. */
class DashboardBrowserTest {
    @TempDir static Path dir;
    static DuckDbWarehouse wh;
    static RunningServer server;
    static String token;
    static String base;

    @BeforeAll
    static void demoWarehouseAndServer() throws Exception {
        HeadlessChromium.binary(); // fail first, and clearly, when chromium is missing
        DemoConfig config = new DemoConfig(Path.of("../tieout.yaml"));
        new DemoPipelineJob(config).run(new DemoOptions(0, false, dir), new PrintWriter(new StringWriter(), true));
        TieoutConfig cfg = config.load(dir.resolve("tieout.duckdb"));
        wh = DuckDbWarehouse.open(dir.resolve("tieout.duckdb"));
        TokenStore tokens = new TokenStore(wh);
        token = tokens.create(Role.FINANCE, "browser").token();
        server = new ApiServer(wh, new RevenueGapBreakdownCard(wh, cfg), tokens).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
        if (wh != null) wh.close();
    }

    @Test
    void signInThenClickFromTheBreakdownDownToAnOrderWithItsGlLines() throws Exception {
        try (HeadlessChromium browser = new HeadlessChromium(dir.resolve("chromium-profile"))) {
            browser.navigate(base + "/");
            assertThat(browser.visibleText()).contains("Sign in").doesNotContain("4,820,400.00");

            browser.eval("document.getElementById('token').value = " + quoted(token));
            browser.navigateBy("document.getElementById('signin').click()", "document.getElementById('breakdown')");
            String home = browser.visibleText();
            assertThat(home).contains("4,820,400.00").contains("4,616,800.00").contains("203,600.00").contains("4.22 %")
                    .contains("not firing").contains("Unmapped orders").contains("128,400.00");
            assertThat(browser.eval("document.querySelectorAll('svg rect').length").asInt()).isGreaterThanOrEqualTo(12);
            Path shot = browser.screenshot(dir.resolve("dashboard.png"));
            Files.copy(shot, Path.of(System.getProperty("java.io.tmpdir"), "tieout-dashboard.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            // breakdown → cause (grouped by customer)
            browser.navigateBy("document.querySelector('tr[data-cause=unmapped_order] a').click()", "document.getElementById('members')");
            String cause = browser.visibleText();
            assertThat(cause).contains("Unmapped orders by customer").contains("128,400.00");
            // cause → member → its orders
            String member = browser.eval("document.querySelector('#members tbody a').textContent").asText();
            browser.navigateBy("document.querySelector('#members tbody a').click()", "document.getElementById('orders')");
            String orders = browser.visibleText();
            assertThat(orders).contains(member);
            assertThat(browser.eval("document.querySelectorAll('#orders tr.order').length").asInt()).isPositive();
            String orderNumber = browser.eval("document.querySelector('#orders tr.order td').textContent").asText();
            assertThat(orderNumber).isNotBlank();
            assertThat(orders).contains(orderNumber);

            // a cause whose orders were booked: the order with its GL lines
            browser.navigate(base + "/");
            browser.navigateBy("document.querySelector('tr[data-cause=currency_fx] a').click()", "document.getElementById('members')");
            browser.navigateBy("document.querySelector('#members tbody a').click()", "document.getElementById('orders')");
            String fxOrder = browser.eval("document.querySelector('#orders tr.order td').textContent").asText();
            String glLine = browser.eval("(document.querySelector('#orders tr.gl') || {}).innerText || ''").asText();
            assertThat(fxOrder).isNotBlank();
            assertThat(glLine).contains("GL ").contains("account");
            browser.screenshot(dir.resolve("orders.png"));
        }
    }

    private static String quoted(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
