package dev.dkimagent.agent.alert;

import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.model.DkimStatus;
import dev.dkimagent.rules.model.SesMemory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code upgrade/state-d74c9ab.mv.db} holds: the values the one-off generator (commit 3f989c0,
 * run against the store of d74c9ab) wrote, built by the same code. The upgrade tests expect
 * exactly these after opening it with today's code.
 */
final class LegacyFixture {

    static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    static final String RESOURCE = "/upgrade/state-d74c9ab.mv.db";
    static final String SCHEMA = "/upgrade/d74c9ab-schema.sql";

    private LegacyFixture() {
    }

    static AlertLine missing(String zone, String selector, String ns, String address, Severity severity) {
        return new AlertLine("DKIM01|RECORD_MISSING|" + zone + "|" + zone + "|" + selector + "|" + address,
                "DKIM01", "RECORD_MISSING", severity, zone, selector, ns, address,
                selector + "._domainkey." + zone + " is missing on " + ns + " <&> \"quoted\" ünïcode",
                "add the CNAME " + selector + "._domainkey." + zone + " on " + ns,
                "dig @" + address + " " + selector + "._domainkey." + zone + " CNAME +norec");
    }

    static AlertLine zoneWide(String zone) {
        return new AlertLine("NS02|MULTIPLE_SOA_SERIALS|" + zone + "|" + zone + "|||", "NS02",
                "MULTIPLE_SOA_SERIALS", Severity.WARNING, zone, null, null, null,
                "the nameservers of " + zone + " serve different SOA serials", "wait or fix the transfer", null);
    }

    static Map<String, AlertState> states() {
        Map<String, AlertState> out = new TreeMap<>();
        AlertLine a1 = missing("a.example", "tok1", "ns3.a.example", "127.0.0.13", Severity.ERROR);
        AlertLine a2 = missing("a.example", "tok2", "ns3.a.example", "127.0.0.13", Severity.CRITICAL);
        AlertLine b1 = missing("b.example", "sel1", "ns1.b.example", "2001:db8::1", Severity.ERROR);
        AlertLine bz = zoneWide("b.example");
        AlertLine d1 = missing("d.example", "tok9", "ns2.d.example", "127.0.0.22", Severity.INFO);
        put(out, new AlertState(a1.key(), "a.example", AlertStatus.FIRING, 5, 0, T0, T0.plusSeconds(300), a1));
        put(out, new AlertState(a2.key(), "a.example", AlertStatus.FIRING, 9, 1, T0.minusSeconds(600),
                T0.plusSeconds(300), a2));
        put(out, new AlertState(b1.key(), "b.example", AlertStatus.FIRING, 2, 0, T0.plusSeconds(60),
                T0.plusSeconds(360), b1));
        put(out, new AlertState(bz.key(), "b.example", AlertStatus.PENDING, 1, 0, T0.plusSeconds(360), null, bz));
        // firing below min-severity: never announced
        put(out, new AlertState(d1.key(), "d.example", AlertStatus.FIRING, 3, 0, T0, null, d1));
        return out;
    }

    static Map<String, SesMemory> memory() {
        Map<String, SesMemory> out = new TreeMap<>();
        out.put("ses:prod/eu-west-1|a.example", new SesMemory(DkimStatus.TEMPORARY_FAILURE, T0.minusSeconds(3600),
                List.of("tok1", "tok2", "tok3")));
        out.put("ses:prod/eu-west-1|b.example", new SesMemory(DkimStatus.SUCCESS, T0, List.of("sel1")));
        out.put("ses:prod/us-east-1|c.example", new SesMemory(null, null, List.of()));
        out.put("ses:test/eu-central-1|d.example", new SesMemory(DkimStatus.PENDING, null, List.of("x", "y", "z")));
        return out;
    }

    static Notification firingA() {
        Map<String, AlertState> s = states();
        List<AlertLine> lines = s.values().stream().filter(x -> x.identity().equals("a.example"))
                .map(AlertState::line).sorted((x, y) -> x.severity().compareTo(y.severity())).toList();
        return new Notification("a.example", lines, List.of(), List.of(),
                List.of(new SesLine("prod", "eu-west-1", "TEMPORARY_FAILURE", T0.plusSeconds(68 * 3600))),
                T0.plusSeconds(300));
    }

    static Notification firingB() {
        return new Notification("b.example",
                List.of(missing("b.example", "sel1", "ns1.b.example", "2001:db8::1", Severity.ERROR)),
                List.of(), List.of(), List.of(new SesLine("prod", "eu-west-1", "SUCCESS", null)),
                T0.plusSeconds(360));
    }

    static Notification resolvedC() {
        return new Notification("c.example", List.of(), List.of(),
                List.of(missing("c.example", "s", "ns1.c.example", "127.0.0.31", Severity.WARNING)), List.of(),
                T0.plusSeconds(360));
    }

    static Notification reminderA() {
        return new Notification("a.example", List.of(),
                List.of(missing("a.example", "tok2", "ns3.a.example", "127.0.0.13", Severity.CRITICAL)),
                List.of(missing("a.example", "tok1", "ns3.a.example", "127.0.0.13", Severity.ERROR)), List.of(),
                T0.plusSeconds(3900));
    }

    private static void put(Map<String, AlertState> map, AlertState s) {
        map.put(s.key(), s);
    }
}
