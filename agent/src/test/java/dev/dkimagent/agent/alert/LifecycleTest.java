package dev.dkimagent.agent.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LifecycleTest {

    static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    static final Duration SWEEP = Duration.ofMinutes(5);
    static final Set<String> SCOPE = Set.of("example.com", "other.org");

    final Lifecycle lifecycle = new Lifecycle(AlertPolicy.defaults());

    static Verdict missing(String selector, Severity severity) {
        Subject subject = new Subject("example.com", "example.com", selector, "ns3.example.com", "127.0.0.13");
        return new Verdict(new Finding("DKIM01", "RECORD_MISSING", subject, Map.of()), severity,
                selector + " missing on ns3", "add it");
    }

    static Verdict zoneWide() {
        return new Verdict(new Finding("SOA01", "MULTIPLE_SOA_SERIALS", Subject.zone("other.org"), Map.of()),
                Severity.WARNING, "serials differ", "fix transfers");
    }

    static final List<Verdict> THREE_MISSING = List.of(missing("t1", Severity.ERROR), missing("t2", Severity.ERROR),
            missing("t3", Severity.CRITICAL));

    /** Runs sweeps one after the other, SWEEP apart, and returns the last result. */
    LifecycleResult sweeps(Map<String, AlertState> start, List<List<Verdict>> perSweep) {
        Map<String, AlertState> states = start;
        LifecycleResult result = null;
        Instant now = T0;
        for (List<Verdict> verdicts : perSweep) {
            result = lifecycle.apply(states, verdicts, SCOPE, Map.of(), now);
            states = result.states();
            now = now.plus(SWEEP);
        }
        return result;
    }

    @Test
    void apply_firstSweep_tracksPendingAndSaysNothing() {
        LifecycleResult r = sweeps(Map.of(), List.of(THREE_MISSING));

        assertThat(r.notifications()).isEmpty();
        assertThat(r.states().values()).extracting(AlertState::status).containsOnly(AlertStatus.PENDING);
        assertThat(r.states()).hasSize(3);
    }

    @Test
    void apply_secondSweep_firesOneNotificationForThreeFindingsOfOneIdentity() {
        LifecycleResult r = sweeps(Map.of(), List.of(THREE_MISSING, THREE_MISSING));

        assertThat(r.notifications()).hasSize(1);
        Notification n = r.notifications().get(0);
        assertThat(n.identity()).isEqualTo("example.com");
        assertThat(n.firing()).extracting(AlertLine::selector).containsExactly("t3", "t1", "t2");
        assertThat(n.reminders()).isEmpty();
        assertThat(n.resolved()).isEmpty();
        assertThat(n.at()).isEqualTo(T0.plus(SWEEP));
        assertThat(r.states().values()).extracting(AlertState::status).containsOnly(AlertStatus.FIRING);
        assertThat(r.states().values()).extracting(AlertState::lastNotified).containsOnly(T0.plus(SWEEP));
    }

    @Test
    void apply_stillFiringBeforeRepeatInterval_staysSilent() {
        LifecycleResult r = sweeps(Map.of(), List.of(THREE_MISSING, THREE_MISSING, THREE_MISSING, THREE_MISSING));

        assertThat(r.notifications()).isEmpty();
        assertThat(r.states().values()).extracting(AlertState::hits).containsOnly(4);
    }

    @Test
    void apply_repeatIntervalPassed_remindsOnce() {
        LifecycleResult fired = sweeps(Map.of(), List.of(THREE_MISSING, THREE_MISSING));
        Instant firedAt = T0.plus(SWEEP);

        LifecycleResult early = lifecycle.apply(fired.states(), THREE_MISSING, SCOPE, Map.of(),
                firedAt.plus(Duration.ofHours(24)).minusSeconds(1));
        LifecycleResult due = lifecycle.apply(early.states(), THREE_MISSING, SCOPE, Map.of(),
                firedAt.plus(Duration.ofHours(24)));

        assertThat(early.notifications()).isEmpty();
        assertThat(due.notifications()).singleElement().satisfies(n -> {
            assertThat(n.firing()).isEmpty();
            assertThat(n.reminders()).hasSize(3);
        });
    }

    @Test
    void apply_cleanSweepAfterFiring_resolvesInOneNotification() {
        LifecycleResult r = sweeps(Map.of(), List.of(THREE_MISSING, THREE_MISSING, List.of()));

        assertThat(r.states()).isEmpty();
        assertThat(r.notifications()).singleElement().satisfies(n -> {
            assertThat(n.onlyResolved()).isTrue();
            assertThat(n.resolved()).extracting(AlertLine::selector).containsExactly("t3", "t1", "t2");
        });
    }

    @Test
    void apply_resolveAfterTwo_needsTwoCleanSweeps() {
        Lifecycle slow = new Lifecycle(new AlertPolicy(2, 2, Duration.ofHours(24), Severity.WARNING));
        LifecycleResult fired = slow.apply(slow.apply(Map.of(), THREE_MISSING, SCOPE, Map.of(), T0).states(),
                THREE_MISSING, SCOPE, Map.of(), T0.plus(SWEEP));

        LifecycleResult oneClean = slow.apply(fired.states(), List.of(), SCOPE, Map.of(), T0.plus(SWEEP.multipliedBy(2)));
        LifecycleResult twoClean = slow.apply(oneClean.states(), List.of(), SCOPE, Map.of(), T0.plus(SWEEP.multipliedBy(3)));

        assertThat(oneClean.notifications()).isEmpty();
        assertThat(oneClean.states().values()).extracting(AlertState::clean).containsOnly(1);
        assertThat(twoClean.notifications()).singleElement().satisfies(n -> assertThat(n.resolved()).hasSize(3));
        assertThat(twoClean.states()).isEmpty();
    }

    @Test
    void apply_belowMinSeverity_tracksButNeverNotifies() {
        List<Verdict> info = List.of(missing("t1", Severity.INFO));

        LifecycleResult fired = sweeps(Map.of(), List.of(info, info, info));
        LifecycleResult resolved = lifecycle.apply(fired.states(), List.of(), SCOPE, Map.of(), T0.plus(Duration.ofDays(2)));

        assertThat(fired.notifications()).isEmpty();
        assertThat(fired.states().values()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(AlertStatus.FIRING);
            assertThat(s.lastNotified()).isNull();
        });
        assertThat(resolved.notifications()).isEmpty();
        assertThat(resolved.states()).isEmpty();
    }

    @Test
    void apply_findingOutsideScope_isKeptUnchanged() {
        LifecycleResult fired = sweeps(Map.of(), List.of(THREE_MISSING, THREE_MISSING));

        LifecycleResult other = lifecycle.apply(fired.states(), List.of(), Set.of("other.org"), Map.of(),
                T0.plus(SWEEP.multipliedBy(2)));

        assertThat(other.notifications()).isEmpty();
        assertThat(other.states()).isEqualTo(fired.states());
    }

    @Test
    void apply_flappingHitCleanHit_doesNotFire() {
        List<Verdict> one = List.of(missing("t1", Severity.ERROR));

        LifecycleResult r = sweeps(Map.of(), List.of(one, List.of(), one));

        assertThat(r.notifications()).isEmpty();
        assertThat(r.states().values()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(AlertStatus.PENDING);
            assertThat(s.hits()).isEqualTo(1);
        });
    }

    @Test
    void apply_zoneWideFinding_groupsUnderZoneApex() {
        LifecycleResult r = sweeps(Map.of(), List.of(List.of(zoneWide()), List.of(zoneWide())));

        assertThat(r.notifications()).singleElement().satisfies(n -> {
            assertThat(n.identity()).isEqualTo("other.org");
            assertThat(n.firing()).extracting(AlertLine::tag).containsExactly("MULTIPLE_SOA_SERIALS");
        });
    }

    @Test
    void apply_someResolvedOthersStillFiring_listsTheRestSoTheIncidentStaysOpen() {
        List<Verdict> t3only = List.of(missing("t3", Severity.CRITICAL));

        LifecycleResult r = sweeps(Map.of(), List.of(THREE_MISSING, THREE_MISSING, t3only));

        assertThat(r.notifications()).singleElement().satisfies(n -> {
            assertThat(n.resolved()).extracting(AlertLine::selector).containsExactly("t1", "t2");
            assertThat(n.reminders()).extracting(AlertLine::selector).containsExactly("t3");
            assertThat(n.onlyResolved()).isFalse();
        });
    }

    @Test
    void apply_sesLinesForTheIdentity_rideAlong() {
        SesLine ses = new SesLine("prod", "eu-west-1", "TEMPORARY_FAILURE", T0.plus(Duration.ofHours(72)));
        LifecycleResult first = lifecycle.apply(Map.of(), THREE_MISSING, SCOPE, Map.of(), T0);

        LifecycleResult r = lifecycle.apply(first.states(), THREE_MISSING, SCOPE,
                Map.of("example.com", List.of(ses)), T0.plus(SWEEP));

        assertThat(r.notifications()).singleElement().satisfies(n -> assertThat(n.ses()).containsExactly(ses));
    }
}
