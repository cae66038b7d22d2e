package io.tieout.extract.intacct;

import io.tieout.extract.ExtractContext;
import io.tieout.extract.ExtractException;
import io.tieout.extract.SourceStats;
import io.tieout.sandbox.intacct.IntacctCredentials;
import io.tieout.sandbox.intacct.IntacctSimulator;
import io.tieout.sandbox.sim.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.tieout.extract.intacct.IntacctTestSupport.CREDENTIALS;
import static io.tieout.extract.intacct.IntacctTestSupport.SOURCE;
import static io.tieout.extract.intacct.IntacctTestSupport.UPPER;
import static io.tieout.extract.intacct.IntacctTestSupport.config;
import static io.tieout.extract.intacct.IntacctTestSupport.connector;
import static io.tieout.extract.intacct.IntacctTestSupport.run;
import static io.tieout.extract.intacct.IntacctTestSupport.smallRecords;
import static io.tieout.extract.intacct.IntacctTestSupport.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The XML client: the three failure levels, sessions, control ids, throttling and retries. */
class IntacctClientTest {
    private IntacctSimulator sim;
    private final IntacctTestSupport.RecordingSleeper sleeper = new IntacctTestSupport.RecordingSleeper();
    private final List<String> notes = new ArrayList<>();

    @BeforeEach
    void start() {
        sim = IntacctSimulator.start(0, smallRecords(), CREDENTIALS);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private IntacctClient client(IntacctConfig cfg) {
        return new IntacctClient(cfg, transport(sleeper), new SourceStats(), sleeper, notes::add);
    }

    // ------------------------------------------------------------------------------------ the three levels

    @Test
    void aBadSenderIdFailsAtTheControlLevelAndSaysSo() {
        IntacctConfig cfg = IntacctConfig.of(SOURCE, sim.baseUrl(), "wrong_sender", CREDENTIALS.senderPassword(), CREDENTIALS.userId(),
                CREDENTIALS.userPassword(), CREDENTIALS.companyId());
        InMemorySink sink = new InMemorySink();
        assertThatThrownBy(() -> run(connector(cfg, sleeper), sink, "r1", UPPER))
                .isInstanceOfSatisfying(IntacctException.class, e -> {
                    assertThat(e.level()).isEqualTo(IntacctException.Level.CONTROL);
                    assertThat(e.hasErrorNo("XL03000006")).isTrue();
                })
                .hasMessage("intacct: control: Incorrect Intacct XML Partner ID or password. (XL03000006) — sender id 'wrong_sender' "
                        + "was refused: check credentials.senderId and credentials.senderPassword (the Web Services sender, not the company user)");
        assertThat(sink.lands()).isZero();
    }

    @Test
    void aBadSenderPasswordIsAControlFailureToo() {
        IntacctConfig cfg = IntacctConfig.of(SOURCE, sim.baseUrl(), CREDENTIALS.senderId(), "nope", CREDENTIALS.userId(),
                CREDENTIALS.userPassword(), CREDENTIALS.companyId());
        assertThatThrownBy(() -> client(cfg).sessionId()).hasMessageStartingWith("intacct: control: Incorrect Intacct XML Partner ID or password.");
    }

    @Test
    void aBadUserFailsAtTheAuthenticationLevel() {
        IntacctConfig cfg = IntacctConfig.of(SOURCE, sim.baseUrl(), CREDENTIALS.senderId(), CREDENTIALS.senderPassword(), "someone_else",
                CREDENTIALS.userPassword(), CREDENTIALS.companyId());
        assertThatThrownBy(() -> client(cfg).readByQuery("CLASS", "", 100))
                .isInstanceOfSatisfying(IntacctException.class, e -> assertThat(e.level()).isEqualTo(IntacctException.Level.AUTHENTICATION))
                .hasMessage("intacct: authentication: Sign-in information is incorrect (XL03000006) — check credentials.userId 'someone_else', "
                        + "credentials.userPassword and credentials.companyId 'vortex-demo'");
    }

    @Test
    void aCompanyTheSenderMayNotUseFailsAuthenticationWithIntacctsCorrection() {
        IntacctConfig cfg = IntacctConfig.of(SOURCE, sim.baseUrl(), CREDENTIALS.senderId(), CREDENTIALS.senderPassword(), CREDENTIALS.userId(),
                CREDENTIALS.userPassword(), "other-co");
        assertThatThrownBy(() -> client(cfg).sessionId())
                .isInstanceOfSatisfying(IntacctException.class, e -> assertThat(e.level()).isEqualTo(IntacctException.Level.AUTHENTICATION))
                .hasMessageContaining("intacct: authentication: Invalid Web Services Authorization: The sender ID 'demo_sender' is not "
                        + "authorized to make Web Services requests to company ID 'other-co'. (XL03000006; Contact the company administrator")
                .hasMessageContaining("authorise sender id 'demo_sender'");
    }

    @Test
    void anUnknownObjectFailsOnlyThatFunction() {
        IntacctClient client = client(config(sim));
        assertThatThrownBy(() -> client.readByQuery("GLDETAILX", "", 100))
                .isInstanceOfSatisfying(IntacctException.class, e -> assertThat(e.level()).isEqualTo(IntacctException.Level.FUNCTION))
                .hasMessage("intacct: function readByQuery GLDETAILX: Object definition GLDETAILX not found (Query Failed) — query: (none)");
        // the session is fine: the next function works
        assertThat(client.readByQuery("CLASS", "", 100).records()).isNotEmpty();
        assertThat(sim.calls()).filteredOn(c -> c.function().equals("getAPISession")).hasSize(1);
    }

    @Test
    void aBadQueryFailsTheFunctionAndShowsTheQuery() {
        IntacctClient client = client(config(sim));
        assertThatThrownBy(() -> client.readByQuery("GLDETAIL", "WHENMODIFIED >>= '01/01/2026 00:00:00'", 100))
                .isInstanceOf(IntacctException.class)
                .hasMessageContaining("intacct: function readByQuery GLDETAIL: Invalid query: unsupported operator '>>='")
                .hasMessageEndingWith("— query: WHENMODIFIED >>= '01/01/2026 00:00:00'");
        assertThatThrownBy(() -> client.readByQuery("GLDETAIL", "NOSUCHFIELD = 'x'", 100)).hasMessageContaining("unknown field 'NOSUCHFIELD'");
        assertThatThrownBy(() -> client.readByQuery("GLDETAIL", "ENTRY_DATE >= '13/45/2026'", 100)).hasMessageContaining("not a valid date");
    }

    @Test
    void anUnknownEntityIsRefused() {
        assertThatThrownBy(() -> client(config(sim).withEntity("VDI-XX")).sessionId())
                .isInstanceOf(IntacctException.class).hasMessageContaining("VDI-XX");
    }

    // ------------------------------------------------------------------------------------ sessions and ids

    @Test
    void oneSessionServesTheWholeRunAndEveryFunctionHasItsOwnControlId() {
        run(connector(config(sim), sleeper), new InMemorySink(), "r1", UPPER);
        List<IntacctSimulator.Call> calls = sim.calls();
        assertThat(calls).filteredOn(c -> c.function().equals("getAPISession")).hasSize(1);
        assertThat(calls.subList(1, calls.size())).allSatisfy(c -> assertThat(c.viaSession()).isTrue());
        assertThat(calls.stream().map(IntacctSimulator.Call::controlId).distinct().count()).isEqualTo(calls.size());
    }

    @Test
    void anExpiredSessionIsReplacedOnce() {
        IntacctClient client = client(config(sim));
        String first = client.sessionId();
        sim.expireSessions();
        assertThat(client.readByQuery("CLASS", "", 100).records()).isNotEmpty();
        assertThat(client.sessionId()).isNotEqualTo(first);
        assertThat(notes).anyMatch(n -> n.contains("session was refused") && n.contains("Invalid session"));
    }

    @Test
    void theSessionEndpointIsWhereLaterCallsGo() {
        IntacctClient client = client(config(sim));
        assertThat(client.sessionEndpoint()).isEqualTo(sim.endpoint());
    }

    // ------------------------------------------------------------------------------------ limits and retries

    @Test
    void fiveHundredsTooManyRequestsAndTruncatedBodiesAreRetried() {
        InMemorySink clean = new InMemorySink();
        run(connector(config(sim), sleeper), clean, "clean", UPPER);

        sim.faults().thenFail(new Fault.ServerError(503), new Fault.TooManyRequests(0), new Fault.TruncatedBody(),
                new Fault.ServerError(524), new Fault.ServerError(502));
        InMemorySink sink = new InMemorySink();
        ExtractContext ctx = run(connector(config(sim), sleeper), sink, "r1", UPPER);
        assertThat(sink.records()).isEqualTo(clean.records());
        assertThat(ctx.stats().retries()).isEqualTo(5);
        assertThat(ctx.stats().throttledCount()).isEqualTo(1);
        assertThat(sleeper.waits).hasSize(5);
    }

    @Test
    void thePerMinuteLimitAnswersGw0010AndTheClientWaitsItOut() {
        MutableClock clock = new MutableClock(Instant.parse("2026-05-02T04:00:00Z"));
        sim.perMinuteLimit(4, clock);
        sleeper.onSleep = d -> clock.advance(Duration.ofMinutes(1));
        InMemorySink sink = new InMemorySink();
        ExtractContext ctx = run(connector(config(sim), sleeper), sink, "r1", UPPER);
        assertThat(sink.records()).hasSize(sim.records().size());
        assertThat(ctx.stats().throttledCount()).isGreaterThan(3);
    }

    @Test
    void aRequestBeyondTheConcurrencyLimitGetsGw0010() throws Exception {
        sim.concurrencyLimit(1);
        AtomicReference<HttpResponse<String>> second = new AtomicReference<>();
        // while the first page is being answered, a second request arrives
        sim.faults().afterPage(1, p -> {
            try {
                second.set(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.endpoint()))
                        .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString("<request/>")).build(),
                        HttpResponse.BodyHandlers.ofString()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        client(config(sim)).readByQuery("CLASS", "", 100);
        assertThat(second.get().statusCode()).isEqualTo(429);
        assertThat(second.get().body()).contains("<control><status>failure</status>").contains("<errorno>GW-0010</errorno>");
    }

    @Test
    void aGw0010InsideA200IsTreatedAsAThrottle() {
        String body = "<response><control><status>failure</status></control><errormessage><error><errorno>GW-0010</errorno>"
                + "</error></errormessage></response>";
        assertThat(IntacctClient.throttledInBody(body, okhttp3.Headers.of())).isEqualTo(Duration.ofSeconds(2));
        assertThat(IntacctClient.throttledInBody("<response/>", okhttp3.Headers.of())).isNull();
    }

    @Test
    void aGatewayThatKeepsAnsweringGarbageFailsWithWhatItSaid() {
        sim.close();
        try (io.tieout.sandbox.sim.SimulatorServer html = io.tieout.sandbox.sim.SimulatorServer.start(0, new io.tieout.sandbox.sim.FaultPlan(),
                (ex, body) -> new io.tieout.sandbox.sim.SimulatorServer.Reply(200, "text/html", "<html><body>Attention Required! | Cloudflare", java.util.Map.of()))) {
            IntacctConfig cfg = IntacctConfig.of(SOURCE, html.baseUrl(), "s", "p", "u", "p", "c");
            assertThatThrownBy(() -> client(cfg).sessionId()).isInstanceOf(ExtractException.class)
                    .hasMessageContaining("answered 3 times with something that is not an Intacct XML response")
                    .hasMessageContaining("Cloudflare");
            assertThat(sleeper.waits).hasSize(2);
        }
        sim = IntacctSimulator.start(0, List.of(), IntacctCredentials.demo());
    }

    // ------------------------------------------------------------------------------------ XML hygiene

    @Test
    void theParserReadsNoDtdAndNoExternalEntity() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><response>&e;</response>";
        assertThat(IntacctClient.parse(xxe)).isNull();
        assertThat(IntacctClient.parse("<response><control/></response>")).isNotNull();
    }

    @Test
    void forbiddenCharactersAndTheirReferencesAreDropped() {
        assertThat(IntacctClient.withoutForbiddenCharacters("<a>x\u0001y&#1;z&#x1F;&#65;&#x10;</a>")).isEqualTo("<a>xyz&#65;</a>");
    }

    @Test
    void supportIdsAreShownDecoded() {
        assertThat(IntacctClient.decodeSupportId("Query failed. %5BSupport%20ID%3A%20abc%40DEF%5D"))
                .isEqualTo("Query failed. [Support ID: abc@DEF]");
    }

    @Test
    void theConfigNeverShowsPasswords() {
        assertThat(config(sim).toString()).doesNotContain(CREDENTIALS.senderPassword()).doesNotContain(CREDENTIALS.userPassword())
                .contains("demo_sender");
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
