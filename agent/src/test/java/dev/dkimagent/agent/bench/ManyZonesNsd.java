package dev.dkimagent.agent.bench;

import dev.dkimagent.agent.testworld.Binaries;
import dev.dkimagent.agent.testworld.DnsPing;
import dev.dkimagent.agent.testworld.ServerProcess;
import dev.dkimagent.agent.testworld.TempFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * NSD on one address serving thousands of zones, for the cluster bench: the test world's Nsd
 * checks every zone file with nsd-checkzone (one process per zone), which 10,000 zones cannot
 * afford. Ready once the last zone's SOA answers (NSD loads them all before answering any).
 */
final class ManyZonesNsd implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofMinutes(5);

    private final Path dir;
    private final ServerProcess process;

    private ManyZonesNsd(Path dir, ServerProcess process) {
        this.dir = dir;
        this.process = process;
    }

    /** Writes the zones (apex -> text) and a config, starts {@code nsd -d} on {@code address}:53. */
    static ManyZonesNsd start(String address, Map<String, String> zones) {
        Path dir = TempFiles.createDirectory("nsd-bench-" + address + "-");
        StringBuilder conf = new StringBuilder("server:\n  ip-address: " + address + "\n  port: 53\n  do-ip6: no\n"
                + "  server-count: 1\n  username: \"\"\n  chroot: \"\"\n  database: \"\"\n"
                + "  zonesdir: \"" + dir + "\"\n  zonelistfile: \"" + dir.resolve("zone.list") + "\"\n"
                + "  xfrdfile: \"" + dir.resolve("xfrd.state") + "\"\n  xfrdir: \"" + dir + "\"\n"
                + "  pidfile: \"" + dir.resolve("nsd.pid") + "\"\n  logfile: \"" + dir.resolve("nsd.log") + "\"\n"
                + "  rrl-ratelimit: 0\n  rrl-whitelist-ratelimit: 0\nremote-control:\n  control-enable: no\n");
        String last = null;
        for (Map.Entry<String, String> zone : zones.entrySet()) {
            String file = zone.getKey() + ".zone";
            TempFiles.write(dir.resolve(file), zone.getValue());
            conf.append("zone:\n  name: \"").append(zone.getKey()).append("\"\n  zonefile: \"").append(file)
                    .append("\"\n");
            last = zone.getKey();
        }
        TempFiles.write(dir.resolve("nsd.conf"), conf.toString());
        ServerProcess process = ServerProcess.start("nsd " + address, List.of(Binaries.require("nsd"), "-d", "-c",
                dir.resolve("nsd.conf").toString()), dir, dir.resolve("nsd.out"));
        ManyZonesNsd nsd = new ManyZonesNsd(dir, process);
        nsd.awaitSoa(address, last);
        return nsd;
    }

    private void awaitSoa(String address, String zone) {
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            boolean answered = DnsPing.ask(address, 53, zone, Type.SOA, false)
                    .filter(m -> m.getRcode() == Rcode.NOERROR && !m.getSection(Section.ANSWER).isEmpty())
                    .isPresent();
            if (answered) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("nsd on " + address + " did not serve " + zone + ": " + process.output());
    }

    @Override
    public void close() {
        process.stop();
        TempFiles.deleteRecursively(dir);
    }
}
