package dev.dkimagent.agent.report;

import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Query;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.Transport;
import dev.dkimagent.rules.model.ZoneView;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A judged check of one drifted identity, built by hand: reports are tested without DNS. */
final class ReportFixture {
    static final String T1 = "abcdefghijklmnopqrstuvwxyz012345";
    static final String T2 = "bcdefghijklmnopqrstuvwxyz0123456";
    static final String ZONE = "mycompany.test";

    private ReportFixture() {
    }

    static CheckOutcome driftedOutcome() {
        Snapshot snapshot = driftedSnapshot(Map.of(), false);
        Verdict missing = new Verdict(new Finding("DKIM01", "RECORD_MISSING",
                new Subject(ZONE, ZONE, T2, "ns3.mycompany.test", "127.53.0.13"),
                Map.of("dig", "dig +norecurse @ns3.mycompany.test CNAME " + T2 + "._domainkey.mycompany.test")),
                Severity.ERROR, "ns3.mycompany.test (127.53.0.13) does not serve " + T2 + "._domainkey.mycompany.test.",
                "Add the CNAME on ns3.mycompany.test.");
        Verdict serial = new Verdict(new Finding("SOA01", "MULTIPLE_SOA_SERIALS",
                Subject.server(ZONE, "ns3.mycompany.test", "127.53.0.13"), Map.of("serial", "1")),
                Severity.WARNING, "ns3 is behind.", "Fix transfers.");
        return new CheckOutcome(snapshot, List.of(missing, serial), Severity.WARNING);
    }

    /**
     * The drifted identity's observations with these key answers (target -> answer); with
     * {@code ns2T1Unanswered}, ns2's answer for T1 is missing (a cell with nothing to judge).
     */
    static Snapshot driftedSnapshot(Map<String, Answer> keyAnswers, boolean ns2T1Unanswered) {
        Identity identity = new Identity(ZONE, "config", List.of(record(T1), record(T2)));
        ZoneView zone = new ZoneView(ZONE, List.of(
                new Nameserver("ns1.mycompany.test", "127.53.0.11"),
                new Nameserver("ns2.mycompany.test", "127.53.0.12"),
                new Nameserver("ns3.mycompany.test", "127.53.0.13")),
                Set.of(), Set.of(), false, null);
        Map<Query, Answer> answers = answers(zone);
        if (ns2T1Unanswered) {
            answers.remove(new Query(record(T1).name(), "CNAME", "127.53.0.12"));
        }
        return new Snapshot(Instant.parse("2026-11-28T15:00:00Z"), List.of(identity),
                Map.of(ZONE, zone), Map.of(record(T1).name(), ZONE, record(T2).name(), ZONE), answers, keyAnswers);
    }

    /** A key answer holding a 2048-bit-looking DKIM record (the report does not parse it). */
    static Answer key(String token) {
        String target = token + ".dkim.amazonses.com";
        return new Answer(Transport.REPLY, Answer.NOERROR, false,
                List.of(new Rr(target, "TXT", 300, "v=DKIM1; k=rsa; p=AAAA")), null, null, 1);
    }

    static Answer keyTimeout() {
        return Answer.failed(Transport.TIMEOUT, "timeout after 2 attempts");
    }

    /** Every server serves both CNAMEs and the SOA, except ns3, which has no T2 (NXDOMAIN). */
    private static Map<Query, Answer> answers(ZoneView zone) {
        Map<Query, Answer> answers = new HashMap<>();
        for (Nameserver ns : zone.servers()) {
            answers.put(new Query(ZONE, "SOA", ns.address()), reply(new Rr(ZONE, "SOA", 3600,
                    "ns1.mycompany.test. hostmaster.mycompany.test. 1 3600 900 604800 300")));
            for (String token : List.of(T1, T2)) {
                ExpectedRecord r = record(token);
                boolean missing = token.equals(T2) && ns.host().startsWith("ns3.");
                answers.put(new Query(r.name(), "CNAME", ns.address()), missing
                        ? new Answer(Transport.REPLY, Answer.NXDOMAIN, true, List.of(), null, null, 1)
                        : reply(new Rr(r.name(), "CNAME", 3600, r.value())));
            }
        }
        return answers;
    }

    private static Answer reply(Rr rr) {
        return new Answer(Transport.REPLY, Answer.NOERROR, true, List.of(rr), null, null, 1);
    }

    private static ExpectedRecord record(String token) {
        return new ExpectedRecord(token, token + "._domainkey." + ZONE, RecordType.CNAME, token + ".dkim.amazonses.com");
    }
}
