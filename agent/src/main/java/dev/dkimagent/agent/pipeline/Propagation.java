package dev.dkimagent.agent.pipeline;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.ZoneView;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code alerting.propagation-grace}: remembers the newest SOA serial of each zone and when a run
 * first saw it; an address that answers an older serial less than the grace after that is catching
 * up (a zone transfer under way), and its zone view says so, so its cells are not judged.
 */
public final class Propagation {
    private record Newest(long serial, Instant firstSeen) {
    }

    private final Duration grace;
    private final Map<String, Newest> newest = new ConcurrentHashMap<>();
    private final Map<String, Instant> graceEnds = new ConcurrentHashMap<>();

    public Propagation(Duration grace) {
        this.grace = grace;
    }

    /** No grace: every address is judged as it answers. */
    public static Propagation none() {
        return new Propagation(Duration.ZERO);
    }

    /** The snapshot with each zone's catching-up addresses marked (unchanged when none is). */
    Snapshot apply(Snapshot s) {
        if (grace.isZero()) {
            return s;
        }
        Map<String, ZoneView> zones = new LinkedHashMap<>();
        boolean changed = false;
        for (ZoneView zone : s.zones().values()) {
            Map<String, String> behind = behind(s, zone);
            zones.put(zone.apex(), behind.isEmpty() ? zone : zone.withCatchingUp(behind));
            changed |= !behind.isEmpty();
        }
        return changed ? new Snapshot(s.at(), s.identities(), zones, s.zoneOfName(), s.answers(), s.keyAnswers(), s.ses())
                : s;
    }

    private Map<String, String> behind(Snapshot s, ZoneView zone) {
        Map<String, Long> serials = new HashMap<>();
        for (Nameserver server : zone.servers()) {
            serial(s.soa(zone, server)).ifPresent(serial -> serials.put(server.address(), serial));
        }
        if (serials.isEmpty()) {
            return Map.of();
        }
        Newest top = remember(zone.apex(), serials.values(), s.at());
        Duration since = Duration.between(top.firstSeen(), s.at());
        graceEnds.remove(zone.apex());
        if (since.compareTo(grace) >= 0) {
            return Map.of();
        }
        Map<String, String> behind = new LinkedHashMap<>();
        serials.forEach((address, serial) -> {
            if (newer(top.serial(), serial)) {
                behind.put(address, "catching up: serial " + serial + ", newest " + top.serial() + " first seen "
                        + since.toSeconds() + " s ago (propagation-grace " + grace.toSeconds() + " s)");
            }
        });
        if (!behind.isEmpty()) {
            graceEnds.put(zone.apex(), top.firstSeen().plus(grace));
        }
        return behind;
    }

    /**
     * When the zone's last run found servers catching up: how long until their grace ends (then
     * they are judged, so a recheck then pages a server that is stuck). Empty otherwise.
     */
    public Optional<Duration> graceLeft(String zone, Instant now) {
        Instant end = graceEnds.get(zone);
        return end == null ? Optional.empty() : Optional.of(Duration.between(now, end)).filter(d -> !d.isNegative());
    }

    /**
     * The zone's newest serial. The first run after a start cannot know when its newest serial
     * appeared: it counts as old, so a secondary already behind is judged at once, not given a grace.
     */
    private Newest remember(String apex, Iterable<Long> serials, Instant at) {
        return newest.compute(apex, (k, old) -> {
            Newest top = old;
            for (long serial : serials) {
                if (top == null || newer(serial, top.serial())) {
                    top = new Newest(serial, old == null ? Instant.EPOCH : at);
                }
            }
            return top;
        });
    }

    private static Optional<Long> serial(Optional<Answer> answer) {
        return answer.filter(a -> a.isAuthoritativeReply() && a.rcode() == Answer.NOERROR)
                .flatMap(a -> a.recordsOfType("SOA").stream().map(Rr::soa).filter(x -> x != null).findFirst())
                .map(x -> x.serial());
    }

    /** RFC 1982: {@code a} is newer than {@code b}. */
    private static boolean newer(long a, long b) {
        long d = (a - b) & 0xffffffffL;
        return d != 0 && d < 0x80000000L;
    }
}
