package dev.dkimagent.agent.bench;

import dev.dkimagent.agent.pipeline.CheckCollector;
import dev.dkimagent.agent.pipeline.CheckResult;
import dev.dkimagent.agent.pipeline.JudgedZone;
import dev.dkimagent.agent.report.CheckOutcome;
import dev.dkimagent.agent.report.JsonReport;
import dev.dkimagent.agent.testworld.DkimKey;
import dev.dkimagent.rules.Judgement;
import dev.dkimagent.rules.Levels;
import dev.dkimagent.rules.Messages;
import dev.dkimagent.rules.RuleEngine;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.catalogue.Catalogue;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Query;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.Soa;
import dev.dkimagent.rules.model.Transport;
import dev.dkimagent.rules.model.ZoneView;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The finish of a check without the wire: a healthy snapshot of N identities x 3 Easy-DKIM CNAMEs
 * in one zone on 3 addresses, as the sweep bench's world answers it (TXT first, so one answer per
 * record and address), judged by the rule engine, collected and printed as the JSON report to
 * nowhere. Times each step's process CPU: the first round cold (what a {@code check} pays), then
 * warm rounds. A plain main, no NSD:
 * {@code java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -Xss512k -cp "$cp"
 * dev.dkimagent.agent.bench.JudgeBench [identities=10000] [rounds=5] [faults=true]
 * [report=FILE]} (the last round's JSON report to FILE, its text report to FILE.txt: compare versions byte for byte).
 * Exit 1 when the healthy snapshot yields a finding (then the figures would time something else).
 */
public final class JudgeBench {
    private static final String APEX = BenchIdentities.ZONE;
    private static final List<String> ADDRESSES = List.of("127.60.0.11", "127.60.0.12", "127.60.0.13");

    private JudgeBench() {
    }

    public static void main(String[] args) {
        int identities = 10_000;
        int rounds = 5;
        boolean faults = false;
        String report = null;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "identities" -> identities = Integer.parseInt(kv[1]);
                case "rounds" -> rounds = Integer.parseInt(kv[1]);
                case "faults" -> faults = Boolean.parseBoolean(kv[1]);
                case "report" -> report = kv[1];
                default -> throw new IllegalArgumentException("expected identities=N, rounds=N, faults=true|false or"
                        + " report=FILE, got " + arg);
            }
        }
        Snapshot snapshot = snapshot(identities, DkimKey.generate(), faults);
        RuleEngine engine = new RuleEngine(Catalogue.all(), new Levels(Map.of()), RuleSettings.defaults(),
                Messages.load());
        System.out.printf(Locale.ROOT, "judge bench: %d identities, %d answers, JVM %s%n", identities,
                snapshot.answers().size(), ManagementFactory.getRuntimeMXBean().getInputArguments());
        boolean clean = true;
        for (int round = 1; round <= rounds; round++) {
            System.out.printf(Locale.ROOT, "round %d starts at %d (epoch ms, for JfrSummary from-ms=)%n", round,
                    System.currentTimeMillis());
            long t0 = cpu();
            long thread0 = threadCpu();
            long bytes0 = allocated();
            long wall0 = System.nanoTime();
            Judgement judgement = engine.judge(snapshot);
            long judgeWall = System.nanoTime() - wall0;
            long judgeBytes = allocated() - bytes0;
            long t1 = cpu();
            long judgeThread = threadCpu() - thread0;
            CheckCollector collector = new CheckCollector();
            collector.accept(new JudgedZone(APEX, snapshot, judgement, Set.of(), Map.of()));
            CheckResult result = collector.result(snapshot.at(), snapshot.identities(), snapshot.ses());
            long t2 = cpu();
            CheckOutcome outcome = new CheckOutcome(result.snapshot(), result.verdicts(), result.matrices(),
                    Severity.WARNING);
            new JsonReport(new PrintWriter(OutputStream.nullOutputStream())).print(outcome);
            long t3 = cpu();
            clean &= faults || judgement.verdicts().isEmpty() && !outcome.failing();
            if (report != null && round == rounds) {
                try (PrintWriter file = new PrintWriter(report, java.nio.charset.StandardCharsets.UTF_8);
                     PrintWriter text = new PrintWriter(report + ".txt", java.nio.charset.StandardCharsets.UTF_8)) {
                    new JsonReport(file).print(outcome);
                    new dev.dkimagent.agent.report.TextReport(text).print(outcome);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            System.out.printf(Locale.ROOT, "round %d%s: process CPU ms: judge %.0f (its thread %.0f; wall %.0f; allocated %.0f MB),"
                            + " collect %.0f, JSON report %.0f, all %.0f; %d findings%n", round, round == 1 ? " (cold)" : "",
                    (t1 - t0) / 1e6, judgeThread / 1e6, judgeWall / 1e6, judgeBytes / 1e6,
                    (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t3 - t0) / 1e6, judgement.verdicts().size());
        }
        System.exit(clean ? 0 : 1);
    }

    /** Every thread's CPU (GC and JIT included), nanoseconds. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void fault(int kind, String name, String target, Soa soa, Map<Query, Answer> answers,
                              Map<String, Answer> keys) {
        String ns1 = ADDRESSES.get(0);
        String ns3 = ADDRESSES.get(2);
        switch (kind) {
            case 1 -> answers.put(new Query(name, "TXT", ns3),
                    new Answer(Transport.REPLY, Answer.NXDOMAIN, true, List.of(), soa, null, 1));
            case 2 -> answers.put(new Query(name, "TXT", ns1), reply(new Rr(name, "CNAME", 3600, "x.example.net")));
            case 3 -> answers.put(new Query(name, "TXT", ns3), Answer.failed(Transport.TIMEOUT, "timeout after 3 attempts"));
            case 4 -> {
                answers.put(new Query(name, "TXT", ns1), reply(new Rr(name, "TXT", 3600, "v=spf1 -all")));
                answers.put(new Query(name, "CNAME", ns1), reply(new Rr(name, "CNAME", 3600, target)));
            }
            case 5 -> keys.put(target, new Answer(Transport.REPLY, Answer.NXDOMAIN, false, List.of(), null, null, 1));
            case 6 -> answers.put(new Query(name, "TXT", ns3), reply(new Rr(name, "CNAME", 60, target)));
            case 7 -> answers.put(new Query(name, "TXT", ns1),
                    new Answer(Transport.REPLY, Answer.NOERROR, false, List.of(new Rr(name, "CNAME", 3600, target)),
                            null, null, 1));
            default -> { }
        }
    }

    /** A string of its own, as each parsed reply holds: equal values, no shared instance (nor its cached hash). */
    private static String parsed(String text) {
        return new String(text.toCharArray());
    }

    private static Answer reply(Rr rr) {
        return new Answer(Transport.REPLY, Answer.NOERROR, true, List.of(rr), null, null, 1);
    }

    /** Bytes the calling thread allocated so far: what judging leaves the collector to clear. */
    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** The calling thread's CPU: judging without the GC's and the compiler's share. */
    private static long threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /**
     * @param faults one identity in 97 with a fault of one of the kinds the rules tell apart (record
     *               missing on one server, wrong target, timeout, a TXT beside the CNAME, key missing,
     *               a short TTL, AA=0): the report then has findings to compare between versions
     */
    static Snapshot snapshot(int identities, DkimKey key, boolean faults) {
        List<Nameserver> servers = new ArrayList<>();
        for (int i = 0; i < ADDRESSES.size(); i++) {
            servers.add(new Nameserver("ns" + (i + 1) + "." + APEX, ADDRESSES.get(i)));
        }
        ZoneView zone = new ZoneView(APEX, servers, Set.of("ns1." + APEX, "ns2." + APEX, "ns3." + APEX),
                Set.of("ns1." + APEX, "ns2." + APEX, "ns3." + APEX), true, null);
        Soa soa = new Soa("ns1." + APEX, "hostmaster." + APEX, 1, 3600, 600, 86400, 300, 3600);
        Answer keyAnswer = new Answer(Transport.REPLY, Answer.NOERROR, false, List.of(), null, null, 1);
        Map<Query, Answer> answers = new HashMap<>();
        Map<String, Answer> keys = new HashMap<>();
        Map<String, String> zoneOfName = new HashMap<>();
        List<Identity> list = new ArrayList<>();
        for (int n = 1; n <= identities; n++) {
            List<ExpectedRecord> records = new ArrayList<>();
            for (String token : BenchIdentities.tokens(n)) {
                String name = token + "._domainkey." + BenchIdentities.domain(n);
                String target = token + "." + BenchIdentities.KEY_ZONE;
                records.add(new ExpectedRecord(token, name, RecordType.CNAME, target));
                zoneOfName.put(name, APEX);
                for (String address : ADDRESSES) {
                    answers.put(new Query(name, "TXT", address), new Answer(Transport.REPLY, Answer.NOERROR, true,
                            List.of(new Rr(parsed(name), "CNAME", BenchIdentities.TTL, parsed(target))), null, null, 1));
                }
                keys.put(target, new Answer(Transport.REPLY, Answer.NOERROR, false,
                        List.of(new Rr(parsed(target), "TXT", BenchIdentities.TTL, parsed(key.txtValue()))), null, null, 1));
                if (faults && token.equals(BenchIdentities.tokens(n).get(n % 3))) {
                    fault(n % 97, name, target, soa, answers, keys);
                }
            }
            list.add(new Identity(BenchIdentities.domain(n), "config", records));
        }
        for (String address : ADDRESSES) {
            answers.put(new Query(APEX, "SOA", address), new Answer(Transport.REPLY, Answer.NOERROR, true,
                    List.of(Rr.soa(APEX, soa)), null, null, 1));
        }
        return new Snapshot(Instant.parse("2026-12-06T12:00:00Z"), list, Map.of(APEX, zone), zoneOfName, answers,
                keys);
    }
}
