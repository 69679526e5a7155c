package dev.dkimagent.agent.testworld;

import static dev.dkimagent.agent.testworld.WorldData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/** Tests that change zones: their own world on 127.54.0.x, never the shared one. */
class DkimWorldMutationTest {
    private static final String PREFIX = "127.54.0";
    private static DkimWorld world;

    @BeforeAll
    static void startWorld() {
        world = DkimWorld.builder().prefix(PREFIX).start();
    }

    @AfterAll
    static void stopWorld() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void replaceZoneAndRestart_changesThatServersAnswerOnly() {
        Nsd ns3 = world.nameserver("ns3");
        assertThat(rcodeOn(ns3, MISSING_TOKEN)).isEqualTo(Rcode.NXDOMAIN);

        ns3.replaceZone(MYCOMPANY, WorldZones.mycompany(PREFIX).serial(2026112803L).render());
        ns3.restart();

        assertThat(rcodeOn(ns3, MISSING_TOKEN)).isEqualTo(Rcode.NOERROR);
        assertThat(serial(ns3, MYCOMPANY)).isEqualTo(2026112803L);
        assertThat(serial(world.nameserver("ns1"), MYCOMPANY)).isEqualTo(MYCOMPANY_SERIAL);
    }

    @Test
    void replaceZone_rejectedText_keepsTheServedZone() {
        Nsd ns2 = world.nameserver("ns2");
        String before = ns2.zoneText(HEALTHY);
        long servedSerial = serial(ns2, HEALTHY);

        assertThatThrownBy(() -> ns2.replaceZone(HEALTHY, "this is not a zone\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nsd-checkzone");
        ns2.restart();

        assertThat(ns2.zoneText(HEALTHY)).isEqualTo(before);
        assertThat(serial(ns2, HEALTHY)).isEqualTo(servedSerial);
    }

    @Test
    void resolverFlush_showsARepointedCnameAtOnce() {
        String token = HEALTHY_TOKENS.get(2);
        String name = dkimName(token, HEALTHY);
        assertThat(resolvedTarget(name)).isEqualTo(dkimTarget(token));

        String repointed = WorldZones.skeleton(PREFIX, HEALTHY, HEALTHY_SERIAL + 1)
                .cname(token, token + ".dkim.eu-west-1.amazonses.com.", RECORD_TTL).render();
        for (String ns : NAMESERVERS) {
            world.nameserver(ns).replaceZone(HEALTHY, repointed);
            world.nameserver(ns).restart();
        }
        assertThat(resolvedTarget(name)).as("cached for an hour before the flush").isEqualTo(dkimTarget(token));

        world.resolver().flush();

        assertThat(resolvedTarget(name)).isEqualTo(token + ".dkim.eu-west-1.amazonses.com.");
    }

    @Test
    void worldWithAnInvalidZone_failsToStartWithTheCheckzoneMessage() {
        String broken = WorldZones.mycompany("127.55.0").render() + "bad\tIN\tCNAME\tx.example.\nbad\tIN\tA\t127.0.0.1\n";
        DkimWorld.Builder builder = DkimWorld.builder().prefix("127.55.0").zone("ns3", MYCOMPANY, broken);

        assertThatThrownBy(builder::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nsd-checkzone rejects zone 'mycompany.test'")
                .hasMessageContaining("CNAME");
        assertThat(DnsPing.ask("127.55.0.11", DNS_PORT, MYCOMPANY, Type.SOA, false))
                .as("ns1 of the failed world was stopped").isEmpty();
    }

    @Test
    void nsd_onAnAddressInUse_refusesToStartInsteadOfSharingIt() {
        Map<String, String> zones = Map.of(HEALTHY, WorldZones.healthy(PREFIX).render());

        assertThatThrownBy(() -> Nsd.start(world.nameserver("ns1").address(), zones))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nsd cannot start on " + world.nameserver("ns1").address() + ":53");
    }

    @Test
    void nsd_thatExitsAtStart_throwsWithItsLogAndTheInstallHint() throws Exception {
        String address = PREFIX + ".99";
        Map<String, String> zones = Map.of(HEALTHY, WorldZones.healthy(PREFIX).render());
        try (ServerSocket tcpTaken = new ServerSocket(DNS_PORT, 1, InetAddress.getByName(address))) {
            assertThatThrownBy(() -> Nsd.start(address, zones))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("nsd (/")
                    .hasMessageContaining("did not start")
                    .hasMessageContaining("--- nsd.log ---")
                    .hasMessageContaining("tcp")
                    .hasMessageContaining(Binaries.INSTALL_HINT);
        }
    }

    private static int rcodeOn(Nsd server, String token) {
        return Dig.authoritative(server.address(), dkimName(token, MYCOMPANY), Type.CNAME).getRcode();
    }

    private static long serial(Nsd server, String apex) {
        Message reply = Dig.authoritative(server.address(), apex, Type.SOA);
        return ((SOARecord) Dig.answers(reply, Type.SOA).get(0)).getSerial();
    }

    private static String resolvedTarget(String name) {
        Message reply = Dig.recursive(world.resolverAddress(), name, Type.CNAME);
        return ((CNAMERecord) Dig.answers(reply, Type.CNAME).get(0)).getTarget().toString();
    }
}
