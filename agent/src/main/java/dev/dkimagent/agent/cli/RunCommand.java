package dev.dkimagent.agent.cli;

import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.daemon.Daemon;
import dev.dkimagent.agent.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dkim-agent run}: the daemon, until SIGTERM or Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the daemon: scheduled DNS sweeps and SES scans, alerts, /metrics. "
                + "Stops cleanly on SIGTERM or Ctrl-C (within 10 s).%n"
                + "Exit: 143 stopped by SIGTERM (130 by Ctrl-C), as for any JVM stopped by a signal; "
                + "2 configuration error, 3 could not start (state locked or unreadable, port taken).")
public final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    /** SIGTERM must end the process within 10 s: leave a margin for the JVM itself. */
    static final long STOP_BUDGET_SECONDS = 8;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Option(names = "--move-aside-unreadable-state",
            description = "If the existing H2 state file cannot be opened (corrupt, truncated, emptied by fsck), "
                    + "rename it to <file>.unreadable-<time> and start with an empty state (every firing alert "
                    + "is announced again). Without it the agent refuses to start (exit 3) and leaves the file as it is.")
    boolean moveAsideUnreadableState;

    @Override
    public Integer call() throws InterruptedException {
        Optional<Settings> loaded = config.loadOrReport(spec.commandLine().getErr());
        if (loaded.isEmpty()) {
            return ExitCode.USAGE;
        }
        Settings settings = loaded.get();
        Daemon daemon;
        try {
            daemon = Daemon.start(settings, Clock.systemUTC(), moveAsideUnreadableState);
        } catch (StoreException | IOException | SchedulerException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("dkim-agent run: cannot start: " + e.getMessage());
            err.flush();
            return ExitCode.CANNOT_RUN;
        }
        LOG.info("dkim-agent {} running with {}; metrics on port {}", dev.dkimagent.agent.Version.current(),
                settings.source(), daemon.metricsPort());
        awaitStop(daemon);
        return ExitCode.OK;
    }

    /** Blocks until the JVM is asked to stop; the shutdown hook closes the daemon within the budget. */
    private static void awaitStop(Daemon daemon) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            Thread closer = new Thread(() -> {
                daemon.close();
                stopped.countDown();
            }, "dkim-agent-stop");
            closer.setDaemon(true);
            closer.start();
            try {
                if (!stopped.await(STOP_BUDGET_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("stop took longer than {} s; exiting anyway"
                            + " (no write is half-done: each zone commits atomically)", STOP_BUDGET_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "dkim-agent-shutdown"));
        stopped.await();
    }
}
