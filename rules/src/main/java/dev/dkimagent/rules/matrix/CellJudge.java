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
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Judges one expected record on one address, and one address's SOA answer, from the observations. */
final class CellJudge {
    private CellJudge() {
    }

    private static final List<String> CNAME_QUERIES = List.of(RecordQueries.FIRST, "CNAME", "A", "AAAA");
    private static final List<String> TXT_QUERIES = List.of("TXT");

    /** The query types the sweep may have asked for a record, in the order it asks them (see {@link RecordQueries}). */
    static List<String> queryTypes(ExpectedRecord r) {
        return r.type() == RecordType.CNAME ? CNAME_QUERIES : TXT_QUERIES;
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

    /*
     * Judging 10,000 identities makes 90,000 cells, in short C1-compiled commands: the cell path
     * uses indexed loops and allocates lists and sets only when a cell has something to put in them
     * (a for-each over an immutable list, a stream or an Optional each cost an object per call).
     */

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
        Answer[] asked = new Answer[types.size()]; // looked up once per cell
        for (int i = 0; i < asked.length; i++) {
            asked[i] = ofName.get(types.get(i), server.address());
            Optional<NotJudged> p = asked[i] == null ? Optional.empty()
                    : Answers.problem(asked[i], types.get(i), r.name(), false);
            if (p.isPresent()) {
                return Cell.notJudged(server, p.get());
            }
        }
        int primary = primaryIndex(types, asked, r);
        if (asked[primary] == null) {
            return Cell.notJudged(server, new NotJudged(NotJudged.Reason.NOT_ASKED, "no answer", types.get(0),
                    r.name(), false));
        }
        return judge(r, server, types, asked, primary, soa);
    }

    /**
     * Where the query whose answer holds the record of the expected type sits in {@code types}: for
     * a CNAME, the CNAME query when it was asked, else the TXT query (its answer carries the CNAME a
     * name holds); for a TXT, TXT.
     */
    private static int primaryIndex(List<String> types, Answer[] asked, ExpectedRecord r) {
        int expected = types.indexOf(r.type().name());
        return asked[expected] != null ? expected : types.indexOf(RecordQueries.FIRST);
    }

    /** {@code asked}: the answers to {@code types} (null: not asked); {@code primary}: see {@link #primaryIndex}. */
    private static Cell judge(ExpectedRecord r, Nameserver server, List<String> types, Answer[] asked, int primary,
                              ServerSoa soa) {
        Answer primaryAnswer = asked[primary];
        List<Rr> owned = owned(primaryAnswer, r.name());
        Rr cname = null;
        List<Rr> txts = List.of();
        for (int i = 0; i < owned.size(); i++) {
            Rr x = owned.get(i);
            if (cname == null && x.type().equals("CNAME")) {
                cname = x;
            }
            if (x.type().equals("TXT")) {
                txts = txts.isEmpty() ? new ArrayList<>(owned.size()) : txts;
                txts.add(x);
            }
        }
        TreeSet<String> found = withOtherTypes(owned, null);
        for (int i = 0; i < asked.length; i++) {
            if (asked[i] != null && i != primary) {
                found = withOtherTypes(owned(asked[i], r.name()), found);
            }
        }
        SortedSet<String> otherTypes = found == null ? Collections.emptySortedSet() : found;
        boolean expectsCname = r.type() == RecordType.CNAME;
        CellState state = expectsCname ? cnameState(r, primaryAnswer, cname, otherTypes)
                : txtState(r, primaryAnswer, cname, txts);
        Optional<Soa> negative = state != CellState.MISSING ? Optional.empty()
                : Optional.ofNullable(primaryAnswer.authoritySoa()).or(soa::soa);
        return new Cell(server, state, null, ttl(expectsCname, cname, txts), served(r, cname, txts, types, asked),
                cname == null ? Optional.empty() : Optional.of(cname.data()), otherTypes, data(txts), negative);
    }

    /** The TTL resolvers get for the records of the expected type: the smallest, if any is served. */
    private static OptionalLong ttl(boolean expectsCname, Rr cname, List<Rr> txts) {
        if (expectsCname) {
            return cname == null ? OptionalLong.empty() : OptionalLong.of(cname.ttl());
        }
        OptionalLong ttl = OptionalLong.empty();
        for (int i = 0; i < txts.size(); i++) {
            long t = txts.get(i).ttl();
            ttl = OptionalLong.of(ttl.isPresent() ? Math.min(ttl.getAsLong(), t) : t);
        }
        return ttl;
    }

    private static List<String> data(List<Rr> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            out.add(records.get(i).data());
        }
        return out;
    }

    /** {@code into} with the types other than CNAME of {@code owned}; a new set when {@code into} is null and one is found. */
    private static TreeSet<String> withOtherTypes(List<Rr> owned, TreeSet<String> into) {
        TreeSet<String> out = into;
        for (int i = 0; i < owned.size(); i++) {
            String type = owned.get(i).type();
            if (!type.equals("CNAME")) {
                out = out == null ? new TreeSet<>() : out;
                out.add(type);
            }
        }
        return out;
    }

    private static CellState cnameState(ExpectedRecord r, Answer primary, Rr cname, SortedSet<String> other) {
        if (cname != null) {
            if (!cname.data().equals(r.value())) {
                return CellState.WRONG_TARGET;
            }
            return other.isEmpty() ? CellState.OK : CellState.CNAME_AND_OTHER_DATA;
        }
        return !primary.isNxdomain() && !other.isEmpty() ? CellState.WRONG_TYPE : CellState.MISSING;
    }

    private static CellState txtState(ExpectedRecord r, Answer primary, Rr cname, List<Rr> txts) {
        if (primary.isNxdomain()) {
            return CellState.MISSING;
        }
        if (cname != null) {
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
     * CNAME expected: the target, else the other data the name holds ("A 192.0.2.1") in the answers
     * to queries other than CNAME, else nothing.
     * TXT expected: the sorted TXT values, quoted; a CNAME as "CNAME target"; else nothing.
     */
    private static String served(ExpectedRecord r, Rr cname, List<Rr> txts, List<String> types, Answer[] asked) {
        boolean expectsCname = r.type() == RecordType.CNAME;
        if (cname != null) {
            return expectsCname ? cname.data() : "CNAME " + cname.data();
        }
        if (!expectsCname) {
            return orNothing(txts.stream().map(x -> "\"" + x.data() + "\"").collect(Collectors.toCollection(TreeSet::new)), " ");
        }
        TreeSet<String> other = new TreeSet<>();
        for (int i = 0; i < asked.length; i++) {
            if (asked[i] != null && !types.get(i).equals("CNAME")) {
                owned(asked[i], r.name()).stream().filter(x -> !x.type().equals("CNAME"))
                        .forEach(x -> other.add(x.type() + " " + x.data()));
            }
        }
        return orNothing(other, ", ");
    }

    private static String orNothing(TreeSet<String> values, String separator) {
        return values.isEmpty() ? Cell.NOTHING : String.join(separator, values);
    }

    private static List<Rr> owned(Answer a, String name) {
        List<Rr> records = a.records();
        for (int i = 0; i < records.size(); i++) {
            if (!records.get(i).name().equals(name)) {
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
        List<String> txts = new ArrayList<>(a.records().size());
        for (int i = 0; i < a.records().size(); i++) {
            Rr x = a.records().get(i);
            if (x.type().equals("TXT")) {
                txts.add(x.data());
            }
        }
        return new KeyObservation(target, txts.isEmpty() ? KeyObservation.Status.NO_TXT : KeyObservation.Status.TXT, txts);
    }
}
