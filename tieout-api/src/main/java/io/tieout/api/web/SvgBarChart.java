package io.tieout.api.web;

import java.math.BigDecimal;
import java.util.List;

/** A horizontal bar chart as inline SVG, one bar per row (negative amounts to the left of zero), each bar a link. */
final class SvgBarChart {
    record Bar(String label, BigDecimal value, String href) {}

    private static final int WIDTH = 900;
    private static final int LABEL = 190;
    private static final int VALUE = 120;
    private static final int ROW = 26;

    private SvgBarChart() {}

    static String render(String title, List<Bar> bars) {
        double max = 0;
        double min = 0;
        for (Bar b : bars) {
            max = Math.max(max, b.value().doubleValue());
            min = Math.min(min, b.value().doubleValue());
        }
        double span = max - min == 0 ? 1 : max - min;
        int plot = WIDTH - LABEL - VALUE;
        double zero = LABEL + plot * (-min / span);
        int height = bars.size() * ROW + 10;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" font-family=\"sans-serif\" font-size=\"13\">")
                .append("<title>").append(Html.esc(title)).append("</title>");
        int y = 5;
        for (Bar b : bars) {
            double v = b.value().doubleValue();
            double w = plot * Math.abs(v) / span;
            double x = v >= 0 ? zero : zero - w;
            s.append("<a href=\"").append(Html.esc(b.href())).append("\">");
            s.append("<text x=\"").append(LABEL - 8).append("\" y=\"").append(y + 17).append("\" text-anchor=\"end\" fill=\"#243b53\">")
                    .append(Html.esc(b.label())).append("</text>");
            s.append(String.format(java.util.Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                    x, y + 4, Math.max(w, v == 0 ? 0 : 1), ROW - 8, v >= 0 ? "#2680c2" : "#e66a6a"));
            s.append("<text x=\"").append(WIDTH - 4).append("\" y=\"").append(y + 17).append("\" text-anchor=\"end\" fill=\"#486581\">")
                    .append(Html.esc(Html.money(b.value()))).append("</text>");
            s.append("</a>");
            y += ROW;
        }
        s.append(String.format(java.util.Locale.ROOT, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#9fb3c8\"/>", zero, zero, height));
        return s.append("</svg>").toString();
    }
}
