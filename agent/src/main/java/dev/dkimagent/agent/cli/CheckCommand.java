package dev.dkimagent.agent.cli;

import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.report.CheckOutcome;
import dev.dkimagent.agent.report.JsonReport;
import dev.dkimagent.agent.report.TextReport;
import dev.dkimagent.agent.inventory.CombinedInventory;
import dev.dkimagent.agent.inventory.ses.SesInventory;
import dev.dkimagent.agent.pipeline.CheckResult;
import dev.dkimagent.agent.wiring.DnsRuntime;
import dev.dkimagent.agent.wiring.PipelineWiring;
import dev.dkimagent.agent.wiring.SesSetup;
import dev.dkimagent.rules.Severity;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dkim-agent check}: one sweep through the daemon's per-zone path, judged and printed; the
 * exit code says how it went.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks every DKIM record on every authoritative nameserver once.%n"
                + "Exit: 0 nothing at or above --fail-on, 1 findings at or above it, "
                + "2 usage or configuration error, 3 the check could not run.")
public final class CheckCommand implements Callable<Integer> {

    enum Format { text, json }

    @Mixin
    ConfigOption config;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "warning",
            converter = SeverityConverter.class,
            description = "Exit 1 when a finding is at or above this: critical, error, warning, info (default: ${DEFAULT-VALUE}).")
    Severity failOn;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Optional<Settings> loaded = config.loadOrReport(spec.commandLine().getErr());
        if (loaded.isEmpty()) {
            return ExitCode.USAGE;
        }
        Settings settings = loaded.get();
        Optional<String> nothing = Checkable.nothingToCheck(settings);
        if (nothing.isPresent()) {
            return cannotRun(nothing.get(), ExitCode.USAGE);
        }
        CombinedInventory inventory = new CombinedInventory(settings.identities());
        if (settings.ses().enabled()) {
            try (SesInventory ses = SesSetup.inventory(settings.ses(), Clock.systemUTC(), event -> { })) {
                inventory.update(ses.scan());
            }
        }
        PipelineWiring.CheckRun run;
        ResolverWatch resolvers = new ResolverWatch();
        try (DnsRuntime dns = new DnsRuntime(settings, resolvers)) {
            run = PipelineWiring.checkOnce(settings, dns, inventory, Clock.systemUTC());
            boolean located = run.report().judged() || !run.report().failedZones().isEmpty();
            // zone overrides spare the apex look-ups, not the key look-ups: silent resolvers are exit 3 either way
            if (!located || resolvers.noneAnswered() || dns.resolvers().isEmpty()) {
                return cannotRun(noResolver(dns.resolvers()), ExitCode.CANNOT_RUN);
            }
        }
        if (!run.report().failedZones().isEmpty()) {
            return cannotRun("the check failed unexpectedly for " + String.join(", ", run.report().failedZones())
                    + " (see the log above); this is a bug: please report it with this output and"
                    + " DKIM_AGENT_LOG_LEVEL=debug", ExitCode.CANNOT_RUN);
        }
        CheckResult result = run.result();
        CheckOutcome outcome = new CheckOutcome(result.snapshot(), result.verdicts(), result.matrices(), failOn);
        print(outcome);
        return outcome.failing() ? ExitCode.FINDINGS : ExitCode.OK;
    }

    private void print(CheckOutcome outcome) {
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            new JsonReport(out).print(outcome);
        } else {
            new TextReport(out).print(outcome);
        }
    }

    private static String noResolver(java.util.List<String> tried) {
        if (tried.isEmpty()) {
            return "no resolver to ask: dkim-agent.dns.resolvers is empty and the system lists none"
                    + " (/etc/resolv.conf); set dkim-agent.dns.resolvers";
        }
        return "no resolver answered (tried " + String.join(", ", tried)
                + "); set dkim-agent.dns.resolvers to reachable recursive resolvers";
    }

    private int cannotRun(String why, int code) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("dkim-agent check: " + why);
        err.flush();
        return code;
    }
}
