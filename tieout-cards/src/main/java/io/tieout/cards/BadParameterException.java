package io.tieout.cards;

/** A request parameter that cannot be answered: says which one, what is wrong and what is allowed. */
public class BadParameterException extends RuntimeException {
    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() { return parameter; }
}
