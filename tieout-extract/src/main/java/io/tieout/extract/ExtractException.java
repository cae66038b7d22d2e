package io.tieout.extract;

/** An extract that cannot go on: says which source, what it asked and what the source answered. */
public class ExtractException extends RuntimeException {
    public ExtractException(String message) {
        super(message);
    }

    public ExtractException(String message, Throwable cause) {
        super(message, cause);
    }
}
