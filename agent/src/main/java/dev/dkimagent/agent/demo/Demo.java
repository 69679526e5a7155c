package dev.dkimagent.agent.demo;

import dev.dkimagent.agent.config.ConfigException;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.daemon.Daemon;
import dev.dkimagent.agent.daemon.DaemonEdges;
import dev.dkimagent.agent.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import org.quartz.SchedulerException;

/**
 * {@code dkim-agent demo}, running: the embedded world, and the real daemon (Quartz, rules,
 * lifecycle, H2 state in a temporary directory, metrics) pointed at it, alerting to the console.
 * Closing stops the daemon, then the world, then deletes the state.
 */
public final class Demo implements AutoCloseable {
    private final Path stateDir;
    private final DemoWorld world;
    private final Daemon daemon;
    private final Settings settings;

    private Demo(Path stateDir, DemoWorld world, Daemon daemon, Settings settings) {
        this.stateDir = stateDir;
        this.world = world;
        this.daemon = daemon;
        this.settings = settings;
    }

    /** Starts the world and the daemon; alerts print to out. knownCodes: the "RULE.TAG" codes levels may use. */
    public static Demo start(PrintWriter out, Set<String> knownCodes)
            throws IOException, ConfigException, StoreException, SchedulerException {
        Path stateDir = Files.createTempDirectory("dkim-agent-demo-");
        DemoWorld world = null;
        try {
            world = DemoWorld.start(Clock.systemUTC());
            Settings settings = DemoConfig.settings(world, stateDir, MetricsPort.preferred(), knownCodes);
            Daemon daemon = Daemon.start(settings, Clock.systemUTC(),
                    new DaemonEdges(new ConsoleChannel(out), world.sesCredentials()));
            return new Demo(stateDir, world, daemon, settings);
        } catch (IOException | ConfigException | StoreException | SchedulerException | RuntimeException e) {
            if (world != null) {
                world.close();
            }
            deleteTree(stateDir);
            throw e;
        }
    }

    public int metricsPort() {
        return daemon.metricsPort();
    }

    /** Prints once what `dkim-agent check` would show for the world now. */
    public void printMatrix(PrintWriter out) throws InterruptedException {
        DemoMatrix.print(out, settings, world.sesCredentials());
    }

    public String banner(String stopHint) {
        return DemoBanner.text(world, stateDir, metricsPort(), stopHint);
    }

    @Override
    public void close() {
        daemon.close();
        world.close();
        deleteTree(stateDir);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(Demo::delete);
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless; the OS cleans it up
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
