package dev.dkimagent.agent.metrics;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.DkimStatus;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Query;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.SesIdentityState;
import dev.dkimagent.rules.model.SesMemory;
import dev.dkimagent.rules.model.SesView;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.Transport;
import dev.dkimagent.rules.model.ZoneView;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small fixed observations for the metrics tests. */
public final class Fixtures {
    static final Instant AT = Instant.parse("2026-11-28T12:00:00Z");
    static final Nameserver NS1 = new Nameserver("ns1.example.com", "127.53.0.11");
    static final Nameserver NS2 = new Nameserver("ns2.example.com", "127.53.0.12");
    static final ExpectedRecord T1 = cname("t1");
    static final ExpectedRecord T2 = cname("t2");
    static final ExpectedRecord SEL = new ExpectedRecord("sel", "sel._domainkey.example.com", RecordType.TXT, "");
    static final String SOA_DATA = "ns1.example.com. hostmaster.example.com. 2026112801 7200 900 1209600 300";

    private Fixtures() {
    }

    static ExpectedRecord cname(String token) {
        return new ExpectedRecord(token, token + "._domainkey.example.com", RecordType.CNAME,
                token + ".dkim.amazonses.com");
    }

    static Answer reply(boolean aa, Rr... records) {
        return new Answer(Transport.REPLY, Answer.NOERROR, aa, List.of(records), null, null, 3);
    }

    static Answer nxdomain() {
        return new Answer(Transport.REPLY, Answer.NXDOMAIN, true, List.of(), null, null, 3);
    }

    static Rr cnameRr(String name, long ttl, String target) {
        return new Rr(name, "CNAME", ttl, target);
    }

    /** example.com on two servers (ns2 lame for SOA, t2 broken on both), broken.org undiscovered. */
    public static Snapshot snapshot() {
        return snapshot(List.of(T1, T2, SEL));
    }

    static Snapshot snapshot(List<ExpectedRecord> records) {
        Identity identity = new Identity("example.com", "config", records);
        ZoneView zone = new ZoneView("example.com", List.of(NS1, NS2), Set.of("ns1.example.com", "ns2.example.com"),
                Set.of(), false, null);
        Map<String, String> zoneOfName = new HashMap<>();
        records.forEach(r -> zoneOfName.put(r.name(), "example.com"));
        Map<Query, Answer> answers = new HashMap<>();
        answers.put(q(T1, NS1), reply(true, cnameRr(T1.name(), 1800, "t1.dkim.amazonses.com.")));
        answers.put(q(T1, NS2), reply(true, cnameRr(T1.name(), 3600, "T1.DKIM.AmazonSES.com.")));
        answers.put(q(T2, NS1), nxdomain());
        answers.put(q(T2, NS2), Answer.failed(Transport.TIMEOUT, "no reply after 3 attempts"));
        answers.put(q(SEL, NS1), reply(true, new Rr(SEL.name(), "TXT", 300, "v=DKIM1; k=rsa; p=MIIB")));
        answers.put(q(SEL, NS2), reply(false, new Rr(SEL.name(), "TXT", 300, "v=DKIM1; k=rsa; p=MIIB")));
        answers.put(new Query("example.com", "SOA", NS1.address()),
                reply(true, new Rr("example.com", "SOA", 3600, SOA_DATA)));
        answers.put(new Query("example.com", "SOA", NS2.address()),
                reply(false, new Rr("example.com", "SOA", 3600, SOA_DATA)));
        return new Snapshot(AT, List.of(identity),
                Map.of("example.com", zone, "broken.org", ZoneView.failed("broken.org", "no SOA")),
                zoneOfName, answers, Map.of());
    }

    static Query q(ExpectedRecord record, Nameserver server) {
        return new Query(record.name(), record.type().name(), server.address());
    }

    static SesIdentityState ses(String region, DkimStatus status, Instant lastSuccess) {
        return new SesIdentityState("example.com", "default", region, status, true, "AWS_SES", List.of("t1", "t2"),
                "dkim.amazonses.com", "RSA_2048_BIT", null, null, null, null, lastSuccess, null, true);
    }

    /** us-east-1 failing since a success on 2026-11-27, eu-west-1 fine. */
    public static SesView sesView() {
        SesIdentityState failing = ses("us-east-1", DkimStatus.TEMPORARY_FAILURE, null);
        SesIdentityState fine = ses("eu-west-1", DkimStatus.SUCCESS, null);
        SesMemory remembered = new SesMemory(DkimStatus.SUCCESS, Instant.parse("2026-11-27T00:00:00Z"), List.of());
        return new SesView(List.of(failing, fine), List.of(), Map.of(SesView.memoryKey(failing), remembered));
    }
}
