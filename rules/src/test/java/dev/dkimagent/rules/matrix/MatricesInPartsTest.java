package dev.dkimagent.rules.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Query;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.Transport;
import dev.dkimagent.rules.model.ZoneView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A snapshot large enough to be built in parts gives the matrices one pass gives: the same rows in
 * the same order, the same key observations in the order their targets first appear.
 */
class MatricesInPartsTest {
    private static final List<String> ZONES = List.of("a.test", "b.test", "c.test");
    private static final int IDENTITIES = 9_000;

    private static Nameserver server(String zone, int n) {
        return new Nameserver("ns" + n + "." + zone, "127.0." + (ZONES.indexOf(zone) + 1) + "." + n);
    }

    private static Answer reply(Rr... rrs) {
        return new Answer(Transport.REPLY, Answer.NOERROR, true, List.of(rrs), null, null, 1);
    }

    /**
     * Identities spread over three zones in turn (the zone changes at every identity), two CNAMEs
     * each; targets shared by many identities across the parts; one server in seven lacks a
     * record, one target in five has no key, and every hundredth identity has a record in no zone.
     */
    private static Snapshot world() {
        List<Identity> identities = new ArrayList<>();
        Map<String, ZoneView> zones = new HashMap<>();
        Map<String, String> zoneOfName = new HashMap<>();
        Map<Query, Answer> answers = new HashMap<>();
        Map<String, Answer> keys = new HashMap<>();
        for (String zone : ZONES) {
            List<Nameserver> servers = List.of(server(zone, 1), server(zone, 2), server(zone, 3));
            Set<String> ns = Set.of("ns1." + zone, "ns2." + zone, "ns3." + zone);
            zones.put(zone, new ZoneView(zone, servers, ns, ns, false, null));
        }
        for (int n = 0; n < IDENTITIES; n++) {
            String zone = ZONES.get(n % ZONES.size());
            String domain = "d" + n + "." + zone;
            List<ExpectedRecord> records = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                String name = "s" + t + "._domainkey." + domain;
                String target = "k" + ((n * 7 + t) % 997) + ".dkim.amazonses.com";
                records.add(new ExpectedRecord("s" + t, name, RecordType.CNAME, target));
                if (n % 100 == 0 && t == 1) {
                    continue; // no zone for this record
                }
                zoneOfName.put(name, zone);
                for (int s = 1; s <= 3; s++) {
                    if ((n + s + t) % 7 != 0) {
                        Answer a = reply(new Rr(name, "CNAME", 3600, target));
                        answers.put(new Query(name, "TXT", server(zone, s).address()), a);
                    }
                }
                if ((n * 7 + t) % 997 % 5 != 0) {
                    keys.put(target, reply(new Rr(target, "TXT", 300, "v=DKIM1; k=rsa; p=" + target.length())));
                }
            }
            identities.add(new Identity(domain, "config", records));
        }
        return new Snapshot(Instant.EPOCH, identities, zones, zoneOfName, answers, keys);
    }

    @Test
    void builtInParts_equalsOnePass() {
        Snapshot world = world();
        assertThat(world.identities()).hasSizeGreaterThanOrEqualTo(Matrices.PARALLEL_FROM);

        Map<String, ZoneMatrix> inParts = Matrices.of(world, true);
        Map<String, ZoneMatrix> onePass = Matrices.of(world, false);

        assertThat(inParts.keySet()).containsExactlyElementsOf(onePass.keySet()).containsExactlyElementsOf(ZONES);
        for (String zone : ZONES) {
            ZoneMatrix a = inParts.get(zone);
            ZoneMatrix b = onePass.get(zone);
            assertThat(a.rows()).as(zone).hasSize(IDENTITIES / 3 * 2 - 30).containsExactlyElementsOf(b.rows());
            assertThat(List.copyOf(a.keys().entrySet())).as(zone).containsExactlyElementsOf(b.keys().entrySet());
            assertThat(a.soas()).isEqualTo(b.soas());
            assertThat(a.servers()).isEqualTo(b.servers());
        }
        assertThat(Matrices.of(world)).as("the public entry takes parts at this size")
                .allSatisfy((zone, m) -> assertThat(m.rows()).containsExactlyElementsOf(onePass.get(zone).rows()));
    }
}
