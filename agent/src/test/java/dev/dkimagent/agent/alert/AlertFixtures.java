package dev.dkimagent.agent.alert;

import dev.dkimagent.rules.Severity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Plain alert values for the alert store, codec and outbox tests. */
public final class AlertFixtures {

    public static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    private AlertFixtures() {
    }

    public static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("state").resolve("dkim-agent");
    }

    public static AlertLine line(String selector) {
        return new AlertLine("DKIM01|RECORD_MISSING|example.com|example.com|" + selector + "|127.0.0.13", "DKIM01",
                "RECORD_MISSING", Severity.ERROR, "example.com", selector, "ns3.example.com", "127.0.0.13",
                selector + "._domainkey.example.com is missing on ns3 <&>", "add the CNAME",
                "dig @127.0.0.13 " + selector + "._domainkey.example.com CNAME +norec");
    }

    public static AlertState firing(String selector) {
        return new AlertState(line(selector).key(), "example.com", AlertStatus.FIRING, 2, 0, T0, T0.plusSeconds(300),
                line(selector));
    }

    public static Notification firingNotification(String identity, Instant at) {
        return new Notification(identity, List.of(line("t1"), line("t2")), List.of(), List.of(),
                List.of(new SesLine("prod", "eu-west-1", "TEMPORARY_FAILURE", at.plusSeconds(72 * 3600))), at);
    }

    public static Notification resolvedNotification(String identity, Instant at) {
        return new Notification(identity, List.of(), List.of(), List.of(line("t1"), line("t2")), List.of(), at);
    }

    public static Notification reminderNotification(String identity, Instant at) {
        return new Notification(identity, List.of(), List.of(line("t1")), List.of(), List.of(), at);
    }
}
