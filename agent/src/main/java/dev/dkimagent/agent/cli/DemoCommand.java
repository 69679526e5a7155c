package dev.dkimagent.agent.cli;

import dev.dkimagent.agent.config.ConfigException;
import dev.dkimagent.agent.demo.Demo;
import dev.dkimagent.agent.demo.StopSignal;
import dev.dkimagent.agent.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.SchedulerException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dkim-agent demo}: the daemon against an embedded world with scripted faults; no DNS, AWS or Slack needed. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the real daemon against an embedded world on 127.0.0.1: three nameservers (one drifted), "
                + "a resolver for the DKIM keys and an SES endpoint with three identities. Alerts print to the console.%n"
                + "Metrics: http://127.0.0.1:9108/metrics (a free port if 9108 is taken).%n"
                + "Exit: 0 when --duration ends, 130 on Ctrl-C (the shell's code for an interrupt: the JVM "
                + "stops on SIGINT), 3 could not start.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--duration", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Stop by itself after this long: 90s, 5m, 1h. Default: run until Ctrl-C.")
    Duration duration;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (StopSignal stop = StopSignal.onShutdown()) {
            Demo demo;
            try {
                demo = Demo.start(out, ConfigOption.knownCodes());
            } catch (IOException | ConfigException | StoreException | SchedulerException e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("dkim-agent demo: cannot start: " + e.getMessage());
                err.flush();
                return ExitCode.CANNOT_RUN;
            }
            try (demo) {
                out.println(demo.banner(duration == null ? "Press Ctrl-C to stop."
                        : "Stops after " + duration.toSeconds() + " s, or press Ctrl-C."));
                out.flush();
                demo.printMatrix(out);
                stop.await(duration);
                out.println("\ndkim-agent demo: stopping");
                out.flush();
            }
            // before the stop signal closes: on Ctrl-C that lets the JVM halt, and a line after it could be lost
            out.println("dkim-agent demo: stopped");
            out.flush();
        }
        return ExitCode.OK;
    }

    /** "90s", "5m", "1h", "500ms": a positive duration. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

        @Override
        public Duration convert(String value) {
            Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
                throw new CommandLine.TypeConversionException("expected a positive duration such as 90s, 5m or 1h, got '"
                        + value + "'");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
    }
}
