package dev.dkimagent.agent.testworld;

import static dev.dkimagent.agent.testworld.WorldData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class DkimWorldTest {
    private final DkimWorld world = DkimWorld.shared();

    @Test
    void nameservers_answerEachZoneSoaAuthoritatively_withoutRecursion() {
        for (String ns : NAMESERVERS) {
            for (String apex : List.of(MYCOMPANY, HEALTHY)) {
                Message reply = Dig.authoritative(world.nameserver(ns).address(), apex, Type.SOA);

                assertThat(reply.getRcode()).as("%s %s", ns, apex).isEqualTo(Rcode.NOERROR);
                assertThat(reply.getHeader().getFlag(Flags.AA)).as("AA from %s for %s", ns, apex).isTrue();
                assertThat(reply.getHeader().getFlag(Flags.RD)).isFalse();
                assertThat(Dig.answers(reply, Type.SOA)).hasSize(1);
            }
        }
    }

    @Test
    void mycompany_serialIsBehindOnDriftedNs3Only() {
        assertThat(serialOn("ns1", MYCOMPANY)).isEqualTo(MYCOMPANY_SERIAL);
        assertThat(serialOn("ns2", MYCOMPANY)).isEqualTo(MYCOMPANY_SERIAL);
        assertThat(serialOn("ns3", MYCOMPANY)).isEqualTo(MYCOMPANY_DRIFTED_SERIAL);
    }

    @Test
    void ns3_answersNxdomainForMissingToken_withSoaInAuthority() {
        Message reply = Dig.authoritative(world.nameserver("ns3").address(), dkimName(MISSING_TOKEN, MYCOMPANY), Type.CNAME);

        assertThat(reply.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(reply.getSection(Section.AUTHORITY)).singleElement().isInstanceOfSatisfying(SOARecord.class,
                soa -> assertThat(soa.getSerial()).isEqualTo(MYCOMPANY_DRIFTED_SERIAL));
    }

    @Test
    void ns1AndNs2_serveEveryMycompanyCname_withTtl3600() {
        for (String ns : List.of("ns1", "ns2")) {
            for (String token : MYCOMPANY_TOKENS) {
                assertThat(cnameOn(ns, token, MYCOMPANY)).as("%s %s", ns, token).satisfies(cname -> {
                    assertThat(cname.getTarget()).hasToString(dkimTarget(token));
                    assertThat(cname.getTTL()).isEqualTo(RECORD_TTL);
                });
            }
        }
    }

    @Test
    void ns3_servesOddTtlTokenWithTtl300() {
        CNAMERecord cname = cnameOn("ns3", ODD_TTL_TOKEN, MYCOMPANY);

        assertThat(cname.getTTL()).isEqualTo(ODD_TTL);
        assertThat(cname.getTarget()).hasToString(dkimTarget(ODD_TTL_TOKEN));
    }

    @Test
    void healthy_isIdenticalOnEveryServer() {
        for (String ns : NAMESERVERS) {
            assertThat(serialOn(ns, HEALTHY)).isEqualTo(HEALTHY_SERIAL);
            for (String token : HEALTHY_TOKENS) {
                CNAMERecord cname = cnameOn(ns, token, HEALTHY);
                assertThat(cname.getTarget()).hasToString(dkimTarget(token));
                assertThat(cname.getTTL()).isEqualTo(RECORD_TTL);
            }
        }
    }

    @Test
    void soa_hasTheWorldsMinimumAndTtl() {
        Message reply = Dig.authoritative(world.nameserver("ns3").address(), MYCOMPANY, Type.SOA);
        SOARecord soa = (SOARecord) Dig.answers(reply, Type.SOA).get(0);

        assertThat(soa.getMinimum()).isEqualTo(SOA_MINIMUM);
        assertThat(soa.getTTL()).isEqualTo(SOA_TTL);
    }

    @Test
    void resolver_followsRealDelegationToHealthyCname() {
        String token = HEALTHY_TOKENS.get(0);
        Message reply = Dig.recursive(world.resolverAddress(), dkimName(token, HEALTHY), Type.CNAME);

        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.getHeader().getFlag(Flags.RA)).isTrue();
        assertThat(Dig.answers(reply, Type.CNAME)).singleElement().isInstanceOfSatisfying(CNAMERecord.class,
                cname -> assertThat(cname.getTarget()).hasToString(dkimTarget(token)));
    }

    @Test
    void resolver_findsKeyTxtAtCnameTarget_asTwoStringsOfA2048BitKey() throws Exception {
        Message reply = Dig.recursive(world.resolverAddress(), dkimTarget(HEALTHY_TOKENS.get(1)), Type.TXT);

        TXTRecord txt = (TXTRecord) Dig.answers(reply, Type.TXT).get(0);
        List<String> strings = txt.getStrings();
        assertThat(strings).hasSize(2).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(255));
        String joined = String.join("", strings);
        assertThat(joined).isEqualTo(world.key().txtValue()).startsWith("v=DKIM1; k=rsa; p=");
        byte[] spki = Base64.getDecoder().decode(joined.substring(DkimKey.TAGS.length()));
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
        assertThat(key.getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void resolver_resolvesMycompanyTokenThroughCnameToKey() {
        String token = MYCOMPANY_TOKENS.get(0);
        Message reply = Dig.recursive(world.resolverAddress(), dkimName(token, MYCOMPANY), Type.TXT);

        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(Dig.answers(reply, Type.CNAME)).hasSize(1);
        assertThat(Dig.answers(reply, Type.TXT)).singleElement().isInstanceOfSatisfying(TXTRecord.class,
                txt -> assertThat(String.join("", txt.getStrings())).isEqualTo(world.key().txtValue()));
    }

    @Test
    void shared_isOneWorldPerJvm() {
        assertThat(DkimWorld.shared()).isSameAs(world);
        assertThat(world.resolverAddress()).isEqualTo(RESOLVER_ADDRESS);
        assertThat(world.root().address()).isEqualTo(ROOT_ADDRESS);
        assertThat(world.keyServer().address()).isEqualTo(KEY_SERVER_ADDRESS);
    }

    @Test
    void close_ofTheSharedWorld_leavesItRunningForOtherTests() {
        world.close();

        assertThat(Dig.authoritative(world.root().address(), ".", Type.SOA).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    @Test
    void nameserver_unknownName_isRejectedWithTheKnownOnes() {
        assertThatThrownBy(() -> world.nameserver("ns4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ns4").hasMessageContaining("ns1");
    }

    private long serialOn(String ns, String apex) {
        Message reply = Dig.authoritative(world.nameserver(ns).address(), apex, Type.SOA);
        return ((SOARecord) Dig.answers(reply, Type.SOA).get(0)).getSerial();
    }

    private CNAMERecord cnameOn(String ns, String token, String apex) {
        Message reply = Dig.authoritative(world.nameserver(ns).address(), dkimName(token, apex), Type.CNAME);
        assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
        List<Record> cnames = Dig.answers(reply, Type.CNAME);
        assertThat(cnames).as("CNAME of %s on %s", token, ns).hasSize(1);
        return (CNAMERecord) cnames.get(0);
    }
}
