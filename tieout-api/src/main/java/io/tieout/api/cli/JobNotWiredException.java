package io.tieout.api.cli;

/** A command whose implementation is not part of this build. */
final class JobNotWiredException extends RuntimeException {
    JobNotWiredException(String command) {
        super("'tieout " + command + "' is not available in this build");
    }
}
