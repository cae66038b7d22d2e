package io.tieout.extract.http;

import java.time.Duration;

/** Waiting, behind an interface so tests of throttling need not wait for real. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;

    Sleeper REAL = d -> Thread.sleep(d.toMillis());
}
