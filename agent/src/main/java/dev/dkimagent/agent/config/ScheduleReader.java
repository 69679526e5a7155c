package dev.dkimagent.agent.config;

import com.typesafe.config.Config;

import java.time.Duration;

/** Reads {@code dkim-agent.schedule}. */
final class ScheduleReader {
    static final String PATH = "dkim-agent.schedule";
    /** Shorter intervals only hammer nameservers and AWS; nothing changes that fast. */
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(10);

    private ScheduleReader() {
    }

    /** The intervals, or null when the section is not an object (a problem is then reported). */
    static ScheduleSettings read(Node schedule, Config reference) {
        if (!schedule.requireObject("an object with the schedule settings")) {
            return null;
        }
        KnownKeys.check(schedule, reference.getObject(PATH).keySet());
        Duration dns = schedule.child("dns-interval").durationAtLeast(MIN_INTERVAL, "10s").orElse(null);
        Duration ses = schedule.child("ses-interval").durationAtLeast(MIN_INTERVAL, "10s").orElse(null);
        return new ScheduleSettings(dns, ses);
    }
}
