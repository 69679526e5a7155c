package dev.dkimagent.agent.dns;

import static dev.dkimagent.agent.dns.FakeNameserver.rr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-address state of the DNS client goes away once the address is idle, and only then. */
class DnsClientEvictionTest {
    private static final String NAME = "t1._domainkey.a.test";
    private static final String LINE = NAME + ". 300 IN CNAME t1.dkim.amazonses.com.";

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private FakeNameserver answering() throws Exception {
        return started(Reply.answer(rr(LINE)));
    }

    private FakeNameserver started(Reply reply) throws Exception {
        FakeNameserver ns = FakeNameserver.start().on(NAME, "CNAME", reply);
        toClose.add(ns);
        return ns;
    }

    /**
     * Rate-limited, so the rate limiter keeps a slot per address too. The timeout outlasts every
     * advance of the fake ticker (timeouts run on that ticker too), so a silent query stays in flight.
     */
    private DnsClient client() {
        DnsClient c = new DnsClient(TestDns.settings(Duration.ofHours(2), 1, 64, 1000), false, e -> { }, nanos::get);
        toClose.add(c);
        return c;
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    private static Answer ask(DnsClient client, FakeNameserver ns) throws Exception {
        return client.query(ns.address(), NAME, "CNAME", false).get(10, TimeUnit.SECONDS);
    }

    @Test
    void query_afterAddressIdleLongerThanIdleTime_evictsItsStateAndStillAnswersLater() throws Exception {
        FakeNameserver idle = answering();
        FakeNameserver other = answering();
        DnsClient client = client();
        ask(client, idle);
        assertThat(client.holdsStateFor(idle.address())).isTrue();

        advance(AddressActivity.IDLE.plusMinutes(1));
        ask(client, other); // the query path runs the sweep

        assertThat(client.holdsStateFor(idle.address())).isFalse();
        assertThat(client.holdsStateFor(other.address())).isTrue();
        assertThat(ask(client, idle).transport()).isEqualTo(Transport.REPLY);
        assertThat(client.holdsStateFor(idle.address())).isTrue();
    }

    @Test
    void query_addressUsedWithinIdleTime_keepsItsState() throws Exception {
        FakeNameserver old = answering();
        FakeNameserver recent = answering();
        FakeNameserver trigger = answering();
        DnsClient client = client();
        ask(client, old);
        advance(Duration.ofMinutes(25));
        ask(client, recent);

        advance(Duration.ofMinutes(6));
        ask(client, trigger);

        assertThat(client.holdsStateFor(old.address())).isFalse();
        assertThat(client.holdsStateFor(recent.address())).isTrue();
    }

    @Test
    void query_addressWithQueryInFlightPastIdleTime_keepsItsState() throws Exception {
        FakeNameserver silent = started(Reply.drop());
        FakeNameserver trigger = answering();
        DnsClient client = client();
        CompletableFuture<Answer> pending = client.query(silent.address(), NAME, "CNAME", false);

        advance(AddressActivity.IDLE.plusMinutes(5));
        ask(client, trigger);

        assertThat(pending).isNotDone();
        assertThat(client.holdsStateFor(silent.address())).isTrue();
    }

    @Test
    void query_withinAMinuteOfTheLastSweep_doesNotSweepAgain() throws Exception {
        FakeNameserver idle = answering();
        FakeNameserver other = answering();
        DnsClient client = client();
        ask(client, idle);
        advance(AddressActivity.IDLE.minusSeconds(30));
        ask(client, other); // sweeps (nothing idle yet); the next sweep is due a minute later

        advance(Duration.ofSeconds(45));
        ask(client, other);
        assertThat(client.holdsStateFor(idle.address())).isTrue();

        advance(Duration.ofSeconds(15));
        ask(client, other);
        assertThat(client.holdsStateFor(idle.address())).isFalse();
    }
}
