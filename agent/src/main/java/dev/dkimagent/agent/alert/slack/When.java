package dev.dkimagent.agent.alert.slack;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as alerts show them: UTC, to the minute, plus how far away. */
public final class When {

    private static final DateTimeFormatter UTC_MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private When() {
    }

    /** "2026-11-05 14:00 UTC". */
    public static String utc(Instant instant) {
        return UTC_MINUTES.format(instant);
    }

    /** "in 41 h", "in 25 min", "3 h ago": hours when at least two hours away, else minutes. */
    public static String relative(Instant target, Instant now) {
        Duration gap = Duration.between(now, target);
        String amount = amount(gap.abs());
        return gap.isNegative() ? amount + " ago" : "in " + amount;
    }

    private static String amount(Duration gap) {
        return gap.toHours() >= 2 ? gap.toHours() + " h" : gap.toMinutes() + " min";
    }
}
