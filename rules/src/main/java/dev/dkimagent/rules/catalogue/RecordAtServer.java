package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.EvaluationCache;
import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.Snapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What one usable server answered for one expected record: the answers of the expected type and
 * of the helper queries (TXT, A, AAAA). Only built when every asked query got an authoritative reply.
 */
record RecordAtServer(RecordInZone rec, Nameserver server, Answer primary, List<Answer> others) {

    /** Every identity x record x server whose answers can be judged (see {@link #judgeable}); unmodifiable, built once per evaluation. */
    static List<RecordAtServer> judgeable(Snapshot s) {
        return EvaluationCache.get(s, "RecordAtServer.judgeable", RecordAtServer::buildJudgeable);
    }

    /** {@link #judgeable(Snapshot)} grouped per identity x record, in snapshot order; unmodifiable, built once per evaluation. */
    static Map<RecordInZone, List<RecordAtServer>> judgeableByRecord(Snapshot s) {
        return EvaluationCache.get(s, "RecordAtServer.judgeableByRecord", x -> unmodifiable(ServerGroups.byRecord(judgeable(x))));
    }

    private static Map<RecordInZone, List<RecordAtServer>> unmodifiable(Map<RecordInZone, List<RecordAtServer>> groups) {
        Map<RecordInZone, List<RecordAtServer>> out = new LinkedHashMap<>();
        groups.forEach((rec, servers) -> out.put(rec, List.copyOf(servers)));
        return Collections.unmodifiableMap(out);
    }

    private static List<RecordAtServer> buildJudgeable(Snapshot s) {
        List<RecordAtServer> out = new ArrayList<>();
        for (RecordInZone rec : RecordInZone.all(s)) {
            for (Nameserver server : RecordInZone.distinctServers(rec.zone())) {
                judgeable(s, rec, server).ifPresent(out::add);
            }
        }
        return List.copyOf(out);
    }

    /** Present when the server is usable, answered the expected type, and no asked query failed. */
    static Optional<RecordAtServer> judgeable(Snapshot s, RecordInZone rec, Nameserver server) {
        if (!ServerHealth.usable(s, rec.zone(), server) || recordProblem(s, rec, server).isPresent()) {
            return Optional.empty();
        }
        List<String> types = rec.queryTypes();
        Optional<Answer> primary = s.answer(rec.name(), types.get(0), server.address());
        if (primary.isEmpty()) {
            return Optional.empty();
        }
        List<Answer> others = new ArrayList<>();
        for (String type : types.subList(1, types.size())) {
            s.answer(rec.name(), type, server.address()).ifPresent(others::add);
        }
        return Optional.of(new RecordAtServer(rec, server, primary.get(), others));
    }

    /** The first failed query for this record on this server (the expected type is asked first). */
    static Optional<RecordProblem> recordProblem(Snapshot s, RecordInZone rec, Nameserver server) {
        for (String type : rec.queryTypes()) {
            Optional<ServerProblem> p = s.answer(rec.name(), type, server.address()).flatMap(ServerHealth::problem);
            if (p.isPresent()) {
                return Optional.of(new RecordProblem(type, p.get()));
            }
        }
        return Optional.empty();
    }

    /** A failed record query: which type was asked and what went wrong. */
    record RecordProblem(String queryType, ServerProblem problem) {
    }

    Subject subject() {
        return rec.subject(server);
    }

    String name() {
        return rec.name();
    }

    /** The CNAME owned by the record name itself in the expected-type answer, if served. */
    Optional<Rr> cname() {
        return ownedIn(primary).stream().filter(r -> r.type().equals("CNAME")).findFirst();
    }

    /** The TXT records owned by the record name in the expected-type answer (not a CNAME target's). */
    List<Rr> txts() {
        return ownedIn(primary).stream().filter(r -> r.type().equals("TXT")).toList();
    }

    /** Types other than CNAME the name itself holds, across every asked query, sorted. */
    TreeSet<String> otherTypes() {
        TreeSet<String> types = new TreeSet<>();
        List<Answer> all = new ArrayList<>(others);
        all.add(0, primary);
        for (Answer a : all) {
            ownedIn(a).stream().map(Rr::type).filter(t -> !t.equals("CNAME")).forEach(types::add);
        }
        return types;
    }

    /** The records of the expected type owned by the name: what DKIM03 reads TTLs from. */
    List<Rr> served() {
        return rec.expectsCname() ? cname().stream().toList() : txts();
    }

    private List<Rr> ownedIn(Answer a) {
        return a.records().stream().filter(r -> r.name().equals(rec.name())).toList();
    }
}
