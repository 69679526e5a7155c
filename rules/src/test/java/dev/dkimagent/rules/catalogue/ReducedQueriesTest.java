package dev.dkimagent.rules.catalogue;

import static dev.dkimagent.rules.catalogue.TestWorld.NS3;
import static dev.dkimagent.rules.catalogue.TestWorld.a;
import static dev.dkimagent.rules.catalogue.TestWorld.authority;
import static dev.dkimagent.rules.catalogue.TestWorld.cname;
import static dev.dkimagent.rules.catalogue.TestWorld.name;
import static dev.dkimagent.rules.catalogue.TestWorld.target;
import static dev.dkimagent.rules.catalogue.TestWorld.txt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.matrix.Cell;
import dev.dkimagent.rules.matrix.RecordQueries;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.Transport;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reduced query set ({@link RecordQueries}: TXT first, CNAME only when the TXT answer leaves it
 * open, A/AAAA only after a CNAME NODATA) judges every case exactly as the full set the sweep used
 * to ask (CNAME and TXT for every record, A/AAAA after a CNAME NODATA): the same verdicts, args
 * and messages included, and the same cells. Each case is what a name holds on ns3 (the others
 * serve the healthy zone), answered the way an authoritative server answers each query type.
 */
class ReducedQueriesTest {

    /** How one server answers queries at one name. */
    private interface Server {
        Answer answer(String name, String type);
    }

    /** An authoritative server holding {@code records} at the name; {@code cnameBeside}: a CNAME comes with other data asked for. */
    private record Zone(List<Rr> records, boolean emptyNonTerminal, boolean cnameBeside) implements Server {
        static Zone holding(Rr... rrs) {
            return new Zone(List.of(rrs), false, false);
        }

        @Override
        public Answer answer(String name, String type) {
            List<Rr> cnames = records.stream().filter(r -> r.type().equals("CNAME")).toList();
            List<Rr> ofType = records.stream().filter(r -> r.type().equals(type)).toList();
            if (records.isEmpty()) {
                return emptyNonTerminal ? TestWorld.nodata(authority(300, 3600)) : TestWorld.nxdomain(authority(300, 3600));
            }
            if (!ofType.isEmpty()) {
                List<Rr> out = new ArrayList<>(ofType);
                if (cnameBeside && !type.equals("CNAME")) {
                    out.addAll(0, cnames);
                }
                return TestWorld.reply(out.toArray(Rr[]::new));
            }
            return cnames.isEmpty() ? TestWorld.nodata(authority(300, 3600)) : TestWorld.reply(cnames.toArray(Rr[]::new));
        }
    }

    private static Server failing(Answer always) {
        return (name, type) -> always;
    }

    static Stream<Arguments> cases() {
        String t2 = name("t2");
        return Stream.of(
                cnameCase("healthy", Zone.holding(cname(t2, target("t2"), TestWorld.TTL)), 1),
                cnameCase("missing (NXDOMAIN)", Zone.holding(), 1),
                cnameCase("empty non-terminal (NODATA for every type)", new Zone(List.of(), true, false), 4),
                cnameCase("wrong target", Zone.holding(cname(t2, "t2.dkim.eu-west-1.amazonses.com", 3600)), 1),
                cnameCase("low TTL", Zone.holding(cname(t2, target("t2"), 60)), 1),
                cnameCase("flattened A + AAAA", Zone.holding(a(t2, "192.0.2.1"), new Rr(t2, "AAAA", 3600, "2001:db8::1")), 4),
                cnameCase("flattened A only", Zone.holding(a(t2, "192.0.2.1")), 4),
                cnameCase("wrong type: a TXT key where the CNAME belongs", Zone.holding(txt(t2, "v=DKIM1; p=abc", 3600)), 4),
                cnameCase("CNAME and TXT, TXT answered alone", new Zone(List.of(cname(t2, target("t2"), 3600),
                        txt(t2, "x", 3600)), false, false), 2),
                cnameCase("CNAME and TXT, TXT answered with the CNAME", new Zone(List.of(cname(t2, target("t2"), 3600),
                        txt(t2, "x", 3600)), false, true), 2),
                cnameCase("wrong target and TXT beside it", new Zone(List.of(cname(t2, "x.example", 3600),
                        txt(t2, "x", 3600)), false, true), 2),
                cnameCase("timeout", failing(TestWorld.timeout()), 1),
                cnameCase("REFUSED", failing(TestWorld.rcode(Answer.REFUSED)), 1),
                cnameCase("SERVFAIL", failing(TestWorld.rcode(Answer.SERVFAIL)), 1),
                cnameCase("not authoritative", failing(TestWorld.notAuthoritative(cname(t2, target("t2"), 3600))), 1),
                cnameCase("reply to another query", failing(Answer.failed(Transport.MISMATCH, "id mismatch")), 1),
                txtCase("TXT key served", Zone.holding(txt(name("s1"), TestKeys.record(TestKeys.RSA_2048), 3600)), 1),
                txtCase("TXT key missing", Zone.holding(), 1),
                txtCase("CNAME where the TXT key belongs", Zone.holding(cname(name("s1"), "x.test", 3600)), 1),
                txtCase("another TXT key", Zone.holding(txt(name("s1"), TestKeys.record(TestKeys.RSA_2048_NEXT), 3600)), 1));
    }

    private static Arguments cnameCase(String label, Server ns3, int reducedQueries) {
        return Arguments.of(label, ns3, "t2", reducedQueries);
    }

    private static Arguments txtCase(String label, Server ns3, int reducedQueries) {
        return Arguments.of(label, ns3, "s1", reducedQueries);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reducedQueries_judgeExactlyAsTheFullSet(String label, Server ns3, String selector, int reducedQueries) {
        boolean txtRecord = selector.equals("s1");
        TestWorld full = base(txtRecord);
        TestWorld reduced = base(txtRecord);
        int asked = 0;
        for (Nameserver ns : TestWorld.SERVERS) {
            for (ExpectedRecord r : records(txtRecord)) {
                boolean theCase = ns.equals(NS3) && r.selector().equals(selector);
                Server s = theCase ? ns3 : healthy(r);
                askFull(full, r, ns, s);
                int n = askReduced(reduced, r, ns, s);
                asked += theCase ? n : 0;
            }
        }

        List<Verdict> fromFull = full.evaluate();
        List<Verdict> fromReduced = reduced.evaluate();

        assertThat(fromReduced).as(label).isEqualTo(fromFull);
        assertThat(cells(reduced, selector)).as(label).isEqualTo(cells(full, selector));
        assertThat(asked).as(label + ": queries for the record on ns3").isEqualTo(reducedQueries);
        if (label.startsWith("healthy") || label.startsWith("TXT key served")) {
            assertThat(fromFull).as(label).isEmpty();
        } else {
            assertThat(fromFull).as(label + ": a case that shows nothing proves nothing").isNotEmpty();
        }
    }

    private static Server healthy(ExpectedRecord r) {
        return r.type() == RecordType.TXT
                ? Zone.holding(txt(r.name(), TestKeys.record(TestKeys.RSA_2048), TestWorld.TTL))
                : Zone.holding(cname(r.name(), r.value(), TestWorld.TTL));
    }

    private static TestWorld base(boolean txtRecord) {
        TestWorld w = txtRecord ? TestWorld.healthyTxt("", TestKeys.record(TestKeys.RSA_2048)) : TestWorld.healthy();
        for (Nameserver ns : TestWorld.SERVERS) {
            for (ExpectedRecord r : records(txtRecord)) {
                for (String type : List.of("CNAME", "TXT", "A", "AAAA")) {
                    w.noAnswer(r.selector(), type, ns);
                }
            }
        }
        return w;
    }

    private static List<ExpectedRecord> records(boolean txtRecord) {
        if (txtRecord) {
            return List.of(new ExpectedRecord("s1", name("s1"), RecordType.TXT, ""));
        }
        return TestWorld.SELECTORS.stream()
                .map(s -> new ExpectedRecord(s, name(s), RecordType.CNAME, target(s))).toList();
    }

    /** What the sweep used to ask: the expected type and TXT, then A and AAAA after a CNAME NODATA. */
    private static void askFull(TestWorld w, ExpectedRecord r, Nameserver ns, Server s) {
        List<String> types = new ArrayList<>(List.of(r.type().name(), "TXT"));
        Answer expected = s.answer(r.name(), r.type().name());
        if (r.type().name().equals("CNAME") && expected.isNoData("CNAME")) {
            types.addAll(List.of("A", "AAAA"));
        }
        types.stream().distinct().forEach(type -> w.answer(r.selector(), type, ns, s.answer(r.name(), type)));
    }

    /** What the sweep asks now; returns how many queries that took. */
    private static int askReduced(TestWorld w, ExpectedRecord r, Nameserver ns, Server s) {
        Deque<String> toAsk = new ArrayDeque<>(List.of(RecordQueries.FIRST));
        int asked = 0;
        while (!toAsk.isEmpty()) {
            String type = toAsk.poll();
            Answer answer = s.answer(r.name(), type);
            w.answer(r.selector(), type, ns, answer);
            asked++;
            toAsk.addAll(RecordQueries.after(r, type, answer));
        }
        return asked;
    }

    /** The cells of the record on every server. */
    private static List<Cell> cells(TestWorld w, String selector) {
        return w.matrix().row(TestWorld.IDENTITY, selector).orElseThrow().cells();
    }
}
