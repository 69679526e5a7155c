package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.Levels;
import dev.dkimagent.rules.Messages;
import dev.dkimagent.rules.RuleEngine;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Query;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.SesApiError;
import dev.dkimagent.rules.model.SesIdentityState;
import dev.dkimagent.rules.model.SesMemory;
import dev.dkimagent.rules.model.SesView;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.Soa;
import dev.dkimagent.rules.model.Transport;
import dev.dkimagent.rules.model.ZoneView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A test fixture: a healthy zone {@code a.test} served by ns1..ns3 (127.0.0.11..13), identity
 * {@code a.test} with three Easy-DKIM CNAMEs t1..t3 -> tN.dkim.amazonses.com (TTL 3600), SOA serial
 * 2024010101 with minimum 300 and TTL 3600, and 2048-bit keys at every target. Each test changes one thing.
 */
final class TestWorld {
    static final String ZONE = "a.test";
    static final String IDENTITY = "a.test";
    static final Nameserver NS1 = new Nameserver("ns1.a.test", "127.0.0.11");
    static final Nameserver NS2 = new Nameserver("ns2.a.test", "127.0.0.12");
    static final Nameserver NS3 = new Nameserver("ns3.a.test", "127.0.0.13");
    static final List<Nameserver> SERVERS = List.of(NS1, NS2, NS3);
    static final List<String> SELECTORS = List.of("t1", "t2", "t3");
    static final long TTL = 3600;
    static final long SERIAL = 2024010101L;
    static final long SOA_MINIMUM = 300;
    static final Set<String> NS_SET = Set.of("ns1.a.test", "ns2.a.test", "ns3.a.test");

    private final List<Identity> identities = new ArrayList<>();
    private final Map<String, ZoneView> zones = new HashMap<>();
    private final Map<String, String> zoneOfName = new HashMap<>();
    private final Map<Query, Answer> answers = new HashMap<>();
    private final Map<String, Answer> keyAnswers = new HashMap<>();
    private final List<SesIdentityState> sesStates = new ArrayList<>();
    private final List<SesApiError> sesErrors = new ArrayList<>();
    private final Map<String, SesMemory> sesMemory = new HashMap<>();
    private final List<dev.dkimagent.rules.model.CanaryRound> canary = new ArrayList<>();
    private RuleSettings settings = RuleSettings.defaults();

    static TestWorld healthy() {
        TestWorld w = new TestWorld();
        w.zone(new ZoneView(ZONE, SERVERS, NS_SET, NS_SET, false, null));
        List<ExpectedRecord> records = SELECTORS.stream()
                .map(s -> new ExpectedRecord(s, name(s), RecordType.CNAME, target(s))).toList();
        w.identity(new Identity(IDENTITY, "config", records));
        for (Nameserver ns : SERVERS) {
            w.soa(ns, reply(soaRr(SERIAL, SOA_MINIMUM, TTL)));
            for (String s : SELECTORS) {
                // an authoritative server answers CNAME and TXT at a CNAME name with the CNAME itself
                w.answer(s, "CNAME", ns, reply(cname(name(s), target(s), TTL)));
                w.answer(s, "TXT", ns, reply(cname(name(s), target(s), TTL)));
            }
        }
        for (String s : SELECTORS) {
            w.key(target(s), reply(txt(target(s), TestKeys.record(TestKeys.RSA_2048), 300)));
        }
        return w;
    }

    /** The healthy zone, but identity a.test expects one TXT record s1 with {@code configured}; every server serves {@code served}. */
    static TestWorld healthyTxt(String configured, String served) {
        TestWorld w = new TestWorld();
        w.zone(new ZoneView(ZONE, SERVERS, NS_SET, NS_SET, false, null));
        w.identity(new Identity(IDENTITY, "config", List.of(new ExpectedRecord("s1", name("s1"), RecordType.TXT, configured))));
        for (Nameserver ns : SERVERS) {
            w.soa(ns, reply(soaRr(SERIAL, SOA_MINIMUM, TTL)));
            w.answer("s1", "TXT", ns, reply(txt(name("s1"), served, TTL)));
        }
        return w;
    }

    static String name(String selector) {
        return selector + "._domainkey." + ZONE;
    }

    static String target(String selector) {
        return selector + ".dkim.amazonses.com";
    }

    TestWorld identity(Identity identity) {
        identities.add(identity);
        identity.records().forEach(r -> zoneOfName.putIfAbsent(r.name(), ZONE));
        return this;
    }

    TestWorld zone(ZoneView zone) {
        zones.put(zone.apex(), zone);
        return this;
    }

    TestWorld forgetZoneOf(String selector) {
        zoneOfName.remove(name(selector));
        return this;
    }

    TestWorld answer(String selector, String type, Nameserver ns, Answer a) {
        answers.put(new Query(name(selector), type, ns.address()), a);
        return this;
    }

    TestWorld answerEverywhere(String selector, String type, Answer a) {
        SERVERS.forEach(ns -> answer(selector, type, ns, a));
        return this;
    }

    TestWorld noAnswer(String selector, String type, Nameserver ns) {
        answers.remove(new Query(name(selector), type, ns.address()));
        return this;
    }

    TestWorld soa(Nameserver ns, Answer a) {
        answers.put(new Query(ZONE, "SOA", ns.address()), a);
        return this;
    }

    TestWorld noSoa(Nameserver ns) {
        answers.remove(new Query(ZONE, "SOA", ns.address()));
        return this;
    }

    TestWorld key(String target, Answer a) {
        keyAnswers.put(target, a);
        return this;
    }

    TestWorld keyGone(String target) {
        keyAnswers.remove(target);
        return this;
    }

    TestWorld ses(SesIdentityState state) {
        sesStates.add(state);
        return this;
    }

    /** What earlier sweeps remembered of {@code state}'s identity, account and region. */
    TestWorld sesMemory(SesIdentityState state, SesMemory memory) {
        sesMemory.put(SesView.memoryKey(state), memory);
        return this;
    }

    TestWorld sesError(SesApiError error) {
        sesErrors.add(error);
        return this;
    }

    TestWorld canary(dev.dkimagent.rules.model.CanaryRound round) {
        canary.add(round);
        return this;
    }

    TestWorld settings(RuleSettings s) {
        settings = s;
        return this;
    }

    Snapshot snapshot() {
        return new Snapshot(Instant.EPOCH, identities, zones, zoneOfName, answers, keyAnswers,
                new SesView(sesStates, sesErrors, sesMemory), new dev.dkimagent.rules.model.CanaryView(canary));
    }

    /** The matrix of zone a.test, built from this world's observations. */
    dev.dkimagent.rules.matrix.ZoneMatrix matrix() {
        return dev.dkimagent.rules.matrix.Matrices.of(snapshot()).get(ZONE);
    }

    /** Runs the whole catalogue and keeps the matrices. */
    dev.dkimagent.rules.Judgement judge() {
        return new RuleEngine(Catalogue.all(), Levels.defaults(), settings, Messages.load()).judge(snapshot());
    }

    /** Runs the whole catalogue with default levels, these settings and the real messages. */
    List<Verdict> evaluate() {
        return new RuleEngine(Catalogue.all(), Levels.defaults(), settings, Messages.load()).evaluate(snapshot());
    }

    static Answer reply(Rr... rrs) {
        return new Answer(Transport.REPLY, Answer.NOERROR, true, Arrays.asList(rrs), null, null, 1);
    }

    static Answer nxdomain(Soa authority) {
        return new Answer(Transport.REPLY, Answer.NXDOMAIN, true, List.of(), authority, null, 1);
    }

    static Answer nodata(Soa authority) {
        return new Answer(Transport.REPLY, Answer.NOERROR, true, List.of(), authority, null, 1);
    }

    static Answer rcode(int rcode) {
        return new Answer(Transport.REPLY, rcode, false, List.of(), null, null, 1);
    }

    static Answer notAuthoritative(Rr... rrs) {
        return new Answer(Transport.REPLY, Answer.NOERROR, false, Arrays.asList(rrs), null, null, 1);
    }

    static Answer timeout() {
        return Answer.failed(Transport.TIMEOUT, "timeout after 3 attempts");
    }

    static Soa authority(long minimum, long ttl) {
        return new Soa("ns1.a.test", "hostmaster.a.test", SERIAL, 3600, 900, 604800, minimum, ttl);
    }

    static Rr cname(String owner, String target, long ttl) {
        return new Rr(owner, "CNAME", ttl, target);
    }

    static Rr txt(String owner, String value, long ttl) {
        return new Rr(owner, "TXT", ttl, value);
    }

    static Rr a(String owner, String ip) {
        return new Rr(owner, "A", TTL, ip);
    }

    static Rr soaRr(long serial, long minimum, long ttl) {
        return new Rr(ZONE, "SOA", ttl, "ns1.a.test. hostmaster.a.test. " + serial + " 3600 900 604800 " + minimum);
    }
}
