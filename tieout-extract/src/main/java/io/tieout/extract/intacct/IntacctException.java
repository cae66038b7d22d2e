package io.tieout.extract.intacct;

import io.tieout.extract.ExtractException;

import java.util.List;

/**
 * A failure Intacct reported in its response, at one of the gateway's three levels: the control block
 * (sender credentials, a malformed request: nothing ran), authentication (user, company, entity or
 * session: no function ran) or one function (a bad object or query: only that function failed).
 */
public final class IntacctException extends ExtractException {
    public enum Level {
        CONTROL("control"), AUTHENTICATION("authentication"), FUNCTION("function");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() { return label; }
    }

    /** One {@code <error>} of an {@code <errormessage>}. */
    public record Error(String errorNo, String description, String description2, String correction) {
        /** The useful text first (description2), then the rest, without empty parts. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            append(sb, description, ": ");
            append(sb, description2, ": ");
            return sb.toString();
        }

        private static void append(StringBuilder sb, String s, String sep) {
            if (s == null || s.isBlank()) return;
            if (sb.length() > 0) sb.append(sep);
            sb.append(s.trim());
        }
    }

    private final Level level;
    private final List<Error> errors;

    public IntacctException(String message, Level level, List<Error> errors) {
        super(message);
        this.level = level;
        this.errors = List.copyOf(errors);
    }

    public Level level() { return level; }

    public List<Error> errors() { return errors; }

    /** Whether Intacct's error number is among those reported. */
    public boolean hasErrorNo(String errorNo) {
        return errors.stream().anyMatch(e -> errorNo.equals(e.errorNo()));
    }
}
