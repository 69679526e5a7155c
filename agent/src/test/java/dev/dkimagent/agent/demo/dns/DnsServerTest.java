package dev.dkimagent.agent.demo.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

class DnsServerTest {
    private final List<DnsServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(DnsServer::close);
    }

    private static Record rr(String text) throws IOException {
        String[] t = text.split("\\s+", 4);
        return Record.fromString(Name.fromString(t[0]), Type.value(t[2]), DClass.IN, Long.parseLong(t[1]), t[3], Name.root);
    }

    private static Zone zone() throws IOException {
        List<Record> records = new ArrayList<>(List.of(
                rr("a.test. 3600 SOA ns1.a.test. hostmaster.a.test. 7 3600 600 86400 300"),
                rr("a.test. 3600 NS ns1.a.test."),
                rr("ns1.a.test. 3600 A 127.0.0.1"),
                rr("t1._domainkey.a.test. 1800 CNAME t1.dkim.amazonses.com."),
                rr("big.a.test. 300 TXT \"" + "x".repeat(200) + "\"")));
        for (int i = 0; i < 5; i++) {
            records.add(rr("big.a.test. 300 TXT \"" + i + "y".repeat(200) + "\""));
        }
        return Zone.of(records);
    }

    private DnsServer server(Responder.Role role) throws IOException {
        DnsServer server = DnsServer.start("test", List.of(zone()), role);
        servers.add(server);
        return server;
    }

    private static Message ask(DnsServer server, String name, int type, boolean rd, boolean tcp) throws IOException {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", server.port()));
        resolver.setTimeout(Duration.ofSeconds(2));
        resolver.setTCP(tcp);
        resolver.setIgnoreTruncation(true);
        Message query = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
        if (!rd) {
            query.getHeader().unsetFlag(Flags.RD);
        }
        return resolver.send(query);
    }

    @Test
    void query_recordInZone_answersAuthoritatively() throws IOException {
        Message reply = ask(server(Responder.Role.AUTHORITATIVE), "t1._domainkey.a.test.", Type.CNAME, false, false);

        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(reply.getHeader().getFlag(Flags.RA)).isFalse();
        assertThat(reply.getSection(Section.ANSWER)).extracting(Record::rdataToString, Record::getTTL)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t1.dkim.amazonses.com.", 1800L));
    }

    @Test
    void query_withRecursionDesired_answersTheSameAuthoritativeData() throws IOException {
        DnsServer server = server(Responder.Role.AUTHORITATIVE);

        Message withRd = ask(server, "t1._domainkey.a.test.", Type.CNAME, true, false);
        Message withoutRd = ask(server, "t1._domainkey.a.test.", Type.CNAME, false, false);

        assertThat(withRd.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(withRd.getSection(Section.ANSWER)).isEqualTo(withoutRd.getSection(Section.ANSWER));
    }

    @Test
    void query_otherTypeAtCnameName_answersTheCname() throws IOException {
        Message reply = ask(server(Responder.Role.AUTHORITATIVE), "t1._domainkey.a.test.", Type.TXT, false, false);

        assertThat(reply.getSection(Section.ANSWER)).extracting(Record::getType).containsExactly(Type.CNAME);
    }

    @Test
    void query_missingName_isNxdomainWithSoaInAuthority() throws IOException {
        Message reply = ask(server(Responder.Role.AUTHORITATIVE), "t3._domainkey.a.test.", Type.CNAME, false, false);

        assertThat(reply.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(reply.getSection(Section.ANSWER)).isEmpty();
        List<Record> authority = reply.getSection(Section.AUTHORITY);
        assertThat(authority).hasSize(1).first().isInstanceOf(SOARecord.class);
        assertThat(((SOARecord) authority.get(0)).getSerial()).isEqualTo(7);
        assertThat(authority.get(0).getTTL()).as("min(SOA TTL, SOA MINIMUM)").isEqualTo(300);
    }

    @Test
    void query_existingNameOtherType_isNodataWithSoa() throws IOException {
        Message reply = ask(server(Responder.Role.AUTHORITATIVE), "ns1.a.test.", Type.AAAA, false, false);

        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.getSection(Section.ANSWER)).isEmpty();
        assertThat(reply.getSection(Section.AUTHORITY)).extracting(Record::getType).containsExactly(Type.SOA);
    }

    @Test
    void query_emptyNonTerminal_isNodataNotNxdomain() throws IOException {
        Message reply = ask(server(Responder.Role.AUTHORITATIVE), "_domainkey.a.test.", Type.TXT, false, false);

        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.getSection(Section.AUTHORITY)).extracting(Record::getType).containsExactly(Type.SOA);
    }

    @Test
    void query_nameOutsideEveryZone_isRefused() throws IOException {
        Message reply = ask(server(Responder.Role.AUTHORITATIVE), "b.test.", Type.SOA, true, false);

        assertThat(reply.getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(reply.getHeader().getFlag(Flags.AA)).isFalse();
    }

    @Test
    void query_overTcp_answersTheSame() throws IOException {
        Message reply = ask(server(Responder.Role.AUTHORITATIVE), "a.test.", Type.SOA, false, true);

        assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(reply.getSection(Section.ANSWER)).extracting(Record::getType).containsExactly(Type.SOA);
    }

    @Test
    void query_largeAnswerOverUdpWithoutEdns_isTruncatedAndWholeOverTcp() throws IOException {
        DnsServer server = server(Responder.Role.AUTHORITATIVE);
        SimpleResolver plain = new SimpleResolver(new InetSocketAddress("127.0.0.1", server.port()));
        plain.setEDNS(-1);
        plain.setIgnoreTruncation(true);
        Message query = Message.newQuery(Record.newRecord(Name.fromString("big.a.test."), Type.TXT, DClass.IN));

        Message udp = plain.send(query);
        Message tcp = ask(server, "big.a.test.", Type.TXT, false, true);

        assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(tcp.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(tcp.getSection(Section.ANSWER)).hasSize(6);
    }

    @Test
    void query_asResolver_setsRecursionAvailableNotAuthoritative() throws IOException {
        Message reply = ask(server(Responder.Role.RESOLVER), "t1._domainkey.a.test.", Type.CNAME, true, false);

        assertThat(reply.getHeader().getFlag(Flags.RA)).isTrue();
        assertThat(reply.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(reply.getSection(Section.ANSWER)).hasSize(1);
    }

    @Test
    void close_releasesThePortAndTheThreads() throws IOException {
        DnsServer server = DnsServer.start("closing", List.of(zone()), Responder.Role.AUTHORITATIVE);
        int port = server.port();

        server.close();

        try (DatagramSocket again = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.endsWith("-closing"));
    }

    @Test
    void zone_recordOutsideApex_isRejected() throws IOException {
        List<Record> records = List.of(rr("a.test. 3600 SOA ns1.a.test. h.a.test. 1 3600 600 86400 300"),
                rr("b.test. 60 A 127.0.0.1"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Zone.of(records))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b.test.");
    }
}
