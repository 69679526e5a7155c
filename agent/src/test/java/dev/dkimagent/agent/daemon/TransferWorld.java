package dev.dkimagent.agent.daemon;

import dev.dkimagent.agent.testworld.Ports;
import dev.dkimagent.agent.alert.slack.SlackStub;
import dev.dkimagent.agent.testworld.Command;
import dev.dkimagent.agent.testworld.DkimKey;
import dev.dkimagent.agent.testworld.DnsPing;
import dev.dkimagent.agent.testworld.ServerProcess;
import dev.dkimagent.agent.testworld.TempFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.Message;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Real zone transfers: an NSD primary (ns1, {@code prefix.11}) serving mycompany.test and the key
 * zone dkim.amazonses.com, and two NSD secondaries (ns2, ns3: {@code .12}, {@code .13}) that take
 * mycompany.test by AXFR/IXFR. The primary NOTIFYs both secondaries and the agent
 * ({@code prefix.1:5300}); the secondaries allow NOTIFY from it and request transfers from it.
 * Every server sends from its own address ({@code outgoing-interface}), so the ACLs match. A change
 * is made on the primary's file and loaded with SIGHUP, as an operator's reload would.
 */
final class TransferWorld implements AutoCloseable {
    static final String ZONE = "mycompany.test";
    static final String KEY_ZONE = "dkim.amazonses.com";
    static final int AGENT_NOTIFY_PORT = 5300;
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(10);

    private final String prefix;
    private final Path dir;
    private final List<String> tokens;
    private final Map<String, DkimKey> keys = new LinkedHashMap<>();
    private final SlackStub slack;
    private final int metricsPort;
    private final List<ServerProcess> secondaries = new ArrayList<>();
    private ServerProcess primary;
    private long serial = 2026120601L;
    private final List<String> served;
    private final List<String> extraTokens = new ArrayList<>();
    /** Where a blocked secondary asks for transfers: nobody listens there. */
    private static final int NOWHERE = 50;

    private TransferWorld(String prefix, List<String> tokens) {
        this.prefix = prefix;
        this.dir = TempFiles.createDirectory("dkim-transfer-");
        this.tokens = List.copyOf(tokens);
        tokens.forEach(t -> keys.put(t, DkimKey.generate()));
        this.served = new ArrayList<>(tokens);
        this.slack = SlackStub.start();
        this.metricsPort = Ports.freeLoopback();
    }

    /** Starts the primary and both secondaries and waits until the secondaries serve the primary's serial. */
    static TransferWorld start(String prefix, List<String> tokens) {
        TransferWorld world = new TransferWorld(prefix, tokens);
        try {
            world.writePrimary();
            world.primary = world.nsd("ns1", world.address(11));
            world.secondaries.add(world.nsd("ns2", world.address(12)));
            world.secondaries.add(world.nsd("ns3", world.address(13)));
            world.awaitSerialEverywhere();
            return world;
        } catch (RuntimeException e) {
            world.close();
            throw e;
        }
    }

    String address(int host) {
        return prefix + "." + host;
    }

    String agentAddress() {
        return address(1);
    }

    SlackStub slack() {
        return slack;
    }

    int metricsPort() {
        return metricsPort;
    }

    Path dir() {
        return dir;
    }

    /** The agent's configuration: the three servers named explicitly, the primary as resolver, one Slack webhook. */
    String agentConfig(String extra) {
        StringBuilder identities = new StringBuilder();
        tokens.forEach(t -> identities.append(identities.length() == 0 ? "" : ", ").append('"').append(t).append('"'));
        return """
                dkim-agent {
                  dns { resolvers = ["%1$s"], timeout = 1s, attempts = 2, ipv6 = false }
                  identities = [{ domain = "%2$s", tokens = [%3$s] }]
                  zones { "%2$s" { nameservers = ["%1$s", "%4$s", "%5$s"] } }
                  schedule { dns-interval = 5m }
                  alerting { firing-after = 2, resolve-after = 1, slack.webhook-url = "%6$s" }
                  state.url = "jdbc:h2:file:%7$s"
                  http { bind = "127.0.0.1", port = %8$d }
                  %9$s
                }
                """.formatted(address(11), ZONE, identities, address(12), address(13), slack.webhookUrl(),
                dir.resolve("data").resolve("dkim-agent"), metricsPort, extra);
    }

    /** Removes a token's CNAME on the primary and reloads it (SIGHUP); returns when the signal was sent. */
    Instant deleteOnPrimary(String token) {
        served.remove(token);
        return reloadPrimary();
    }

    /** Serves a token's CNAME again on the primary and reloads it. */
    Instant addOnPrimary(String token) {
        served.add(token);
        return reloadPrimary();
    }

    /** Adds the CNAME of a token no identity expects yet (a new SES token) on the primary and reloads it. */
    Instant addNewTokenOnPrimary(String token) {
        extraTokens.add(token);
        return reloadPrimary();
    }

    /**
     * Restarts ns3 serving the primary's current zone, but asking a dead address for transfers and
     * taking NOTIFY from nobody: from now on it stays at this serial.
     */
    void blockTransfersToNs3() {
        ServerProcess ns3 = secondaries.remove(1);
        ns3.stop();
        Path home = dir.resolve("ns3");
        TempFiles.deleteQuietlyIfExists(home.resolve("xfrd.state"));
        TempFiles.write(home.resolve(ZONE + ".zone"), zoneText());
        secondaries.add(nsd("ns3", address(13), true));
    }

    /** The serial the primary serves now. */
    long serial() {
        return serial;
    }

    /** The primary's serial, once every secondary serves it too. */
    void awaitSerialEverywhere() {
        Instant deadline = Instant.now().plus(SETTLE_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (serialAt(address(11)).equals(Optional.of(serial)) && serialAt(address(12)).equals(Optional.of(serial))
                    && serialAt(address(13)).equals(Optional.of(serial))) {
                return;
            }
            pause();
        }
        throw new IllegalStateException("the secondaries did not reach serial " + serial + " within " + SETTLE_LIMIT
                + ": ns2 " + serialAt(address(12)) + ", ns3 " + serialAt(address(13)) + "\n" + logs());
    }

    static Optional<Long> serialAt(String address) {
        return DnsPing.ask(address, 53, ZONE + ".", Type.SOA, false)
                .flatMap(m -> m.getSection(Section.ANSWER).stream().filter(r -> r instanceof SOARecord)
                        .map(r -> ((SOARecord) r).getSerial()).findFirst());
    }

    String logs() {
        return "--- ns1 ---\n" + TempFiles.readOrExplain(dir.resolve("ns1/nsd.log"))
                + "\n--- ns2 ---\n" + TempFiles.readOrExplain(dir.resolve("ns2/nsd.log"))
                + "\n--- ns3 ---\n" + TempFiles.readOrExplain(dir.resolve("ns3/nsd.log"));
    }

    private Instant reloadPrimary() {
        serial++;
        TempFiles.write(dir.resolve("ns1").resolve(ZONE + ".zone"), zoneText());
        Instant at = Instant.now();
        Command.run("kill", "-HUP", Long.toString(primary.pid())).orThrow("SIGHUP to the primary");
        return at;
    }

    private void writePrimary() {
        Path ns1 = createDirectory(dir.resolve("ns1"));
        TempFiles.write(ns1.resolve(ZONE + ".zone"), zoneText());
        TempFiles.write(ns1.resolve(KEY_ZONE + ".zone"), keyZoneText());
    }

    private ServerProcess nsd(String name, String address) {
        return nsd(name, address, false);
    }

    private ServerProcess nsd(String name, String address, boolean blocked) {
        Path home = dir.resolve(name);
        createDirectory(home);
        Path conf = home.resolve("nsd.conf");
        TempFiles.write(conf, name.equals("ns1") ? primaryConfig(home)
                : secondaryConfig(home, address, blocked ? address(NOWHERE) : address(11)));
        Command.run("nsd-checkconf", conf.toString()).orThrow("nsd-checkconf " + conf);
        ServerProcess process = ServerProcess.start("nsd " + name + " on " + address,
                // its own session: an NSD reload signals its process group, which must not include this JVM
                List.of("setsid", "nsd", "-d", "-c", conf.toString()), home, home.resolve("nsd.out"));
        Instant deadline = Instant.now().plus(SETTLE_LIMIT);
        while (DnsPing.ask(address, 53, ".", Type.SOA, false).isEmpty()) {
            if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                process.stop();
                throw new IllegalStateException(name + " did not start:\n" + process.output() + "\n" + logs());
            }
            pause();
        }
        return process;
    }

    private String primaryConfig(Path home) {
        return server(home, address(11))
                + zone(ZONE, address(11))
                + "  notify: " + address(12) + " NOKEY\n"
                + "  notify: " + address(13) + " NOKEY\n"
                + "  notify: " + agentAddress() + "@" + AGENT_NOTIFY_PORT + " NOKEY\n"
                + "  provide-xfr: " + address(12) + " NOKEY\n"
                + "  provide-xfr: " + address(13) + " NOKEY\n"
                + "zone:\n  name: \"" + KEY_ZONE + "\"\n  zonefile: \"" + KEY_ZONE + ".zone\"\n";
    }

    private String secondaryConfig(Path home, String address, String primaryAddress) {
        return server(home, address)
                + zone(ZONE, address)
                + "  allow-notify: " + primaryAddress + " NOKEY\n"
                + "  request-xfr: " + primaryAddress + " NOKEY\n";
    }

    private static String zone(String name, String outgoing) {
        return "zone:\n  name: \"" + name + "\"\n  zonefile: \"" + name + ".zone\"\n"
                + "  outgoing-interface: " + outgoing + "\n";
    }

    private static String server(Path home, String address) {
        return """
                server:
                  ip-address: %2$s
                  port: 53
                  do-ip6: no
                  server-count: 1
                  username: ""
                  chroot: ""
                  database: ""
                  zonesdir: "%1$s"
                  zonelistfile: "%1$s/zone.list"
                  xfrdfile: "%1$s/xfrd.state"
                  xfrdir: "%1$s"
                  pidfile: "%1$s/nsd.pid"
                  logfile: "%1$s/nsd.log"
                  rrl-ratelimit: 0
                  rrl-whitelist-ratelimit: 0
                remote-control:
                  control-enable: no
                """.formatted(home, address);
    }

    private String zoneText() {
        StringBuilder z = new StringBuilder("$TTL 300\n")
                .append(ZONE).append(". IN SOA ns1.").append(ZONE).append(". hostmaster.").append(ZONE).append(". ")
                .append(serial).append(" 3600 600 86400 300\n");
        for (int i = 1; i <= 3; i++) {
            z.append(ZONE).append(". IN NS ns").append(i).append('.').append(ZONE).append(".\n");
            z.append("ns").append(i).append('.').append(ZONE).append(". IN A ").append(address(10 + i)).append('\n');
        }
        for (String t : extraTokens) {
            z.append(t).append("._domainkey.").append(ZONE).append(". IN CNAME ").append(t).append('.')
                    .append(KEY_ZONE).append(".\n");
        }
        for (String t : served) {
            z.append(t).append("._domainkey.").append(ZONE).append(". IN CNAME ").append(t).append('.')
                    .append(KEY_ZONE).append(".\n");
        }
        return z.toString();
    }

    private String keyZoneText() {
        StringBuilder z = new StringBuilder("$TTL 300\n")
                .append(KEY_ZONE).append(". IN SOA ns1.").append(ZONE).append(". hostmaster.").append(ZONE)
                .append(". 1 3600 600 86400 300\n")
                .append(KEY_ZONE).append(". IN NS ns1.").append(ZONE).append(".\n");
        keys.forEach((token, key) -> {
            z.append(token).append('.').append(KEY_ZONE).append(". IN TXT");
            key.txtStrings().forEach(s -> z.append(" \"").append(s).append('"'));
            z.append('\n');
        });
        return z.toString();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Path createDirectory(Path path) {
        try {
            return java.nio.file.Files.createDirectories(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }


    @Override
    public void close() {
        secondaries.forEach(ServerProcess::stop);
        if (primary != null) {
            primary.stop();
        }
        slack.close();
        TempFiles.deleteRecursively(dir);
    }
}
