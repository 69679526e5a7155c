package dev.dkimagent.agent.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The check bench's summary: medians [min-max] of both sides, the ratio, and issue 10's four targets. */
final class CheckBenchSummary {
    private static final double MIN_RATIO = 0.5;
    private static final double MAX_CPU_US = 25;
    private static final double MAX_WALL_S = 4;
    private static final double MAX_RSS_MB = 300;

    private final List<DnsperfPass.Result> perf;
    private final List<AgentCheckRun.Result> agent;
    private final PrintStream out;

    CheckBenchSummary(List<DnsperfPass.Result> perf, List<AgentCheckRun.Result> agent, PrintStream out) {
        this.perf = perf;
        this.agent = agent;
        this.out = out;
    }

    void print() {
        Spread perfQps = Spread.of(perf, DnsperfPass.Result::qps);
        Spread sweepQps = Spread.of(agent, AgentCheckRun.Result::sweepQps);
        Spread cpuUs = Spread.of(agent, AgentCheckRun.Result::cpuMicrosPerQuery);
        Spread wall = Spread.of(agent, AgentCheckRun.Result::wallSeconds);
        Spread rssMb = Spread.of(agent, a -> a.maxRssKb() / 1024.0);
        Spread ratio = Spread.of(List.copyOf(indices()), i -> agent.get(i).sweepQps() / perf.get(i).qps());
        out.println();
        out.println("median [min-max] over " + agent.size() + " runs");
        line("dnsperf queries", Spread.of(perf, DnsperfPass.Result::queries).format("%.0f"));
        line("dnsperf seconds", Spread.of(perf, DnsperfPass.Result::seconds).format("%.2f"));
        line("dnsperf q/s", perfQps.format("%.0f"));
        line("agent queries", Spread.of(agent, AgentCheckRun.Result::queries).format("%.0f"));
        line("agent wall s", wall.format("%.2f"));
        line("  start (launch->first query)", Spread.of(agent, AgentCheckRun.Result::startSeconds).format("%.2f"));
        line("  sweep (first query->last reply)", Spread.of(agent, AgentCheckRun.Result::sweepSeconds).format("%.2f"));
        line("  finish (last reply->exit)", Spread.of(agent, AgentCheckRun.Result::finishSeconds).format("%.2f"));
        line("agent sweep q/s", sweepQps.format("%.0f"));
        line("agent CPU s", Spread.of(agent, AgentCheckRun.Result::cpuSeconds).format("%.2f"));
        line("agent CPU us/query", cpuUs.format("%.1f"));
        line("agent max RSS MB", rssMb.format("%.0f"));
        line("ratio agent/dnsperf q/s", ratio.format("%.3f"));
        out.println();
        target("sweep rate >= 50% of dnsperf", ratio.median() >= MIN_RATIO, ratio.format("%.3f"));
        target("CPU per query <= 25 us", cpuUs.median() <= MAX_CPU_US, cpuUs.format("%.1f") + " us");
        target("whole check <= 4 s wall", wall.median() <= MAX_WALL_S, wall.format("%.2f") + " s");
        target("RSS <= 300 MB", rssMb.median() <= MAX_RSS_MB, rssMb.format("%.0f") + " MB");
    }

    private List<Integer> indices() {
        return java.util.stream.IntStream.range(0, agent.size()).boxed().toList();
    }

    private void line(String name, String value) {
        out.printf(Locale.ROOT, "  %-34s %s%n", name, value);
    }

    private void target(String name, boolean met, String value) {
        out.printf(Locale.ROOT, "target %-30s %-4s median %s%n", name, met ? "MET" : "MISS", value);
    }
}
