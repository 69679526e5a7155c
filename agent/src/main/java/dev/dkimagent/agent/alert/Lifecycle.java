package dev.dkimagent.agent.alert;

import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Verdict;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Moves findings through pending -> firing -> resolved and says what to announce, one
 * notification per identity per sweep. Pure: no I/O and no clock; the sweep passes its time.
 *
 * <p>A pending finding missing from a sweep is forgotten, so hit, clean, hit starts over and
 * flapping never fires. A firing finding resolves after {@code resolve-after} clean sweeps.
 * When some findings of an identity resolve while others keep firing, the message lists the
 * ones still firing as reminders: a message with only resolutions means the incident is over.
 */
public final class Lifecycle {

    private final AlertPolicy policy;

    public Lifecycle(AlertPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** scope: identities and zone apexes this sweep looked at; states of findings outside it are kept unchanged. */
    public LifecycleResult apply(Map<String, AlertState> previous, List<Verdict> verdicts, Set<String> scope,
                                 Map<String, List<SesLine>> sesByIdentity, Instant now) {
        return apply(previous, verdicts, state -> scope.contains(state.identity()), sesByIdentity, now);
    }

    /**
     * As above, with a finer scope: {@code judged} says whether this sweep could have seen the
     * finding again. A finding it could not judge (its server did not answer, its zone was not
     * found) keeps its state: blindness never resolves an alert.
     */
    public LifecycleResult apply(Map<String, AlertState> previous, List<Verdict> verdicts, Predicate<AlertState> judged,
                                 Map<String, List<SesLine>> sesByIdentity, Instant now) {
        Map<String, Verdict> current = byKey(verdicts);
        Map<String, AlertState> next = new TreeMap<>();
        NotificationGroups groups = new NotificationGroups();
        for (Verdict verdict : current.values()) {
            AlertState state = seen(previous.get(verdict.finding().key()), verdict, now, groups);
            next.put(state.key(), state);
        }
        for (AlertState prev : previous.values()) {
            if (current.containsKey(prev.key())) {
                continue;
            }
            AlertState state = judged.test(prev) ? missing(prev, groups) : prev;
            if (state != null) {
                next.put(state.key(), state);
            }
        }
        remindStillFiring(next, groups, now);
        return new LifecycleResult(next, groups.notifications(sesByIdentity, now));
    }

    /**
     * The identity a finding groups under: its identity; for zone-wide findings the zone apex; for
     * findings about an SES account and region (MON01) their source, {@code ses:<account>/<region>}.
     */
    public static String groupIdentity(Finding finding) {
        if (finding.subject().identity() != null) {
            return finding.subject().identity();
        }
        if (finding.subject().zone() != null) {
            return finding.subject().zone();
        }
        return finding.subject().source() == null ? "" : finding.subject().source();
    }

    private AlertState seen(AlertState prev, Verdict verdict, Instant now, NotificationGroups groups) {
        String key = verdict.finding().key();
        String identity = groupIdentity(verdict.finding());
        AlertLine line = AlertLines.of(verdict);
        boolean loud = verdict.severity().atLeast(policy.minSeverity());
        if (prev == null || prev.status() == AlertStatus.PENDING) {
            int hits = prev == null ? 1 : prev.hits() + 1;
            Instant firstSeen = prev == null ? now : prev.firstSeen();
            if (hits < policy.firingAfter()) {
                return new AlertState(key, identity, AlertStatus.PENDING, hits, 0, firstSeen, null, line);
            }
            if (loud) {
                groups.firing(identity, line);
            }
            return new AlertState(key, identity, AlertStatus.FIRING, hits, 0, firstSeen, loud ? now : null, line);
        }
        Instant notified = prev.lastNotified();
        if (loud && notified == null) {
            groups.firing(identity, line);  // re-levelled above min-severity while firing
            notified = now;
        } else if (loud && reminderDue(notified, now)) {
            groups.reminder(identity, line);
            notified = now;
        }
        return new AlertState(key, identity, AlertStatus.FIRING, prev.hits() + 1, 0, prev.firstSeen(), notified, line);
    }

    /** A tracked finding this sweep did not see; null when it is no longer tracked. */
    private AlertState missing(AlertState prev, NotificationGroups groups) {
        if (prev.status() == AlertStatus.PENDING) {
            return null;
        }
        int clean = prev.clean() + 1;
        if (clean < policy.resolveAfter()) {
            return new AlertState(prev.key(), prev.identity(), prev.status(), prev.hits(), clean, prev.firstSeen(),
                    prev.lastNotified(), prev.line());
        }
        if (prev.lastNotified() != null) {
            groups.resolved(prev.identity(), prev.line());
        }
        return null;
    }

    private void remindStillFiring(Map<String, AlertState> next, NotificationGroups groups, Instant now) {
        Set<String> allClearSoFar = groups.resolutionOnly();
        for (Map.Entry<String, AlertState> entry : next.entrySet()) {
            AlertState s = entry.getValue();
            boolean announced = s.status() == AlertStatus.FIRING && s.lastNotified() != null
                    && s.line().severity().atLeast(policy.minSeverity());
            if (announced && allClearSoFar.contains(s.identity())) {
                groups.reminder(s.identity(), s.line());
                entry.setValue(new AlertState(s.key(), s.identity(), s.status(), s.hits(), s.clean(), s.firstSeen(),
                        now, s.line()));
            }
        }
    }

    private boolean reminderDue(Instant lastNotified, Instant now) {
        return !now.isBefore(lastNotified.plus(policy.repeatInterval()));
    }

    /** One verdict per key; the first (rules list the worst first) wins. */
    private static Map<String, Verdict> byKey(List<Verdict> verdicts) {
        Map<String, Verdict> byKey = new LinkedHashMap<>();
        for (Verdict v : verdicts) {
            byKey.putIfAbsent(v.finding().key(), v);
        }
        return byKey;
    }
}
