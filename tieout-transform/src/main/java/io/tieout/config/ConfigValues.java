package io.tieout.config;

import static io.tieout.config.ConfigReader.reject;

import io.tieout.config.TieoutConfig.AccountRange;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Converters from a setting's text to its value, each rejecting bad text with the reason. */
final class ConfigValues {

    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d{1,9}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d+");
    private static final Pattern ACCOUNT_RANGE = Pattern.compile("(\\d+)-(\\d+)");
    private static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9-]+");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private ConfigValues() {}

    static String text(String text) {
        if (text.isBlank()) {
            throw reject("is empty");
        }
        return text;
    }

    /** A schedule interval written as minutes or hours: 15m, 1h; at least a minute, at most a day. */
    static java.time.Duration interval(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,4})([mh])").matcher(text.trim());
        if (!m.matches()) throw reject("'" + text + "' is not minutes or hours such as 15m or 1h");
        java.time.Duration d = m.group(2).equals("m") ? java.time.Duration.ofMinutes(Long.parseLong(m.group(1)))
                : java.time.Duration.ofHours(Long.parseLong(m.group(1)));
        if (d.compareTo(java.time.Duration.ofMinutes(1)) < 0 || d.compareTo(java.time.Duration.ofDays(1)) > 0) {
            throw reject("'" + text + "' is outside 1m to 24h");
        }
        return d;
    }

    static Function<String, Integer> wholeNumber(int min, int max) {
        return text -> {
            if (!WHOLE_NUMBER.matcher(text).matches()) {
                throw reject("'" + text + "' is not a whole number");
            }
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw reject("'" + text + "' is outside " + min + " to " + max);
            }
            return value;
        };
    }

    /** Exact, from the text as written: a threshold of 5.00 must not arrive as 5.0000000001. */
    static BigDecimal percent(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw reject("'" + text + "' is not a number");
        }
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            throw reject("'" + text + "' is outside 0 to 100");
        }
        return value;
    }

    static String currency(String text) {
        if (!CURRENCIES.contains(text)) {
            throw reject("'" + text + "' is not an ISO 4217 currency code");
        }
        return text;
    }

    /** Region ids only: a fixed offset such as +05:00 would silently ignore daylight saving. */
    static ZoneId timeZone(String text) {
        if (!ZoneId.getAvailableZoneIds().contains(text)) {
            throw reject("'" + text + "' is not a time zone");
        }
        return ZoneId.of(text);
    }

    static boolean isCountry(String code) {
        return COUNTRIES.contains(code);
    }

    static String accountNumber(String text) {
        if (!ACCOUNT.matcher(text).matches()) {
            throw reject("'" + text + "' is not an account number");
        }
        return text;
    }

    /** Ends of equal length, because accounts compare as text the way Intacct stores them. */
    static AccountRange accountRange(String text) {
        Matcher range = ACCOUNT_RANGE.matcher(text);
        if (!range.matches()) {
            throw reject("'" + text + "' is not an account range");
        }
        String from = range.group(1);
        String to = range.group(2);
        if (from.length() != to.length()) {
            throw reject("'" + text + "' has ends of different lengths");
        }
        if (from.compareTo(to) > 0) {
            throw reject("'" + text + "' starts after it ends");
        }
        return new AccountRange(from, to);
    }

    static String sourceName(String text) {
        if (!SOURCE_NAME.matcher(text).matches()) {
            throw reject("'" + text + "' is not a valid source name");
        }
        return text;
    }

    static String httpUrl(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw reject("'" + text + "' is not a URL");
        }
        boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
        if (!http || uri.getHost() == null) {
            throw reject("'" + text + "' is not an http(s) URL");
        }
        return text;
    }

    static Function<String, Path> pathUnder(Path baseDir) {
        return text -> {
            try {
                return baseDir.resolve(text).normalize();
            } catch (InvalidPathException e) {
                throw reject("'" + text + "' is not a file path");
            }
        };
    }

    /** One of {@code allowed}, spelled exactly. */
    static Function<String, String> oneOf(String what, String... allowed) {
        return text -> {
            if (!Arrays.asList(allowed).contains(text)) {
                throw reject("'" + text + "' is not " + what);
            }
            return text;
        };
    }

    /** An enum constant written in lower case, e.g. {@code transaction_date} for TRANSACTION_DATE. */
    static <E extends Enum<E>> Function<String, E> lowerCase(Class<E> type, String what) {
        return text -> Arrays.stream(type.getEnumConstants())
                .filter(constant -> lowerCaseName(constant).equals(text))
                .findFirst()
                .orElseThrow(() -> reject("'" + text + "' is not " + what));
    }

    static <E extends Enum<E>> String lowerCaseNames(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigValues::lowerCaseName).collect(Collectors.joining(", "));
    }

    private static String lowerCaseName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
