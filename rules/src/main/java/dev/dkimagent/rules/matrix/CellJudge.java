package dev.dkimagent.rules.matrix;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.NameAnswers;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.Soa;
import dev.dkimagent.rules.model.Whitespace;
import dev.dkimagent.rules.model.ZoneView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Judges one expected record on one address, and one address's SOA answer, from the observations. */
final class CellJudge {
    private CellJudge() {
    }

    /** The query types the sweep may have asked for a record, in the order it asks them (see {@link RecordQueries}). */
    static List<String> queryTypes(ExpectedRecord r) {
        return r.type() == RecordType.CNAME ? List.of(RecordQueries.FIRST, "CNAME", "A", "AAAA") : List.of("TXT");
    }

    static ServerSoa soa(Snapshot s, ZoneView zone, Nameserver server) {
        Optional<Answer> answer = s.soa(zone, server);
        if (answer.isEmpty()) {
            return new ServerSoa(server, new NotJudged(NotJudged.Reason.NOT_ASKED, "no SOA answer", "SOA",
                    zone.apex(), true), Optional.empty(), false);
        }
        Answer a = answer.get();
        Optional<NotJudged> problem = Answers.problem(a, "SOA", zone.apex(), true);
        if (problem.isPresent()) {
            return new ServerSoa(server, problem.get(), Optional.empty(), false);
        }
        Optional<Soa> served = a.recordsOfType("SOA").stream().map(Rr::soa).filter(x -> x != null).findFirst();
        boolean inAnswer = a.rcode() == Answer.NOERROR && !a.recordsOfType("SOA").isEmpty();
        String catchingUp = zone.catchingUp().get(server.address());
        NotJudged behind = catchingUp == null ? null
                : new NotJudged(NotJudged.Reason.CATCHING_UP, catchingUp, "SOA", zone.apex(), true);
        return new ServerSoa(server, behind, served.or(() -> Optional.ofNullable(a.authoritySoa())), inAnswer);
    }

    /** @param ofName the record's direct answers ({@code s.directAnswers().ofName(r.name())}) */
    static Cell cell(NameAnswers ofName, ZoneView zone, ServerSoa soa, ExpectedRecord r) {
        Nameserver server = soa.server();
        if (!zone.discovered()) {
            return Cell.notJudged(server, new NotJudged(NotJudged.Reason.ZONE_NOT_FOUND, zone.discoveryError(),
                    "SOA", zone.apex(), true));
        }
        if (!soa.usable()) {
            return Cell.notJudged(server, soa.problem());
        }
        List<String> types = queryTypes(r);
        Answer[] asked = new Answer[types.size()]; // looked up once: judging 10,000 identities makes 90,000 cells
        for (int i = 0; i < asked.length; i++) {
            asked[i] = ofName.get(types.get(i), server.address());
            Optional<NotJudged> p = asked[i] == null ? Optional.empty()
                    : Answers.problem(asked[i], types.get(i), r.name(), false);
            if (p.isPresent()) {
                return Cell.notJudged(server, p.get());
            }
        }
        String primaryType = primaryType(types, asked, r);
        Answer primary = asked[types.indexOf(primaryType)];
        if (primary == null) {
            return Cell.notJudged(server, new NotJudged(NotJudged.Reason.NOT_ASKED, "no answer", types.get(0),
                    r.name(), false));
        }
        List<Answer> others = new ArrayList<>();
        List<Answer> notCname = new ArrayList<>();
        for (int i = 0; i < asked.length; i++) {
            if (asked[i] != null && !types.get(i).equals(primaryType)) {
                others.add(asked[i]);
            }
            if (asked[i] != null && !types.get(i).equals("CNAME")) {
                notCname.add(asked[i]);
            }
        }
        return judge(r, server, primary, others, notCname, soa);
    }

    /**
     * The query whose answer holds the record of the expected type: for a CNAME, the CNAME query
     * when it was asked, else the TXT query (its answer carries the CNAME a name holds); for a TXT, TXT.
     */
    private static String primaryType(List<String> types, Answer[] asked, ExpectedRecord r) {
        String expected = r.type().name();
        return asked[types.indexOf(expected)] != null ? expected : RecordQueries.FIRST;
    }

    /** {@code notCname}: the answers to queries other than CNAME, where the data beside or instead of a CNAME shows. */
    private static Cell judge(ExpectedRecord r, Nameserver server, Answer primary, List<Answer> others,
                              List<Answer> notCname, ServerSoa soa) {
        // loops, not streams: judging 10,000 identities makes 90,000 cells
        List<Rr> owned = owned(primary, r.name());
        Optional<Rr> cname = Optional.empty();
        List<Rr> txts = new ArrayList<>(owned.size());
        for (Rr x : owned) {
            if (cname.isEmpty() && x.type().equals("CNAME")) {
                cname = Optional.of(x);
            }
            if (x.type().equals("TXT")) {
                txts.add(x);
            }
        }
        TreeSet<String> otherTypes = new TreeSet<>();
        addOtherTypes(owned, otherTypes);
        for (Answer a : others) {
            addOtherTypes(owned(a, r.name()), otherTypes);
        }
        boolean expectsCname = r.type() == RecordType.CNAME;
        CellState state = expectsCname ? cnameState(r, primary, cname, otherTypes) : txtState(r, primary, cname, txts);
        List<Rr> ofExpectedType = expectsCname ? cname.stream().toList() : txts;
        OptionalLong ttl = OptionalLong.empty();
        for (Rr x : ofExpectedType) {
            ttl = OptionalLong.of(ttl.isPresent() ? Math.min(ttl.getAsLong(), x.ttl()) : x.ttl());
        }
        Optional<Soa> negative = state != CellState.MISSING ? Optional.empty()
                : Optional.ofNullable(primary.authoritySoa()).or(soa::soa);
        List<String> txtData = new ArrayList<>(txts.size());
        for (Rr x : txts) {
            txtData.add(x.data());
        }
        return new Cell(server, state, null, ttl, served(r, cname, txts, notCname), cname.map(Rr::data), otherTypes,
                txtData, negative);
    }

    private static void addOtherTypes(List<Rr> owned, TreeSet<String> otherTypes) {
        for (Rr x : owned) {
            if (!x.type().equals("CNAME")) {
                otherTypes.add(x.type());
            }
        }
    }

    private static CellState cnameState(ExpectedRecord r, Answer primary, Optional<Rr> cname, TreeSet<String> other) {
        if (cname.isPresent()) {
            if (!cname.get().data().equals(r.value())) {
                return CellState.WRONG_TARGET;
            }
            return other.isEmpty() ? CellState.OK : CellState.CNAME_AND_OTHER_DATA;
        }
        return !primary.isNxdomain() && !other.isEmpty() ? CellState.WRONG_TYPE : CellState.MISSING;
    }

    private static CellState txtState(ExpectedRecord r, Answer primary, Optional<Rr> cname, List<Rr> txts) {
        if (primary.isNxdomain()) {
            return CellState.MISSING;
        }
        if (cname.isPresent()) {
            return CellState.WRONG_TYPE;
        }
        if (txts.isEmpty()) {
            return CellState.MISSING;
        }
        String wanted = squeeze(r.value());
        boolean matches = wanted.isEmpty() || txts.stream().anyMatch(x -> squeeze(x.data()).equals(wanted));
        return matches ? CellState.OK : CellState.WRONG_TARGET;
    }

    /**
     * CNAME expected: the target, else the other data the name holds ("A 192.0.2.1"), else nothing.
     * TXT expected: the sorted TXT values, quoted; a CNAME as "CNAME target"; else nothing.
     */
    private static String served(ExpectedRecord r, Optional<Rr> cname, List<Rr> txts, List<Answer> notCname) {
        boolean expectsCname = r.type() == RecordType.CNAME;
        if (cname.isPresent()) {
            return expectsCname ? cname.get().data() : "CNAME " + cname.get().data();
        }
        if (!expectsCname) {
            return orNothing(txts.stream().map(x -> "\"" + x.data() + "\"").collect(Collectors.toCollection(TreeSet::new)), " ");
        }
        TreeSet<String> other = new TreeSet<>();
        for (Answer a : notCname) {
            owned(a, r.name()).stream().filter(x -> !x.type().equals("CNAME")).forEach(x -> other.add(x.type() + " " + x.data()));
        }
        return orNothing(other, ", ");
    }

    private static String orNothing(TreeSet<String> values, String separator) {
        return values.isEmpty() ? Cell.NOTHING : String.join(separator, values);
    }

    private static List<Rr> owned(Answer a, String name) {
        List<Rr> records = a.records();
        for (Rr x : records) {
            if (!x.name().equals(name)) {
                return records.stream().filter(y -> y.name().equals(name)).toList();
            }
        }
        return records; // the usual case: every record is the name's own
    }

    static String squeeze(String text) {
        return Whitespace.removed(text);
    }

    /** The resolvers' TXT answer at a CNAME target, typed. */
    static KeyObservation key(String target, Optional<Answer> answer) {
        if (answer.isEmpty()) {
            return new KeyObservation(target, KeyObservation.Status.UNKNOWN, List.of());
        }
        Answer a = answer.get();
        if (!a.isReply()) {
            return new KeyObservation(target, KeyObservation.Status.NOT_READ, List.of(),
                    "no resolver replied: " + Answers.unreachableReason(a));
        }
        if (a.rcode() != Answer.NOERROR && a.rcode() != Answer.NXDOMAIN) {
            return new KeyObservation(target, KeyObservation.Status.NOT_READ, List.of(),
                    "the resolvers answered " + Answers.rcodeName(a.rcode()));
        }
        if (a.isNxdomain()) {
            return new KeyObservation(target, KeyObservation.Status.NO_NAME, List.of());
        }
        List<String> txts = new ArrayList<>();
        for (Rr x : a.recordsOfType("TXT")) {
            txts.add(x.data());
        }
        return new KeyObservation(target, txts.isEmpty() ? KeyObservation.Status.NO_TXT : KeyObservation.Status.TXT, txts);
    }
}
