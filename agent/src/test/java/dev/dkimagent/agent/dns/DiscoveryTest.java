package dev.dkimagent.agent.dns;

import static dev.dkimagent.agent.dns.FakeNameserver.rr;
import static dev.dkimagent.agent.dns.FakeNameserver.soa;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Transport;
import dev.dkimagent.rules.model.ZoneView;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;

/**
 * A small world: one resolver (answers RD=1 queries as a recursive resolver would), the child
 * servers ns1/ns2 of a.test on 127.0.0.21/22, and the parent server of test on 127.0.0.31, all
 * on one port P. The resolver knows NS {ns1, ns2}; the child publishes {ns1, ns2, ns3}; the
 * parent delegates to {ns1, ns2, old}.
 */
class DiscoveryTest {
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private FakeNameserver resolver;
    private FakeNameserver ns1;
    private FakeNameserver ns2;
    private FakeNameserver parent;
    private DnsClient client;
    private int port;

    @BeforeEach
    void world() throws Exception {
        ns1 = keep(FakeNameserver.start("127.0.0.21", 0));
        port = ns1.port();
        ns2 = keep(FakeNameserver.start("127.0.0.22", port));
        parent = keep(FakeNameserver.start("127.0.0.31", port));
        resolver = keep(FakeNameserver.start());
        client = keep(new DnsClient(TestDns.settings(Duration.ofMillis(300), 1, 64, 0), false, e -> { }));

        resolver.on("a.test", "SOA", Reply.answer(soa("a.test", 1)).notAuthoritative())
                .on("sub.a.test", "SOA", Reply.nodata(soa("a.test", 1)).notAuthoritative())
                .on("www.a.test", "SOA", Reply.answer(rr("www.a.test. 300 IN CNAME elsewhere.example.")))
                .on("gone.test", "SOA", Reply.nxdomain(soa("test", 1)).notAuthoritative())
                .on("test", "SOA", Reply.answer(soa("test", 1)).notAuthoritative())
                .on("a.test", "NS", Reply.answer(ns("a.test", "ns1.a.test"), ns("a.test", "ns2.a.test")))
                .on("test", "NS", Reply.answer(ns("test", "ns.parent.test")))
                .on("ns1.a.test", "A", Reply.answer(a("ns1.a.test", "127.0.0.21")))
                .on("ns2.a.test", "A", Reply.answer(a("ns2.a.test", "127.0.0.22")))
                .on("ns3.a.test", "A", Reply.answer(a("ns3.a.test", "127.0.0.23")))
                .on("old.a.test", "A", Reply.answer(a("old.a.test", "127.0.0.24")))
                .on("ns.parent.test", "A", Reply.answer(a("ns.parent.test", "127.0.0.31")));
        Reply childSet = Reply.answer(ns("a.test", "ns1.a.test"), ns("a.test", "ns2.a.test"), ns("a.test", "ns3.a.test"));
        ns1.on("a.test", "NS", childSet);
        ns2.on("a.test", "NS", childSet);
        parent.on("a.test", "NS", Reply.referral(ns("a.test", "ns1.a.test"), ns("a.test", "ns2.a.test"),
                ns("a.test", "old.a.test")));
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T keep(T c) {
        toClose.add(c);
        return c;
    }

    private Discovery discovery() {
        return new Discovery(client, List.of(resolver.address()), port);
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void findApex_domainIsApex_returnsIt() throws Exception {
        ApexResult r = await(discovery().findApex("A.Test."));

        assertThat(r).isEqualTo(new ApexResult("a.test", null, false));
        assertThat(resolver.received()).allMatch(FakeNameserver.Received::recursionDesired);
    }

    @Test
    void findApex_nameBelowApex_takesAuthoritySoaOwner() throws Exception {
        assertThat(await(discovery().findApex("sub.a.test")).apex()).isEqualTo("a.test");
    }

    @Test
    void findApex_alias_looksUpFromTheParentName() throws Exception {
        assertThat(await(discovery().findApex("www.a.test")).apex()).isEqualTo("a.test");
    }

    @Test
    void findApex_nxdomain_isAnErrorNotTheParentsApex() throws Exception {
        ApexResult r = await(discovery().findApex("gone.test"));

        assertThat(r).isEqualTo(new ApexResult(null, "gone.test does not exist (NXDOMAIN)", false));
    }

    @Test
    void findApex_nxdomainAnsweredByARealZone_takesThatZoneAsApex() throws Exception {
        resolver.on("mail.a.test", "SOA", Reply.nxdomain(soa("a.test", 1)).notAuthoritative());

        ApexResult r = await(discovery().findApex("mail.a.test"));

        assertThat(r).isEqualTo(new ApexResult("a.test", null, false));
    }

    @Test
    void findApex_nxdomainTwoLevelsBelowARealZone_takesThatZoneAsApex() throws Exception {
        resolver.on("x.mail.a.test", "SOA", Reply.nxdomain(soa("a.test", 1)).notAuthoritative());

        assertThat(await(discovery().findApex("x.mail.a.test")).apex()).isEqualTo("a.test");
    }

    @Test
    void findApex_nxdomainWithoutAuthoritySoa_isAnError() throws Exception {
        resolver.on("mail.a.test", "SOA", Reply.answer().rcode(Rcode.NXDOMAIN).notAuthoritative());

        ApexResult r = await(discovery().findApex("mail.a.test"));

        assertThat(r).isEqualTo(new ApexResult(null, "mail.a.test does not exist (NXDOMAIN)", false));
    }

    @Test
    void findApex_nxdomainWhoseSoaIsNotAnAncestor_isAnError() throws Exception {
        resolver.on("mail.a.test", "SOA", Reply.nxdomain(soa("b.test", 1)).notAuthoritative());

        ApexResult r = await(discovery().findApex("mail.a.test"));

        assertThat(r).isEqualTo(new ApexResult(null, "mail.a.test does not exist (NXDOMAIN)", false));
    }

    @Test
    void findApex_noResolverReplies_saysResolverUnreachable() throws Exception {
        FakeNameserver silent = keep(FakeNameserver.start()).otherwise(Reply.drop());
        Discovery d = new Discovery(client, List.of(closedUdpPort(), silent.address()), port);

        ApexResult r = await(d.findApex("a.test"));

        assertThat(r.apex()).isNull();
        assertThat(r.resolverUnreachable()).isTrue();
        assertThat(r.error()).startsWith("no resolver answered the SOA query for a.test: timeout");
    }

    @Test
    void findApex_resolverServfails_isAnErrorButNotUnreachable() throws Exception {
        FakeNameserver broken = keep(FakeNameserver.start()).otherwise(Reply.withRcode(Rcode.SERVFAIL));

        ApexResult r = await(new Discovery(client, List.of(broken.address()), port).findApex("a.test"));

        assertThat(r).isEqualTo(new ApexResult(null, "the resolvers answered SERVFAIL to the SOA query for a.test",
                false));
    }

    @Test
    void resolve_firstResolverRefuses_failsOverToTheNext() throws Exception {
        FakeNameserver refusing = keep(FakeNameserver.start());
        Discovery d = new Discovery(client, List.of(refusing.address(), resolver.address()), port);

        Answer a = await(d.resolve("ns1.a.test", "A"));

        assertThat(a.records()).extracting(r -> r.data()).containsExactly("127.0.0.21");
        assertThat(refusing.queryCount()).isEqualTo(1);
    }

    @Test
    void resolve_twoResolvers_lookUpsStartAtEachInTurn() throws Exception {
        FakeNameserver second = keep(FakeNameserver.start())
                .on("ns1.a.test", "A", Reply.answer(rr("ns1.a.test. 300 IN A 127.0.0.21")).notAuthoritative());
        Discovery d = new Discovery(client, List.of(resolver.address(), second.address()), port);

        for (int i = 0; i < 4; i++) {
            assertThat(await(d.resolve("ns1.a.test", "A")).records()).isNotEmpty();
        }

        assertThat(resolver.queryCount("ns1.a.test", "A")).isEqualTo(2);
        assertThat(second.queryCount("ns1.a.test", "A")).isEqualTo(2);
    }

    @Test
    void resolve_secondResolverRefuses_failsOverWrappingToTheFirst() throws Exception {
        FakeNameserver refusing = keep(FakeNameserver.start());
        Discovery d = new Discovery(client, List.of(resolver.address(), refusing.address()), port);

        await(d.resolve("ns1.a.test", "A"));
        Answer second = await(d.resolve("ns1.a.test", "A"));

        assertThat(second.records()).extracting(r -> r.data()).containsExactly("127.0.0.21");
        assertThat(refusing.queryCount()).isEqualTo(1);
        assertThat(resolver.queryCount("ns1.a.test", "A")).isEqualTo(2);
    }

    @Test
    void resolve_everyResolverFails_returnsTheLastFailure() throws Exception {
        FakeNameserver refusing = keep(FakeNameserver.start());
        FakeNameserver silent = keep(FakeNameserver.start()).otherwise(Reply.drop());
        Discovery d = new Discovery(client, List.of(refusing.address(), silent.address()), port);

        Answer a = await(d.resolve("ns1.a.test", "A"));

        assertThat(a.transport()).isEqualTo(Transport.TIMEOUT);
    }

    @Test
    void discover_findsChildAndParentNsSetsAndEveryAddress() throws Exception {
        ZoneView v = await(discovery().discover("a.test", List.of()));

        assertThat(v.discoveryError()).isNull();
        assertThat(v.overridden()).isFalse();
        assertThat(v.childNs()).containsExactlyInAnyOrder("ns1.a.test", "ns2.a.test", "ns3.a.test");
        assertThat(v.parentNs()).containsExactlyInAnyOrder("ns1.a.test", "ns2.a.test", "old.a.test");
        assertThat(v.servers()).containsExactly(
                new Nameserver("ns1.a.test", "127.0.0.21:" + port),
                new Nameserver("ns2.a.test", "127.0.0.22:" + port),
                new Nameserver("ns3.a.test", "127.0.0.23:" + port),
                new Nameserver("old.a.test", "127.0.0.24:" + port));
        assertThat(v.unaddressedHosts()).isEmpty();
        assertThat(ns1.received()).extracting(FakeNameserver.Received::recursionDesired).containsOnly(false);
        assertThat(parent.received()).extracting(FakeNameserver.Received::recursionDesired).containsOnly(false);
    }

    @Test
    void discover_firstChildServerNotAuthoritative_readsTheNextOne() throws Exception {
        ns1.on("a.test", "NS", Reply.answer(ns("a.test", "lame.a.test")).notAuthoritative());
        ns2.on("a.test", "NS", Reply.answer(ns("a.test", "ns1.a.test"), ns("a.test", "ns2.a.test")));

        ZoneView v = await(discovery().discover("a.test", List.of()));

        assertThat(v.childNs()).containsExactlyInAnyOrder("ns1.a.test", "ns2.a.test");
    }

    @Test
    void discover_parentAuthoritativeForChildToo_readsTheAnswerSection() throws Exception {
        parent.on("a.test", "NS", Reply.answer(ns("a.test", "ns1.a.test")));

        ZoneView v = await(discovery().discover("a.test", List.of()));

        assertThat(v.parentNs()).containsExactly("ns1.a.test");
    }

    @Test
    void discover_nsHostsWithoutAddress_areKeptWithTheirReasons() throws Exception {
        Reply childSet = Reply.answer(ns("a.test", "ns1.a.test"), ns("a.test", "ns2.a.test"),
                ns("a.test", "typo.a.test"), ns("a.test", "slow.a.test"));
        ns1.on("a.test", "NS", childSet);
        ns2.on("a.test", "NS", childSet);
        resolver.on("typo.a.test", "A", Reply.nxdomain(soa("a.test", 1)).notAuthoritative())
                .on("slow.a.test", "A", Reply.drop())
                .on("old.a.test", "A", Reply.nodata(soa("a.test", 1)).notAuthoritative());

        ZoneView v = await(discovery().discover("a.test", List.of()));

        assertThat(v.discoveryError()).isNull();
        assertThat(v.servers()).extracting(Nameserver::host).containsExactly("ns1.a.test", "ns2.a.test");
        assertThat(v.unaddressedHosts()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "typo.a.test", "the name does not exist (NXDOMAIN); AAAA not checked (dns.ipv6 = false)",
                "slow.a.test", "A lookup timed out; AAAA not checked (dns.ipv6 = false)",
                "old.a.test", "no A record; AAAA not checked (dns.ipv6 = false)"));
    }

    @Test
    void discover_ipv6On_hostWithAaaaButNoA_isAddressed() throws Exception {
        DnsClient v6client = keep(new DnsClient(TestDns.settings(Duration.ofMillis(300), 1, 64, 0), true, e -> { }));
        resolver.on("ns3.a.test", "A", Reply.nodata(soa("a.test", 1)).notAuthoritative())
                .on("ns3.a.test", "AAAA", Reply.answer(rr("ns3.a.test. 3600 IN AAAA ::1")).notAuthoritative())
                .on("old.a.test", "A", Reply.nodata(soa("a.test", 1)).notAuthoritative())
                .on("old.a.test", "AAAA", Reply.nodata(soa("a.test", 1)).notAuthoritative());

        ZoneView v = await(new Discovery(v6client, List.of(resolver.address()), port).discover("a.test", List.of()));

        assertThat(v.servers()).contains(new Nameserver("ns3.a.test", "[0:0:0:0:0:0:0:1]:" + port));
        assertThat(v.unaddressedHosts()).containsExactlyEntriesOf(java.util.Map.of(
                "old.a.test", "no A record; no AAAA record"));
    }

    @Test
    void discover_ipv6Off_hostWithOnlyAaaa_isUnaddressed() throws Exception {
        resolver.on("ns3.a.test", "A", Reply.nodata(soa("a.test", 1)).notAuthoritative())
                .on("ns3.a.test", "AAAA", Reply.answer(rr("ns3.a.test. 3600 IN AAAA ::1")).notAuthoritative());

        ZoneView v = await(discovery().discover("a.test", List.of()));

        assertThat(v.servers()).extracting(Nameserver::host).doesNotContain("ns3.a.test");
        assertThat(v.unaddressedHosts()).containsExactlyEntriesOf(java.util.Map.of(
                "ns3.a.test", "no A record; AAAA not checked (dns.ipv6 = false)"));
    }

    @Test
    void discover_noNsRecords_failsWithReason() throws Exception {
        resolver.on("nozone.test", "NS", Reply.nodata(soa("test", 1)));

        ZoneView v = await(discovery().discover("nozone.test", List.of()));

        assertThat(v).isEqualTo(ZoneView.failed("nozone.test", "no NS records for nozone.test (is it a zone apex?)"));
    }

    @Test
    void discover_resolverUnreachable_failsWithReason() throws Exception {
        ZoneView v = await(new Discovery(client, List.of(closedUdpPort()), port).discover("a.test", List.of()));

        assertThat(v.discovered()).isFalse();
        assertThat(v.discoveryError()).startsWith("no resolver answered the NS query for a.test: network error");
    }

    @Test
    void discover_override_usesConfiguredServersAndStillReadsNsSets() throws Exception {
        ZoneView v = await(discovery().discover("a.test", List.of("127.0.0.9:5353", "ns3.a.test")));

        assertThat(v.overridden()).isTrue();
        assertThat(v.discoveryError()).isNull();
        assertThat(v.servers()).containsExactly(
                new Nameserver("127.0.0.9:5353", "127.0.0.9:5353"),
                new Nameserver("ns3.a.test", "127.0.0.23:" + port));
        assertThat(v.childNs()).containsExactlyInAnyOrder("ns1.a.test", "ns2.a.test", "ns3.a.test");
        assertThat(v.parentNs()).containsExactlyInAnyOrder("ns1.a.test", "ns2.a.test", "old.a.test");
    }

    @Test
    void discover_overrideWhenZoneUnknown_keepsServersWithEmptyNsSets() throws Exception {
        ZoneView v = await(discovery().discover("elsewhere.test", List.of("127.0.0.9")));

        assertThat(v).isEqualTo(new ZoneView("elsewhere.test", List.of(new Nameserver("127.0.0.9", "127.0.0.9")),
                java.util.Set.of(), java.util.Set.of(), true, null));
    }

    @Test
    void discover_overrideHostWithoutAddress_failsNamingIt() throws Exception {
        ZoneView v = await(discovery().discover("a.test", List.of("ns9.a.test")));

        assertThat(v.discoveryError()).isEqualTo("configured nameserver ns9.a.test has no address (A lookup failed)");
    }

    private static org.xbill.DNS.Record ns(String zone, String target) {
        return rr(zone + ". 3600 IN NS " + target + ".");
    }

    private static org.xbill.DNS.Record a(String host, String ip) {
        return rr(host + ". 3600 IN A " + ip);
    }

    private static String closedUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return "127.0.0.1:" + s.getLocalPort();
        }
    }
}
