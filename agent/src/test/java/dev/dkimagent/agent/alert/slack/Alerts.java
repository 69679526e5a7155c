package dev.dkimagent.agent.alert.slack;

import dev.dkimagent.agent.alert.AlertLine;
import dev.dkimagent.agent.alert.Notification;
import dev.dkimagent.agent.alert.SesLine;
import dev.dkimagent.rules.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/** Notifications to render and deliver in tests. */
final class Alerts {

    static final Instant AT = Instant.parse("2026-11-03T10:00:00Z");
    static final String CHANNEL_MENTION = "<!channel>";
    static final String FORGED_LINK = "<https://evil|click>";

    private Alerts() {
    }

    static AlertLine missing(String selector, String nameserver, String address) {
        String name = selector + "._domainkey.mycompany.com";
        return new AlertLine("DKIM01|RECORD_MISSING|mycompany.com|" + selector + "|" + address, "DKIM01",
                "RECORD_MISSING", Severity.ERROR, "mycompany.com", selector, nameserver, address,
                name + " CNAME is missing on " + nameserver,
                "Add " + name + " CNAME " + selector + ".dkim.amazonses.com. to the zone served by " + nameserver,
                "dig +norec @" + address + " " + name + " CNAME");
    }

    static AlertLine warning(String selector) {
        return new AlertLine("DKIM02|TTL_LOW|" + selector, "DKIM02", "TTL_LOW", Severity.WARNING, "mycompany.com",
                selector, "ns1.example.net", "192.0.2.1", "TTL of 30 s is low", "Raise the TTL to 3600", null);
    }

    static SesLine ses() {
        return new SesLine("123456789012", "eu-west-1", "TEMPORARY_FAILURE", AT.plus(Duration.ofHours(41)));
    }

    static Notification threeMissing() {
        return new Notification("mycompany.com",
                List.of(missing("abc", "ns3.example.net", "192.0.2.3"), missing("def", "ns3.example.net", "192.0.2.3"),
                        missing("ghi", "ns3.example.net", "192.0.2.3")),
                List.of(), List.of(), List.of(ses()), AT);
    }

    static Notification resolution() {
        return new Notification("mycompany.com", List.of(), List.of(),
                List.of(missing("abc", "ns3.example.net", "192.0.2.3")), List.of(), AT);
    }

    static Notification many(int count) {
        List<AlertLine> lines = IntStream.range(0, count)
                .mapToObj(i -> missing("sel" + i, "ns" + (i % 4) + ".example.net", "192.0.2." + (i % 250)))
                .toList();
        return new Notification("mycompany.com", lines, List.of(), List.of(), List.of(ses()), AT);
    }

    /** Hostile values in the CNAME target, TXT value, message, fix, dig, selector and SES fields. */
    static Notification hostile() {
        AlertLine cname = new AlertLine("k1", "DKIM03", "CNAME_WRONG_TARGET", Severity.ERROR, "mycompany.com",
                "abc" + CHANNEL_MENTION, "ns3.example.net", "192.0.2.3",
                "CNAME points to " + FORGED_LINK + " instead of abc.dkim.amazonses.com.",
                "Point it to abc.dkim.amazonses.com., not " + CHANNEL_MENTION,
                "dig +norec @192.0.2.3 abc._domainkey.mycompany.com CNAME # " + FORGED_LINK + " `break`");
        AlertLine txt = new AlertLine("k2", "DKIM05", "TXT_UNEXPECTED", Severity.WARNING, "mycompany.com",
                "def", "ns1.example.net" + FORGED_LINK, "192.0.2.1",
                "TXT value is \"v=DKIM1; p=" + CHANNEL_MENTION + "\"", "Remove " + FORGED_LINK, null);
        SesLine ses = new SesLine("1234" + CHANNEL_MENTION, "eu-west-1", "FAILED" + FORGED_LINK, AT.plusSeconds(60));
        return new Notification("mycompany.com", List.of(cname), List.of(txt), List.of(), List.of(ses), AT);
    }
}
