package io.tieout.extract.bigcommerce;

import io.tieout.extract.ExtractException;
import io.tieout.sandbox.bigcommerce.BigCommerceQuota;
import io.tieout.sandbox.sim.Fault;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rate limits, load shedding, server errors, broken bodies and bad credentials. */
class BigCommerceResilienceTest {
    static final Instant UPPER = Instant.parse("2026-05-20T00:00:00Z");

    @Test
    void a429WithRateLimitHeadersWaitsForTheResetAndServerErrorsAreRetried() {
        TestClock clock = new TestClock(Instant.parse("2026-06-01T00:00:00Z"));
        BigCommerceQuota quota = new BigCommerceQuota(150, Duration.ofSeconds(30), clock);
        try (Rig rig = new Rig(Store.orders(6, 1), quota, clock)) {
            InMemorySink sink = new InMemorySink();
            quota.take(); // opens the window at t0
            clock.advance(Duration.ofMillis(12_500));
            quota.spend(150); // another app on the store used up this window: 17,500 ms to go
            rig.sim.faults().thenFail(new Fault.ServerError(500), new Fault.ServerError(503));

            Rig.Run run = rig.run(sink, UPPER);

            assertThat(sink.records()).isEqualTo(rig.expected());
            assertThat(run.stats().throttledCount()).isEqualTo(1);
            assertThat(rig.sim.tooManyRequestsServed()).isEqualTo(1);
            // backoffs after the two 5xx (jittered) moved the clock on; then exactly the rest of the window
            assertThat(rig.sleeps).hasSize(3);
            assertThat(rig.sleeps.get(2)).isEqualTo(Duration.ofMillis(17_500).minus(rig.sleeps.get(0)).minus(rig.sleeps.get(1)));
            assertThat(run.stats().retries()).isEqualTo(3); // two 5xx, one 429
        }
    }

    @Test
    void pacingWaitsForTheWindowInsteadOfProvokingA429Storm() {
        TestClock clock = new TestClock(Instant.parse("2026-06-01T00:00:00Z"));
        BigCommerceQuota quota = new BigCommerceQuota(7, Duration.ofSeconds(30), clock);
        try (Rig rig = new Rig(Store.orders(20, 1), quota, clock)) {
            rig.config(rig.config.withPageSize(5));
            InMemorySink sink = new InMemorySink();
            Rig.Run run = rig.run(sink, UPPER);

            assertThat(sink.records()).isEqualTo(rig.expected());
            long requests = rig.sim.requests().size();
            assertThat(requests).isGreaterThan(25);
            assertThat(rig.sim.tooManyRequestsServed()).isZero();
            assertThat(run.stats().throttledCount()).isZero();
            assertThat(run.connector().pacingWaits()).isEqualTo((requests - 1) / 7);
            assertThat(rig.sleeps).allSatisfy(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofSeconds(30)));
        }
    }

    @Test
    void a429WithoutRateLimitHeadersIsLoadSheddingAndBacksOffExponentially() {
        try (Rig rig = new Rig(Store.orders(3, 1))) {
            rig.sim.faults().thenFail(new Fault.TooManyRequests(0), new Fault.TooManyRequests(0), new Fault.TooManyRequests(0));
            InMemorySink sink = new InMemorySink();
            Rig.Run run = rig.run(sink, UPPER);

            assertThat(sink.records()).isEqualTo(rig.expected());
            assertThat(run.stats().throttledCount()).isEqualTo(3);
            // jittered exponential from 100 ms: [50,100], [100,200], [200,400] — not Retry-After's 0
            assertThat(rig.sleeps).hasSize(3);
            assertThat(rig.sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(rig.sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
            assertThat(rig.sleeps.get(2)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        }
    }

    @Test
    void aTruncatedBodyIsRetried() {
        try (Rig rig = new Rig(Store.orders(5, 2))) {
            rig.sim.faults().thenFail(new Fault.TruncatedBody());
            InMemorySink sink = new InMemorySink();
            Rig.Run run = rig.run(sink, UPPER);

            assertThat(sink.records()).isEqualTo(rig.expected());
            assertThat(run.stats().retries()).isEqualTo(1);
        }
    }

    @Test
    void aBadTokenFailsWithAClearMessageNamingTheSource() {
        try (Rig rig = new Rig(Store.orders(3, 1))) {
            rig.config(new BigCommerceConfig(Store.SOURCE, rig.sim.baseUrl(), Rig.HASH, "not-the-token"));
            InMemorySink sink = new InMemorySink();

            assertThatThrownBy(() -> rig.run(sink, UPPER))
                    .isInstanceOf(ExtractException.class)
                    .hasMessageStartingWith(Store.SOURCE + ": GET /stores/" + Rig.HASH + "/v2/orders answered 401")
                    .hasMessageContaining("No valid credentials were found in this request")
                    .hasMessageContaining("check the source's credentials");
            assertThat(sink.landCalls()).isZero();
            assertThat(rig.sim.requests()).hasSize(1); // a 401 is not retried
        }
    }

    @Test
    void aWrongStoreHashFailsNamingTheSource() {
        try (Rig rig = new Rig(Store.orders(3, 1))) {
            rig.config(new BigCommerceConfig(Store.SOURCE, rig.sim.baseUrl(), "nosuchstore", Rig.TOKEN));
            assertThatThrownBy(() -> rig.run(new InMemorySink(), UPPER))
                    .isInstanceOf(ExtractException.class)
                    .hasMessageStartingWith(Store.SOURCE + ": GET /stores/nosuchstore/v2/orders answered 404")
                    .hasMessageContaining("store hash");
        }
    }
}
