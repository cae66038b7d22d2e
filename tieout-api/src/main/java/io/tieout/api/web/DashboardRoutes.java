package io.tieout.api.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.tieout.api.PeriodResolver;
import io.tieout.api.auth.TokenStore;
import io.tieout.api.http.ApiRoute;
import io.tieout.api.http.BearerAuth;
import io.tieout.api.http.Problem;
import io.tieout.cards.CardScope;
import io.tieout.cards.Dimension;
import io.tieout.cards.GapCause;
import io.tieout.cards.Period;
import io.tieout.cards.breakdown.BreakdownService;
import io.tieout.cards.breakdown.GapLine;
import io.tieout.cards.breakdown.RevenueGapBreakdown;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The dashboard: server-rendered HTML over the same {@link BreakdownService} the API serves.
 * / (headline, chart, table) → /dashboard/causes/{cause}?dimension= (lines grouped by member)
 * → /dashboard/causes/{cause}/orders?dimension=&member= (the member's orders with their GL lines).
 * Sign-in exchanges a bearer token for an HttpOnly, SameSite=Strict cookie holding it (D26).
 */
public final class DashboardRoutes {
    private static final Set<String> ASSETS = Set.of("dashboard.css");

    private final BreakdownService cards;
    private final TokenStore tokens;

    public DashboardRoutes(BreakdownService cards, TokenStore tokens) {
        this.cards = cards;
        this.tokens = tokens;
    }

    public void install(RoutesConfig routes) {
        ApiRoute.DASHBOARD.install(routes, this::home);
        ApiRoute.DASHBOARD_CAUSE.install(routes, this::cause);
        ApiRoute.DASHBOARD_ORDERS.install(routes, this::orders);
        ApiRoute.LOGIN_FORM.install(routes, ctx -> html(ctx, 200, loginPage(null)));
        ApiRoute.LOGIN.install(routes, this::login);
        ApiRoute.LOGOUT.install(routes, this::logout);
        ApiRoute.ASSET.install(routes, this::asset);
    }

    /** True for the paths whose errors are HTML pages rather than problem+json. */
    public static boolean isDashboardPath(String path) {
        return path.equals("/") || path.startsWith("/dashboard/") || path.equals("/login");
    }

    /** An error on a dashboard page: 401 shows the sign-in form, anything else a short page saying what happened. */
    public static void renderProblem(Context ctx, Problem p) {
        String body = p.status() == 401 ? loginPage(ctx.cookie(BearerAuth.COOKIE) != null
                ? "Your session is no longer valid; sign in again." : null)
                : Html.page(p.title(), true, "<h2>" + Html.esc(p.title()) + "</h2><p>" + Html.esc(p.detail())
                + "</p><p><a href=\"/\">Back to the breakdown</a></p>");
        html(ctx, p.status(), body);
    }

    private void home(Context ctx) {
        Period period = period(ctx);
        RevenueGapBreakdown b = cards.breakdown(period, CardScope.ALL);
        String q = periodQuery(ctx);
        StringBuilder s = new StringBuilder();
        s.append("<p class=\"crumbs\">Period ").append(b.period().from()).append(" to ").append(b.period().to())
                .append(" (").append(Html.esc(b.timezone())).append("), currency ").append(Html.esc(b.currency()))
                .append(", as of ").append(b.asOf()).append("</p>");
        s.append("<div class=\"tiles\">");
        tile(s, "Commerce revenue C", Html.money(b.commerceRevenue()), "commerce");
        tile(s, "GL revenue G", Html.money(b.glRevenue()), "gl");
        tile(s, "Gap", Html.money(b.gap()), "gap");
        tile(s, "Gap %", Html.pct(b.gapPct()), "gap-pct");
        s.append("<div class=\"tile\" id=\"alert\"><div class=\"label\">Alert (threshold ").append(Html.pct(b.thresholdPct()))
                .append(")</div><div class=\"value ").append(b.alertFiring() ? "firing\">firing" : "ok\">not firing").append("</div></div>");
        s.append("<div class=\"tile\"><div class=\"label\">Identity</div><div class=\"value ")
                .append(b.identityHolds() ? "ok\">holds" : "firing\">broken, unexplained " + Html.money(b.unexplained())).append("</div></div>");
        s.append("</div>");
        List<SvgBarChart.Bar> bars = new ArrayList<>();
        for (RevenueGapBreakdown.Reason r : b.reasons()) bars.add(new SvgBarChart.Bar(r.label(), r.amount(), causeHref(r.cause(), null, q)));
        s.append("<h2>Gap by cause</h2><div class=\"chart\">").append(SvgBarChart.render("Gap by cause", bars)).append("</div>");
        s.append("<h2>Breakdown</h2><table id=\"breakdown\"><thead><tr><th>Cause</th><th class=\"num\">Amount</th>"
                + "<th class=\"num\">Affected</th><th class=\"num\">% of gap</th><th class=\"num\">Orders</th>"
                + "<th>Owning dimension</th><th>Recoverable</th><th>Diagnoses</th></tr></thead><tbody>");
        for (RevenueGapBreakdown.Reason r : b.reasons()) {
            s.append("<tr data-cause=\"").append(Html.esc(r.cause())).append("\"><td><a href=\"").append(Html.esc(causeHref(r.cause(), null, q)))
                    .append("\">").append(Html.esc(r.label())).append("</a></td>")
                    .append(num(Html.money(r.amount()))).append(num(Html.money(r.affectedAmount())))
                    .append(num(Html.pct(r.pctOfGap()))).append(num(String.valueOf(r.orders())))
                    .append("<td>").append(Html.esc(r.owningDimension())).append("</td><td>").append(Html.esc(r.recoverable())).append("</td><td>");
            if (r.diagnoses() != null) {
                for (RevenueGapBreakdown.Diagnosis d : r.diagnoses()) {
                    s.append(Html.esc(d.diagnosis())).append(": ").append(d.orders()).append(" orders, ").append(Html.money(d.amount())).append("<br>");
                }
            }
            s.append("</td></tr>");
        }
        s.append("</tbody></table>");
        if (b.definitions() != null) {
            RevenueGapBreakdown.Definitions d = b.definitions();
            s.append("<h2>Definitions</h2><p>Tax basis: ").append(Html.esc(d.taxBasis())).append("; FX policy: ").append(Html.esc(d.fxPolicy()))
                    .append("; revenue accounts: ").append(Html.esc(d.revenueAccounts())).append("; sync lag: ").append(Html.esc(d.syncLag()))
                    .append("; order date: ").append(Html.esc(d.orderDate())).append("; match key: ").append(Html.esc(d.matchKey())).append(".</p>");
        }
        html(ctx, 200, Html.page("Revenue gap breakdown", true, s.toString()));
    }

    private void cause(Context ctx) {
        GapCause cause = GapCause.fromId(ctx.pathParam("cause"));
        Dimension dim = dimension(ctx, cause);
        Period period = period(ctx);
        String q = periodQuery(ctx);
        List<GapLine> lines = cards.drill(period, CardScope.ALL, cause.id(), dim.id(), null);
        Map<String, List<GapLine>> byMember = new LinkedHashMap<>();
        for (GapLine l : lines) byMember.computeIfAbsent(Objects.requireNonNullElse(member(l, dim), ""), k -> new ArrayList<>()).add(l);
        List<Map.Entry<String, List<GapLine>>> groups = new ArrayList<>(byMember.entrySet());
        groups.sort(Comparator.comparing((Map.Entry<String, List<GapLine>> e) -> sum(e.getValue()).abs()).reversed()
                .thenComparing(Map.Entry::getKey));
        StringBuilder s = new StringBuilder();
        s.append("<p class=\"crumbs\"><a href=\"/").append(q.isEmpty() ? "" : "?" + q).append("\">Breakdown</a> › ")
                .append(Html.esc(cause.label())).append(" by ").append(dim.id()).append(" (").append(period.from()).append(" to ")
                .append(period.to()).append(")</p>");
        s.append("<nav class=\"dims\">Group by: ");
        for (Dimension d : Dimension.values()) {
            s.append("<a").append(d == dim ? " class=\"current\"" : "").append(" href=\"")
                    .append(Html.esc(causeHref(cause.id(), d.id(), q))).append("\">").append(d.id()).append("</a>");
        }
        s.append("</nav>");
        s.append("<h2>").append(Html.esc(cause.label())).append(": ").append(lines.size()).append(" lines, ")
                .append(Html.money(sum(lines))).append("</h2>");
        List<SvgBarChart.Bar> bars = new ArrayList<>();
        for (var g : groups.subList(0, Math.min(groups.size(), 15))) {
            bars.add(new SvgBarChart.Bar(label(g.getKey()), sum(g.getValue()), ordersHref(cause.id(), dim.id(), g.getKey(), q)));
        }
        if (!bars.isEmpty()) s.append("<div class=\"chart\">").append(SvgBarChart.render(cause.label() + " by " + dim.id(), bars)).append("</div>");
        s.append("<table id=\"members\"><thead><tr><th>").append(dim.id()).append("</th><th class=\"num\">Lines</th>"
                + "<th class=\"num\">Orders</th><th class=\"num\">Amount</th></tr></thead><tbody>");
        for (var g : groups) {
            long orders = g.getValue().stream().map(GapLine::orderKey).filter(Objects::nonNull).distinct().count();
            s.append("<tr><td><a href=\"").append(Html.esc(ordersHref(cause.id(), dim.id(), g.getKey(), q))).append("\">")
                    .append(Html.esc(label(g.getKey()))).append("</a></td>").append(num(String.valueOf(g.getValue().size())))
                    .append(num(String.valueOf(orders))).append(num(Html.money(sum(g.getValue())))).append("</tr>");
        }
        if (groups.isEmpty()) s.append("<tr><td colspan=\"4\">No gap lines for this cause in the period.</td></tr>");
        s.append("</tbody></table>");
        html(ctx, 200, Html.page(cause.label(), true, s.toString()));
    }

    private void orders(Context ctx) {
        GapCause cause = GapCause.fromId(ctx.pathParam("cause"));
        Dimension dim = Dimension.fromId(ctx.queryParam("dimension"));
        String member = ctx.queryParam("member") == null ? "" : ctx.queryParam("member").trim();
        Period period = period(ctx);
        String q = periodQuery(ctx);
        List<GapLine> lines = member.isEmpty()
                ? cards.drill(period, CardScope.ALL, cause.id(), dim.id(), null).stream().filter(l -> member(l, dim) == null).toList()
                : cards.drill(period, CardScope.ALL, cause.id(), dim.id(), member);
        StringBuilder s = new StringBuilder();
        s.append("<p class=\"crumbs\"><a href=\"/").append(q.isEmpty() ? "" : "?" + q).append("\">Breakdown</a> › <a href=\"")
                .append(Html.esc(causeHref(cause.id(), dim.id(), q))).append("\">").append(Html.esc(cause.label())).append(" by ")
                .append(dim.id()).append("</a> › ").append(Html.esc(label(member))).append("</p>");
        s.append("<h2>").append(Html.esc(label(member))).append(": ").append(lines.size()).append(" lines, ")
                .append(Html.money(sum(lines))).append("</h2>");
        s.append("<table id=\"orders\"><thead><tr><th>Order</th><th>Source</th><th>Date</th><th>Diagnosis</th><th>Customer</th>"
                + "<th>Item</th><th>Class</th><th>Entity</th><th class=\"num\">Amount</th><th>Action</th></tr></thead><tbody>");
        for (GapLine l : lines) {
            s.append("<tr class=\"order\"><td>").append(Html.esc(l.orderNumber())).append("</td><td>").append(Html.esc(l.source()))
                    .append("</td><td>").append(l.orderDate() == null ? "" : l.orderDate()).append("</td><td>").append(Html.esc(l.diagnosis()))
                    .append("</td><td>").append(Html.esc(l.customer())).append("</td><td>").append(Html.esc(l.item()))
                    .append("</td><td>").append(Html.esc(l.clazz())).append("</td><td>").append(Html.esc(l.entity())).append("</td>")
                    .append(num(Html.money(l.amount()))).append("<td>").append(Html.esc(l.action())).append("</td></tr>");
            if (l.glLines() == null || l.glLines().isEmpty()) {
                s.append("<tr class=\"gl\"><td></td><td colspan=\"9\">No GL line in Intacct for this order.</td></tr>");
            } else {
                for (GapLine.GlLineRef g : l.glLines()) {
                    s.append("<tr class=\"gl\"><td></td><td colspan=\"3\">GL ").append(Html.esc(g.recordNo())).append(" · account ")
                            .append(Html.esc(g.accountNo())).append("</td><td colspan=\"2\">").append(g.entryDate() == null ? "" : g.entryDate())
                            .append("</td><td colspan=\"2\">").append(Html.esc(g.document())).append("</td>").append(num(Html.money(g.amount())))
                            .append("<td></td></tr>");
                }
            }
        }
        if (lines.isEmpty()) s.append("<tr><td colspan=\"10\">No gap lines for this member.</td></tr>");
        s.append("</tbody></table>");
        html(ctx, 200, Html.page(cause.label() + " · " + label(member), true, s.toString()));
    }

    private void login(Context ctx) {
        String token = ctx.formParam("token");
        boolean valid = token != null && !token.isBlank() && tokens.authenticate(token.trim()).isPresent();
        if (!valid) {
            html(ctx, 401, loginPage("That token is unknown or has been revoked."));
            return;
        }
        Cookie cookie = new Cookie(BearerAuth.COOKIE, token.trim());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setSecure("https".equalsIgnoreCase(ctx.scheme()));
        ctx.cookie(cookie);
        ctx.header("Cache-Control", "no-store");
        ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        Cookie cookie = new Cookie(BearerAuth.COOKIE, "");
        cookie.setPath("/");
        cookie.setMaxAge(0);
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        ctx.cookie(cookie);
        ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void asset(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        if (!ASSETS.contains(file)) throw io.tieout.api.http.ProblemException.notFound("There is no asset " + PeriodResolver.echo(file) + ".");
        try (InputStream in = DashboardRoutes.class.getResourceAsStream("/web/" + file)) {
            if (in == null) throw io.tieout.api.http.ProblemException.notFound("The asset " + file + " is missing from the jar.");
            ctx.status(200).contentType("text/css; charset=utf-8").header("Cache-Control", "max-age=3600").result(in.readAllBytes());
        }
    }

    private static String loginPage(String error) {
        return Html.page("Sign in", false, "<form class=\"login\" method=\"post\" action=\"/login\"><h2>Sign in</h2>"
                + (error == null ? "" : "<p class=\"error\">" + Html.esc(error) + "</p>")
                + "<label for=\"token\">API token (owner, controller or finance)</label>"
                + "<input type=\"password\" id=\"token\" name=\"token\" autocomplete=\"current-password\" required>"
                + "<button type=\"submit\" id=\"signin\">Sign in</button></form>");
    }

    private static void html(Context ctx, int status, String body) {
        ctx.status(status).contentType("text/html; charset=utf-8").header("Cache-Control", "no-store").result(body);
    }

    private Period period(Context ctx) {
        return PeriodResolver.resolve(PeriodResolver.parseDate("from", ctx.queryParam("from")),
                PeriodResolver.parseDate("to", ctx.queryParam("to")), cards.defaultPeriod());
    }

    private static String periodQuery(Context ctx) {
        StringBuilder q = new StringBuilder();
        for (String p : List.of("from", "to")) {
            String v = ctx.queryParam(p);
            if (v != null && !v.isBlank()) q.append(q.length() == 0 ? "" : "&").append(p).append('=').append(Html.url(v.trim()));
        }
        return q.toString();
    }

    private static Dimension dimension(Context ctx, GapCause cause) {
        String d = ctx.queryParam("dimension");
        if (d != null && !d.isBlank()) return Dimension.fromId(d);
        return switch (cause) {
            case CLASS_ATTRIBUTION -> Dimension.CLASS;
            case ITEM_MAPPING -> Dimension.ITEM;
            case CURRENCY_FX -> Dimension.ENTITY;
            default -> Dimension.CUSTOMER;
        };
    }

    private static String causeHref(String cause, String dimension, String q) {
        String query = (dimension == null ? "" : "dimension=" + dimension) + (q.isEmpty() ? "" : (dimension == null ? "" : "&") + q);
        return "/dashboard/causes/" + Html.url(cause) + (query.isEmpty() ? "" : "?" + query);
    }

    private static String ordersHref(String cause, String dimension, String member, String q) {
        return "/dashboard/causes/" + Html.url(cause) + "/orders?dimension=" + dimension + "&member=" + Html.url(member)
                + (q.isEmpty() ? "" : "&" + q);
    }

    static String member(GapLine l, Dimension d) {
        return switch (d) {
            case CUSTOMER -> l.customer();
            case ITEM -> l.item();
            case CLASS -> l.clazz();
            case DEPARTMENT -> l.department();
            case LOCATION -> l.location();
            case PROJECT -> l.project();
            case ENTITY -> l.entity();
        };
    }

    private static String label(String member) {
        return member == null || member.isEmpty() ? "(no member)" : member;
    }

    private static BigDecimal sum(List<GapLine> lines) {
        return lines.stream().map(GapLine::amount).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void tile(StringBuilder s, String label, String value, String id) {
        s.append("<div class=\"tile\" id=\"").append(id).append("\"><div class=\"label\">").append(Html.esc(label))
                .append("</div><div class=\"value\">").append(Html.esc(value)).append("</div></div>");
    }

    private static String num(String v) {
        return "<td class=\"num\">" + Html.esc(v) + "</td>";
    }
}
