package dev.dkimagent.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Query;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.Soa;
import dev.dkimagent.rules.model.Transport;
import dev.dkimagent.rules.model.ZoneView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which servers are catching up with their zone's newest serial, across runs. */
class PropagationTest {
    private static final String ZONE = "a.test";
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private static final List<Nameserver> SERVERS = List.of(new Nameserver("ns1.a.test", "192.0.2.1"),
            new Nameserver("ns2.a.test", "192.0.2.2"));
    private final Propagation propagation = new Propagation(Duration.ofSeconds(60));

    @Test
    void secondaryBehindANewSerial_isCatchingUpDuringTheGrace_thenJudged() {
        propagation.apply(run(T0, 5, 5));

        Snapshot during = propagation.apply(run(T0.plusSeconds(10), 6, 5));
        var graceLeftDuring = propagation.graceLeft(ZONE, T0.plusSeconds(15));
        Snapshot after = propagation.apply(run(T0.plusSeconds(70), 6, 5));

        assertThat(during.zones().get(ZONE).catchingUp()).containsOnlyKeys("192.0.2.2");
        assertThat(during.zones().get(ZONE).catchingUp().get("192.0.2.2")).contains("serial 5", "newest 6");
        assertThat(graceLeftDuring).contains(Duration.ofSeconds(55));
        assertThat(after.zones().get(ZONE).catchingUp()).isEmpty();
        assertThat(propagation.graceLeft(ZONE, T0.plusSeconds(70))).isEmpty();
    }

    @Test
    void secondaryAlreadyBehindAtTheFirstRun_isJudgedAtOnce() {
        Snapshot first = propagation.apply(run(T0, 6, 5));

        assertThat(first.zones().get(ZONE).catchingUp()).isEmpty();
    }

    @Test
    void allServersInStep_nobodyCatchesUp() {
        Snapshot s = propagation.apply(run(T0, 7, 7));

        assertThat(s.zones().get(ZONE).catchingUp()).isEmpty();
        assertThat(propagation.graceLeft(ZONE, T0)).isEmpty();
    }

    @Test
    void noGrace_changesNothing() {
        Snapshot s = run(T0, 6, 5);

        assertThat(Propagation.none().apply(s)).isSameAs(s);
    }

    private static Snapshot run(Instant at, long serial1, long serial2) {
        ZoneView view = new ZoneView(ZONE, SERVERS, Set.of(), Set.of(), true, null);
        return new Snapshot(at, List.of(), Map.of(ZONE, view), Map.of(),
                Map.of(new Query(ZONE, "SOA", "192.0.2.1"), soa(serial1), new Query(ZONE, "SOA", "192.0.2.2"),
                        soa(serial2)), Map.of());
    }

    private static Answer soa(long serial) {
        Soa soa = new Soa("ns1.a.test", "hostmaster.a.test", serial, 3600, 600, 86400, 300, 300);
        return new Answer(Transport.REPLY, Answer.NOERROR, true, List.of(Rr.soa(ZONE, soa)), null, null, 1);
    }
}
