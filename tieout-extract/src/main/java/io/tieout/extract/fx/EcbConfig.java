package io.tieout.extract.fx;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Set;

/**
 * The ECB's euro reference rates, turned into direct pairs into the reporting currency.
 *
 * @param sourceName        the configured source name records land under
 * @param baseUrl           https://www.ecb.europa.eu, or a simulator
 * @param path              the history file: {@value #DEFAULT_PATH} (the zip the ECB publishes, holding
 *                          eurofxref-hist.csv) or a path to the bare CSV; a zip is recognised by its content
 * @param reportingCurrency what every pair converts into (ISO 4217)
 * @param currencies        the currencies to land (null or empty = every column of the file)
 * @param from              the first date to land (null = the whole history)
 * @param lookBack          days re-read before the newest date already landed (null = 7 days)
 */
public record EcbConfig(String sourceName, String baseUrl, String path, String reportingCurrency, Set<String> currencies,
                        LocalDate from, Duration lookBack) {
    public static final String DEFAULT_PATH = "/stats/eurofxref/eurofxref-hist.zip";
    public static final Duration DEFAULT_LOOK_BACK = Duration.ofDays(7);

    public EcbConfig {
        if (sourceName == null || sourceName.isBlank()) throw new IllegalArgumentException("fx source: name is required");
        if (baseUrl == null || baseUrl.isBlank()) throw new IllegalArgumentException("fx source '" + sourceName + "': baseUrl is required");
        if (path == null || path.isBlank()) path = DEFAULT_PATH;
        if (!path.startsWith("/")) path = "/" + path;
        try {
            reportingCurrency = Currency.getInstance(reportingCurrency).getCurrencyCode();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("fx source '" + sourceName + "': reporting currency '" + reportingCurrency
                    + "' is not an ISO 4217 code");
        }
        currencies = currencies == null ? Set.of() : Set.copyOf(currencies);
        if (lookBack == null) lookBack = DEFAULT_LOOK_BACK;
        if (lookBack.isNegative()) throw new IllegalArgumentException("fx source '" + sourceName + "': lookBack must not be negative");
    }

    public static EcbConfig of(String sourceName, String baseUrl, String reportingCurrency) {
        return new EcbConfig(sourceName, baseUrl, null, reportingCurrency, null, null, null);
    }

    public String url() {
        return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + path;
    }

    public EcbConfig withPath(String p) {
        return new EcbConfig(sourceName, baseUrl, p, reportingCurrency, currencies, from, lookBack);
    }

    public EcbConfig withCurrencies(Set<String> c) {
        return new EcbConfig(sourceName, baseUrl, path, reportingCurrency, c, from, lookBack);
    }

    public EcbConfig withFrom(LocalDate d) {
        return new EcbConfig(sourceName, baseUrl, path, reportingCurrency, currencies, d, lookBack);
    }

    public EcbConfig withLookBack(Duration d) {
        return new EcbConfig(sourceName, baseUrl, path, reportingCurrency, currencies, from, d);
    }
}
