package io.tieout.transform;

/** A run whose results must not publish: the identity failed or an amount could not be converted. */
public class RunCheckFailed extends RuntimeException {
    public RunCheckFailed(String message) {
        super(message);
    }
}
