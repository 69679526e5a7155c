package dev.dkimagent.agent.testworld;

import dev.dkimagent.agent.testworld.ZoneText.Names;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * One NSD instance on one address, serving apex -> zone file text from its own temp directory.
 * Config and zones are validated with nsd-checkconf / nsd-checkzone before start; a failure
 * throws IllegalStateException with the tool's or the server's own words. Never skips.
 */
public final class Nsd implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(10);
    /** Zone text NSD loads per extra second allowed to start (a 100,000-identity bench world is 100+ MB). */
    private static final long BYTES_PER_EXTRA_SECOND = 4_000_000;
    /** How long a just-stopped server may keep its port before the address counts as taken. */
    private static final Duration PORT_RELEASE_LIMIT = Duration.ofSeconds(3);

    private final String address;
    private final int port;
    private final Path dir;
    private final Map<String, String> zones = new LinkedHashMap<>();
    private ServerProcess process;

    private Nsd(String address, int port, Map<String, String> zones) {
        if (zones.isEmpty()) {
            throw new IllegalArgumentException("an NSD instance needs at least one zone");
        }
        this.address = address;
        this.port = port;
        this.dir = TempFiles.createDirectory("nsd-" + address + "-");
        zones.forEach((apex, text) -> this.zones.put(Names.zoneName(apex), text));
    }

    /** Starts NSD on {@code address}:53. */
    public static Nsd start(String address, Map<String, String> zones) {
        return start(address, 53, zones);
    }

    /** Starts NSD on {@code address}:{@code port}; waits until the first zone's SOA answers. */
    public static Nsd start(String address, int port, Map<String, String> zones) {
        Nsd nsd = new Nsd(address, port, zones);
        try {
            nsd.writeAndValidate();
            nsd.launch();
            return nsd;
        } catch (RuntimeException e) {
            nsd.close();
            throw e;
        }
    }

    public String address() {
        return address;
    }

    public int port() {
        return port;
    }

    public Optional<Long> pid() {
        return Optional.ofNullable(process).map(ServerProcess::pid);
    }

    /** The zone text currently on disk for {@code apex}. */
    public String zoneText(String apex) {
        return zones.get(servedZone(apex));
    }

    public List<String> zoneNames() {
        return List.copyOf(zones.keySet());
    }

    /**
     * Replaces a served zone's file after nsd-checkzone accepts the new text (the old file stays
     * if it does not). Takes effect on {@link #restart()}.
     */
    public void replaceZone(String apex, String text) {
        String zone = servedZone(apex);
        Path candidate = dir.resolve(zoneFile(zone) + ".new");
        TempFiles.write(candidate, text);
        try {
            checkZone(zone, candidate);
            Files.move(candidate, dir.resolve(zoneFile(zone)), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            TempFiles.deleteQuietlyIfExists(candidate);
        }
        zones.put(zone, text);
    }

    /** Stops and starts this instance, so it loads its zone files again. */
    public void restart() {
        stopProcess();
        TempFiles.deleteQuietlyIfExists(dir.resolve("xfrd.state"));
        launch();
    }

    /** The NSD log file (for error messages and debugging). */
    public String log() {
        return TempFiles.readOrExplain(dir.resolve("nsd.log"));
    }

    @Override
    public void close() {
        try {
            stopProcess();
        } finally {
            TempFiles.deleteRecursively(dir);
        }
    }

    @Override
    public String toString() {
        return "nsd on " + address + ":" + port + " serving " + zones.keySet();
    }

    private void writeAndValidate() {
        Path conf = dir.resolve("nsd.conf");
        TempFiles.write(conf, config());
        Command.run("nsd-checkconf", conf.toString()).orThrow("nsd-checkconf of " + this);
        zones.forEach((zone, text) -> {
            Path file = dir.resolve(zoneFile(zone));
            TempFiles.write(file, text);
            checkZone(zone, file);
        });
    }

    private static void checkZone(String zone, Path file) {
        Command.Result result = Command.run("nsd-checkzone", zone, file.toString());
        if (!result.succeeded()) {
            throw new IllegalStateException("nsd-checkzone rejects zone '" + zone + "': " + result.output().strip()
                    + "\n--- zone text ---\n" + TempFiles.readOrExplain(file));
        }
    }

    private void launch() {
        requireFreeUdpPort();
        List<String> command = List.of(Binaries.require("nsd"), "-d", "-c", dir.resolve("nsd.conf").toString());
        process = ServerProcess.start(toString(), command, dir, dir.resolve("nsd.out"));
        awaitFirstSoa();
    }

    // NSD binds with SO_REUSEADDR: on a taken UDP port it would start "fine" and the old
    // server would answer the readiness query. A plain bind fails then, and says so. A server
    // just killed (SIGKILL) may hold its socket for a moment while the kernel tears it down:
    // wait a bounded while before calling the address taken.
    private void requireFreeUdpPort() {
        Instant deadline = Instant.now().plus(PORT_RELEASE_LIMIT);
        while (true) {
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), port))) {
                return;
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("nsd cannot start on " + address + ":" + port + ": " + e.getMessage()
                            + " (another server holds the address; is a world with the same prefix still running?)", e);
                }
                Pause.briefly();
            }
        }
    }

    private void awaitFirstSoa() {
        String zone = zones.keySet().iterator().next();
        Duration limit = START_LIMIT.plusSeconds(zones.values().stream().mapToLong(String::length).sum()
                / BYTES_PER_EXTRA_SECOND);
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw startFailure("nsd exited");
            }
            if (DnsPing.ask(address, port, zone, Type.SOA, false).filter(Nsd::isAuthoritativeAnswer).isPresent()) {
                return;
            }
            Pause.briefly();
        }
        throw startFailure("no authoritative SOA for '" + zone + "' within " + limit.toSeconds() + " s");
    }

    private static boolean isAuthoritativeAnswer(Message reply) {
        return reply.getRcode() == Rcode.NOERROR && reply.getHeader().getFlag(Flags.AA);
    }

    private IllegalStateException startFailure(String reason) {
        String output = process.output();
        stopProcess();
        return new IllegalStateException("nsd (" + Binaries.require("nsd") + ") on " + address + ":" + port
                + " did not start: " + reason + ".\n--- nsd.log ---\n" + log()
                + "\n--- stdout/stderr ---\n" + output
                + "\nIf nsd is missing or broken: " + Binaries.INSTALL_HINT);
    }

    private void stopProcess() {
        if (process != null) {
            ServerProcess running = process;
            process = null;
            running.stop();
        }
    }

    private String servedZone(String apex) {
        String zone = Names.zoneName(apex);
        if (!zones.containsKey(zone)) {
            throw new IllegalArgumentException(this + " does not serve zone '" + apex + "'");
        }
        return zone;
    }

    private static String zoneFile(String zone) {
        return (zone.equals(".") ? "root" : zone) + ".zone";
    }

    private String config() {
        StringBuilder conf = new StringBuilder()
                .append("server:\n")
                .append("  ip-address: ").append(address).append('\n')
                .append("  port: ").append(port).append('\n')
                .append("  do-ip6: no\n")
                .append("  server-count: 1\n")
                .append("  username: \"\"\n")
                .append("  chroot: \"\"\n")
                .append("  database: \"\"\n")
                .append("  zonesdir: \"").append(dir).append("\"\n")
                .append("  zonelistfile: \"").append(dir.resolve("zone.list")).append("\"\n")
                .append("  xfrdfile: \"").append(dir.resolve("xfrd.state")).append("\"\n")
                .append("  xfrdir: \"").append(dir).append("\"\n")
                .append("  pidfile: \"").append(dir.resolve("nsd.pid")).append("\"\n")
                .append("  logfile: \"").append(dir.resolve("nsd.log")).append("\"\n")
                // Debian's NSD rate-limits (200/s per name); tests ask the same names fast.
                .append("  rrl-ratelimit: 0\n")
                .append("  rrl-whitelist-ratelimit: 0\n")
                .append("remote-control:\n")
                .append("  control-enable: no\n");
        zones.keySet().forEach(zone -> conf
                .append("zone:\n")
                .append("  name: \"").append(zone).append("\"\n")
                .append("  zonefile: \"").append(zoneFile(zone)).append("\"\n"));
        return conf.toString();
    }
}
